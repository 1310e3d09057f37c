import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { gongwen } from "../helpers/cli.js";
import { sampleText, sampleWith, tempDir } from "../helpers/data.js";
import { sealPng } from "../helpers/png.js";

/**
 * The same input gives the same bytes whatever the clock's zone or the locale: every package goes
 * through the one zip writer with a fixed DOS date (src/render/docx/zip.ts). Before, the redline's
 * entries were stamped in local time (different bytes in UTC and Asia/Shanghai; 「date not in range」
 * and exit 70 west of UTC).
 */
const SETTINGS = [
  ["UTC", "C"],
  ["UTC", "zh_CN.UTF-8"],
  ["Asia/Shanghai", "C"],
  ["Asia/Shanghai", "zh_CN.UTF-8"],
  ["America/New_York", "C"],
  ["America/New_York", "zh_CN.UTF-8"],
] as const;

const sha = (file: string) => createHash("sha256").update(readFileSync(file)).digest("hex");

let dir: string;
beforeAll(() => {
  dir = tempDir("gongwen-tz-");
  writeFileSync(join(dir, "old.yaml"), sampleText());
  writeFileSync(join(dir, "new.yaml"), sampleText().replace("考核内容", "考察内容").replace(/各市州/u, "各市、州"));
  writeFileSync(join(dir, "seal.png"), sealPng());
  writeFileSync(join(dir, "sealed.yaml"), sampleWith([[["envelope", "seal"], { image: "seal.png" }]]));
});

describe("bytes independent of time zone and locale", () => {
  it("render (plain and with a seal), diff --redline and new --from write identical bytes under every zone and locale", () => {
    const hashes = new Set<string>();
    SETTINGS.forEach(([zone, locale], index) => {
      const env = { TZ: zone, LANG: locale, LC_ALL: locale };
      const out = (name: string) => join(dir, `${index}-${name}`);
      for (const [data, name] of [
        ["old.yaml", "old.docx"],
        ["new.yaml", "new.docx"],
        ["sealed.yaml", "sealed.docx"],
      ] as const) {
        const result = gongwen(["render", join(dir, data), "-o", out(name), "-q"], { env });
        expect(result.status, result.stderr).toBe(0);
      }
      const redline = gongwen(["diff", out("old.docx"), out("new.docx"), "--redline", out("redline.docx"), "--author", "审核", "--date", "2022-03-01T08:00:00Z"], { env });
      expect(redline.status, redline.stderr).toBe(1);
      const next = gongwen(["new", "--from", join(dir, "old.yaml"), "-o", out("next.yaml")], { env });
      expect(next.status, next.stderr).toBe(0);
      hashes.add(["old.docx", "new.docx", "sealed.docx", "redline.docx", "next.yaml"].map((name) => sha(out(name))).join(" "));
    });
    expect([...hashes]).toHaveLength(1);
  });
});
