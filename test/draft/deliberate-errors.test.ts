/**
 * A draft made with the `docx` package carrying the errors reviewers meet most: each one must be found
 * with its clause, and import must report (never silently change) what the data file cannot keep.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkDocx } from "../../src/check/check-docx.js";
import type { Finding } from "../../src/check/finding.js";
import { readDraft } from "../../src/draft/read-draft.js";
import { recognise } from "../../src/draft/recognise.js";
import { importDraft } from "../../src/import/to-data.js";
import { gongwen } from "../helpers/cli.js";
import { deliberateErrorsDocx } from "./drafts.js";

describe("a docx-package draft with deliberate errors", () => {
  const dir = mkdtempSync(join(tmpdir(), "gongwen-errors-"));
  const file = join(dir, "通知草稿.docx");
  let bytes: Uint8Array;
  let findings: readonly Finding[];
  const find = (rule: string) => findings.filter((f) => f.rule === rule);

  beforeAll(async () => {
    bytes = await deliberateErrorsDocx();
    writeFileSync(file, bytes);
    findings = (await checkDocx(bytes, file, { layout: true })).findings;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("finds Word's default margins, each side with its measurement", () => {
    expect(find("margins").map((f) => f.measured)).toEqual(["天头（上白边） 25.4 mm", "订口（左白边） 31.7 mm", "下白边（版心高 225 mm） 25.4 mm", "右白边（版心宽 156 mm） 31.7 mm"]);
    expect(find("margins").every((f) => f.clause === "§5.2.1" && f.severity === "error")).toBe(true);
  });

  it("finds 宋体 where the 正文 wants 仿宋", () => {
    expect(find("face").find((f) => f.element === "正文")).toMatchObject({ clause: "§5.2.2", measured: "宋体", wanted: "仿宋体", where: { paragraph: 7, page: 1 } });
  });

  it("finds [2022] in the 文号 and proposes 〔2022〕", () => {
    expect(find("docno-format")).toEqual([expect.objectContaining({ clause: "§7.2.5", measured: "青政务[2022]11号（年份括在“[]”中）", wanted: "青政务〔2022〕11号" })]);
  });

  it("finds the date in Chinese digits", () => {
    expect(find("date-digits")).toEqual([expect.objectContaining({ clause: "§7.3.5.4", measured: "二〇二二年三月十五日", wanted: "2022年3月15日" })]);
  });

  it("finds the 3号 bold title", () => {
    expect(find("size").find((f) => f.element === "标题")).toMatchObject({ clause: "§7.3.1", measured: "三号（16 磅）", wanted: "二号（22 磅）" });
    expect(find("bold").find((f) => f.element === "标题")).toMatchObject({ severity: "warning" });
  });

  it("finds the heading numbered 「一.」, the half-width colon and commas, the missing page numbers", () => {
    expect(find("heading-marker")[0]).toMatchObject({ clause: "§7.3.3", measured: "“一.”", element: "一级标题" });
    expect(find("addressees-colon")[0]).toMatchObject({ clause: "§7.3.2" });
    expect(find("half-width-punctuation").length).toBeGreaterThanOrEqual(2);
    expect(find("page-number-missing")).toHaveLength(1); // stated once from the XML, not again page by page
    expect(find("page-number-form")).toHaveLength(0);
  });

  it("measures the layout: the mark's red ink, the missing red rule, lines of the page", () => {
    expect(find("red-rule")[0]).toMatchObject({ clause: "§7.2.7", measured: "没有红色分隔线" });
    expect(find("mark-red")).toHaveLength(0); // the mark is red
    expect(find("mark-position")[0]).toMatchObject({ clause: "§7.2.4" });
  });

  it("reads Word list numbering as the reader sees it, and joins a paragraph broken mid-sentence", () => {
    const { elements } = recognise(readDraft(bytes, file));
    const headings = elements.filter((e) => e.role === "heading");
    expect(headings.map((h) => [h.level, h.marker, h.text.slice(0, 4)])).toEqual([[1, "一.", "考核内容"], [2, "（一）", "服务规范"], [2, "（二）", "办事效率"]]);
    expect(headings[2]!.text).toBe("办事效率。各地于4月15日前完成自查，自查报告于4月30日前报送我局。");
  });

  it("import writes 〔2022〕 and says so, keeps the half-width punctuation and reports it", () => {
    const imported = importDraft(readDraft(bytes, file));
    expect((imported.data.envelope as Record<string, unknown>).docNumber).toBe("青政务〔2022〕11号");
    expect(imported.report.find((r) => r.status === "changed" && r.element === "发文字号")?.zh).toContain("青政务[2022]11号");
    expect(imported.report.find((r) => r.status === "changed" && r.element === "成文日期")).toBeDefined();
    expect(imported.report.filter((r) => r.status === "attention" && /半角标点/.test(r.zh ?? ""))).toHaveLength(2);
    expect(imported.data.body).toContain("水平,现就");

    const out = join(dir, "导入.yaml");
    const cli = gongwen(["import", file, "-o", out]);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stderr).toMatch(/改写 changed\s+发文字号/);
    const yaml = readFileSync(out, "utf8");
    expect(yaml).toContain("docNumber: 青政务〔2022〕11号 # 原稿为 / the draft has: 青政务[2022]11号");
    expect(parse(yaml).envelope.signedOn).toBe("2022-03-15");
    // the data file renders
    expect(gongwen(["render", out, "-o", join(dir, "rendered.docx"), "-q"]).status).toBe(0);
  });

  it("import refuses to overwrite without --force, and overwrites with it", () => {
    const out = join(dir, "existing.yaml");
    writeFileSync(out, "keep me\n");
    const refused = gongwen(["import", file, "-o", out]);
    expect(refused.status).toBe(73);
    expect(refused.stderr).toContain("文件已存在");
    expect(readFileSync(out, "utf8")).toBe("keep me\n");
    expect(gongwen(["import", file, "-o", out, "--force"]).status).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("kind: general");
  });

  it("check --no-layout gives the XML findings alone, exit 1, human output Chinese first", () => {
    const result = gongwen(["check", "--no-layout", file]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("未排版检查 / layout not checked");
    expect(result.stdout).toMatch(/§7\.2\.5\s+错误 error\s+发文字号：发文字号年份括在“\[\]”中/);
    expect(result.stdout).not.toContain("red-rule");
  });
});
