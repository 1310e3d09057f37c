/**
 * What this tool renders from its starter files is the standard layout: `check` must find nothing on
 * any of them (one LibreOffice run for all), and `import` must read the 文件-format ones (and the
 * 信函) back into data files with the same text.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gongwen } from "../helpers/cli.js";
import { ROOT } from "../helpers/paths.js";

const STARTERS = ["qingzhengwu-2022-3", "notice-with-table", "letter", "minutes", "request", "bulletin-without-colophon", "order"];

describe("the tool's own renderings", () => {
  const dir = mkdtempSync(join(tmpdir(), "gongwen-own-"));
  const docx = (name: string) => join(dir, `${name}.docx`);
  beforeAll(() => {
    for (const name of STARTERS) {
      const result = gongwen(["render", join(ROOT, "data", `${name}.yaml`), "-o", docx(name), "-q"]);
      if (result.status !== 0) throw new Error(result.stderr);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("check finds nothing on any starter, XML and layout", () => {
    const result = gongwen(["check", "--json", ...STARTERS.map(docx)]);
    const parsed: { results: Array<{ file: string; format: string; findings: unknown[] }> } = JSON.parse(result.stdout);
    expect(Object.fromEntries(parsed.results.map((r) => [basename(r.file, ".docx"), r.findings]))).toEqual(Object.fromEntries(STARTERS.map((name) => [name, []])));
    expect(Object.fromEntries(parsed.results.map((r) => [basename(r.file, ".docx"), r.format]))).toMatchObject({ letter: "letter", minutes: "minutes", order: "order", request: "file", "qingzhengwu-2022-3": "file" });
    expect(result.status).toBe(0);
  });

  for (const name of ["qingzhengwu-2022-3", "notice-with-table", "letter", "request", "bulletin-without-colophon"]) {
    it(`import reads ${name} back to the same text`, () => {
      const data = join(dir, `${name}.yaml`);
      const imported = gongwen(["import", docx(name), "-o", data]);
      expect(imported.status, imported.stderr).toBe(0);
      expect(gongwen(["text", data]).stdout).toBe(gongwen(["text", join(ROOT, "data", `${name}.yaml`)]).stdout);
    });
  }
});
