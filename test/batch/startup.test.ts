import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gongwen } from "../helpers/cli.js";
import { tempDir } from "../helpers/data.js";
import { ROOT, SAMPLE } from "../helpers/paths.js";
import { layoutVariants } from "../helpers/variants.js";

describe("start-up", () => {
  it("runs from the bundle (dist/gongwen.cjs) and from the modules in dist/ with identical output", () => {
    expect(existsSync(join(ROOT, "dist", "gongwen.cjs")), "npm run build makes the bundle").toBe(true);
    const dir = tempDir();
    const bundled = gongwen(["render", SAMPLE, "-o", join(dir, "bundled.docx"), "-q"]);
    const modules = gongwen(["render", SAMPLE, "-o", join(dir, "modules.docx"), "-q"], { env: { GONGWEN_NO_BUNDLE: "1" } });
    expect([bundled.status, modules.status]).toEqual([0, 0]);
    expect(Buffer.compare(readFileSync(join(dir, "bundled.docx")), readFileSync(join(dir, "modules.docx")))).toBe(0);
  });

  it("writes from the bundle's prebuilt package shells exactly what the modules make afresh (both font profiles, one and two sections)", () => {
    const dir = tempDir();
    const short = layoutVariants().find((v) => v.name === "short")!.file; // blank page, then the 版记 page: two sections
    for (const [name, args] of [["gbk", [SAMPLE, "--fonts", "gbk"]], ["two-sections", [short]], ["two-sections-gbk", [short, "--fonts", "gbk"]]] as const) {
      const bundled = gongwen(["render", ...args, "-o", join(dir, `${name}-bundled.docx`), "-q"]);
      const modules = gongwen(["render", ...args, "-o", join(dir, `${name}-modules.docx`), "-q"], { env: { GONGWEN_NO_BUNDLE: "1" } });
      expect([bundled.status, modules.status], bundled.stderr + modules.stderr).toEqual([0, 0]);
      expect(Buffer.compare(readFileSync(join(dir, `${name}-bundled.docx`)), readFileSync(join(dir, `${name}-modules.docx`))), name).toBe(0);
    }
  });

  it("finds templates, fonts and the batch worker from the bundle (paths from each module's own place)", () => {
    const out = join(tempDir(), "out");
    const result = gongwen(["render", SAMPLE, SAMPLE.replace("qingzhengwu-2022-3.yaml", "qingzhengwu-2022-3.yaml"), "-o", out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/rendered 1, failed 0 .*1 worker thread\)/);
  });
});
