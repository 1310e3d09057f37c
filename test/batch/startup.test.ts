import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
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

  it("writes every starter alike from the bundle and from the modules (shells not prebuilt come from the docx package in node_modules)", () => {
    const dir = tempDir();
    for (const name of ["letter", "order", "minutes", "notice-with-table", "request", "bulletin-without-colophon"]) {
      const input = SAMPLE.replace("qingzhengwu-2022-3.yaml", `${name}.yaml`);
      const bundled = gongwen(["render", input, "-o", join(dir, `${name}-bundled.docx`), "-q"]);
      const modules = gongwen(["render", input, "-o", join(dir, `${name}-modules.docx`), "-q"], { env: { GONGWEN_NO_BUNDLE: "1" } });
      expect([bundled.status, modules.status], bundled.stderr + modules.stderr).toEqual([0, 0]);
      expect(Buffer.compare(readFileSync(join(dir, `${name}-bundled.docx`)), readFileSync(join(dir, `${name}-modules.docx`))), name).toBe(0);
    }
    // The library is not in the bundle: it is required from node_modules only when a shell must be made.
    expect(readFileSync(join(ROOT, "dist", "gongwen.cjs"), "latin1")).not.toMatch(/class Packer\b/);
  });

  it("finds templates, fonts and the batch worker from the bundle (paths from each module's own place)", () => {
    const out = join(tempDir(), "out");
    // Two inputs: the first goes to the worker thread, the second to the main thread (pool.ts).
    const result = gongwen(["render", SAMPLE, SAMPLE.replace("qingzhengwu-2022-3.yaml", "letter.yaml"), "-o", out], { env: { GONGWEN_WORKERS: "2" } });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/rendered 2, failed 0 .*2 threads\)/);
    expect(readdirSync(out).sort()).toHaveLength(2);
  });

  it("renders one input on the main thread alone: no worker is started for it", () => {
    const out = join(tempDir(), "out");
    const result = gongwen(["render", SAMPLE, SAMPLE, "-o", out]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/rendered 1, failed 0 .*in-process\)/);
  });
});
