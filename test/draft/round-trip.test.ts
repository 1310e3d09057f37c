/**
 * Done-when of issue 12: drafts of the sample circular made by other programs (pandoc from Markdown,
 * LibreOffice from plain text with typed numbering and full-width-space indents) import into data files
 * whose rendered text equals the sample's, `check` finds nothing on that rendering, and `check` on the
 * drafts lists their real deviations with clauses.
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gongwen } from "../helpers/cli.js";
import { SAMPLE } from "../helpers/paths.js";
import { FIXTURES, libreOfficeDocx, pandocDocx } from "./drafts.js";

interface JsonFinding { rule: string; clause: string; severity: string; measured: string; element: string; where: { page?: number; paragraph?: number } }

describe("drafts of the sample circular from other programs", () => {
  const dir = mkdtempSync(join(tmpdir(), "gongwen-import-"));
  const drafts: Record<string, string> = {};
  let sampleText = "";

  /** One `check --json` over the drafts and their renderings: one LibreOffice run for all four. */
  let checked: { status: number | null; byFile: Map<string, JsonFinding[]> } | undefined;
  const check = () => {
    if (!checked) {
      const files = [drafts.pandoc!, drafts.libreoffice!, join(dir, "pandoc-rendered.docx"), join(dir, "libreoffice-rendered.docx")];
      const result = gongwen(["check", ...files, "--json"]);
      const parsed: { results: Array<{ file: string; findings: JsonFinding[] }> } = JSON.parse(result.stdout);
      checked = { status: result.status, byFile: new Map(parsed.results.map((r) => [r.file, r.findings])) };
    }
    return checked;
  };
  const findingsOf = (file: string): JsonFinding[] => check().byFile.get(file)!;

  beforeAll(() => {
    drafts.pandoc = pandocDocx(join(FIXTURES, "circular-draft.md"), dir);
    drafts.libreoffice = libreOfficeDocx(join(FIXTURES, "circular-draft.txt"), dir);
    sampleText = gongwen(["text", SAMPLE]).stdout;
    for (const tool of ["pandoc", "libreoffice"]) {
      const data = join(dir, `${tool}.yaml`);
      const imported = gongwen(["import", drafts[tool]!, "-o", data]);
      if (imported.status !== 0) throw new Error(imported.stderr);
      const render = gongwen(["render", data, "-o", join(dir, `${tool}-rendered.docx`), "-q"]);
      if (render.status !== 0) throw new Error(render.stderr);
    }
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  for (const tool of ["pandoc", "libreoffice"] as const) {
    describe(tool, () => {
      const data = () => join(dir, `${tool}.yaml`);
      const rendered = () => join(dir, `${tool}-rendered.docx`);


      it("imports into a general-kind data file with every element in its field", () => {
        const file = parse(readFileSync(data(), "utf8"));
        expect(file.kind).toBe("general");
        expect(file.docType).toBe("通报");
        expect(file.envelope.docNumber).toBe("青政务〔2022〕3号");
        expect(file.envelope.title).toEqual(["青海省政务服务监督管理局", "关于2021年度“青海省创建示范公共资源", "交易中心”考核情况通报"]);
        expect(file.envelope.addressees).toHaveLength(4);
        expect(file.envelope.signedOn).toBe("2022-01-27");
        expect(file.envelope.note).toEqual({ publicity: "主动公开", placement: "colophon" });
        expect(file.envelope.colophon).toEqual({ copyTo: ["省政府办公厅"], distribution: ["局长，副局长，各处室、局属各单位。"], printer: "青海省政务服务监督管理局", printedOn: "2022-01-29" });
        // typed numbering gone: it follows from position
        expect(file.body).toContain("\n# 基本情况\n");
        expect(file.body).toContain("\n## 强化标准，基础设施合理配置。各政务服务监管局");
        expect(file.body).toContain("\n- 基础设施还需完善。");
        expect(file.body).not.toMatch(/^#+ [一二三四（]/mu);
      });

      it("renders to exactly the sample circular's text", () => {
        const text = gongwen(["text", data()]);
        expect(text.status).toBe(0);
        expect(text.stdout).toBe(sampleText);
        expect(gongwen(["text", rendered()]).stdout).toBe(sampleText);
      });

      it("check finds nothing on the rendering, XML and layout, but the original title's own break", () => {
        // The draft keeps the original's title lines, which break inside 「公共资源交易中心」 (§7.3.1).
        expect(findingsOf(rendered()).map((f) => `${f.rule} ${f.severity}`)).toEqual(["title-word-split warning"]);
      });
    });
  }

  it("check lists the pandoc draft's real deviations with their clauses", () => {
    expect(check().status).toBe(1);
    const findings = findingsOf(drafts.pandoc!);
    const has = (rule: string, clause: string, measured?: RegExp) => findings.some((f) => f.rule === rule && f.clause === clause && (!measured || measured.test(f.measured)));
    expect(has("paper", "§5.1", /215\.9 × 279\.4/)).toBe(true); // pandoc's reference.docx is US Letter
    expect(has("margins", "§5.2.1", /天头.*25\.4 mm/)).toBe(true);
    expect(has("page-number-missing", "§7.5")).toBe(true);
    expect(has("mark-red", "§7.2.4")).toBe(true);
    expect(has("red-rule", "§7.2.7")).toBe(true);
    expect(has("size", "§7.3.1", /12 磅/)).toBe(true);
    expect(has("chars-per-line", "§5.2.3")).toBe(true);
    expect(has("indent", "§7.3.3")).toBe(true);
    expect(findings.find((f) => f.rule === "face" && f.element === "一级标题")?.measured).toMatch(/加粗/);
  });

  it("check lists the LibreOffice draft's deviations, spaces typed as indents among them", () => {
    const findings = findingsOf(drafts.libreoffice!);
    const rule = (id: string) => findings.filter((f) => f.rule === id);
    expect(rule("margins").map((f) => f.measured)).toEqual(expect.arrayContaining([expect.stringMatching(/天头.*20 mm/)]));
    expect(rule("indent-spaces")[0]).toMatchObject({ clause: "§7.3.3", severity: "warning" });
    expect(rule("face").find((f) => f.element === "正文")?.measured).toBe("Noto Sans Mono CJK SC");
    expect(rule("lines-per-page")[0]?.clause).toBe("§5.2.3");
    expect(rule("colophon-rules")[0]?.clause).toBe("§7.4.1");
    // findings carry the place on the real pages
    expect(rule("face").find((f) => f.element === "成文日期")?.where.page).toBe(2);
  });

  it("import also reads back a .docx this tool rendered, and gives the same text", () => {
    const ours = join(dir, "sample.docx");
    expect(gongwen(["render", SAMPLE, "-o", ours, "-q"]).status).toBe(0);
    const again = join(dir, "sample-again.yaml");
    expect(gongwen(["import", ours, "-o", again]).status).toBe(0);
    expect(gongwen(["text", again]).stdout).toBe(sampleText);
  });
});
