import { describe, expect, it } from "vitest";
import { markdownBody } from "../../src/compose/markdown.js";
import type { BodyNode } from "../../src/document/body.js";
import { inlineText } from "../../src/document/inline.js";

/** A Markdown body as clerks write it, and what the tool makes of it. */

const nodes = (text: string) => markdownBody(text).nodes;
const problems = (text: string) => markdownBody(text).problems;
const headingTexts = (list: BodyNode[]) =>
  list.flatMap((node) => (node.type === "heading" ? [`${node.number}${inlineText(node.title)}${node.text ? `|${inlineText(node.text)}` : ""}`] : []));

describe("Markdown bodies", () => {
  it("numbers the four heading levels by position, restarting under each parent (一、（一）1.（1）)", () => {
    const body = nodes("# 甲\n## 子\n## 丑\n### 一\n#### 壹\n#### 贰\n### 二\n# 乙\n## 寅\n");
    expect(headingTexts(body)).toEqual(["一、甲", "（一）子", "（二）丑", "1.一", "（1）壹", "（2）贰", "2.二", "二、乙", "（一）寅"]);
    expect(body.map((node) => (node.type === "heading" ? node.level : 0))).toEqual([1, 2, 2, 3, 4, 4, 3, 1, 2]);
  });

  it("makes a heading followed by more text after its first sentence a run-in heading", () => {
    const body = nodes("## 强化标准，基础设施合理配置。各中心科学设置了咨询服务台。\n## 单独一行的标题\n");
    expect(headingTexts(body)).toEqual(["（一）强化标准，基础设施合理配置。|各中心科学设置了咨询服务台。", "（二）单独一行的标题"]);
  });

  it("takes a bold start as the run-in heading, whatever its punctuation", () => {
    const body = nodes("## **加强领导，** 各地要成立工作专班。\n");
    expect(headingTexts(body)).toEqual(["（一）加强领导，|各地要成立工作专班。"]);
  });

  it("joins the lines of a paragraph as the data file joins them (Chinese without a space)", () => {
    const [paragraph] = nodes("各政务服务监管局高度重视，\n精准谋划，科学部署，\nand Latin words\nstay apart。\n");
    expect(paragraph?.type === "paragraph" ? inlineText(paragraph.content) : "").toBe("各政务服务监管局高度重视，精准谋划，科学部署，and Latin words stay apart。");
  });

  it("sets **strong** in 黑体 and *emphasis* in 楷体 as spans of the paragraph", () => {
    const [paragraph] = nodes("要**坚持问题导向**，做到*即知即改*。");
    expect(paragraph?.type === "paragraph" ? paragraph.content : []).toEqual([
      { text: "要" }, { text: "坚持问题导向", role: "strong" }, { text: "，做到" }, { text: "即知即改", role: "emphasis" }, { text: "。" },
    ]);
  });

  it("numbers lists 1. / （1） / 一是 by their markers, and continues a list from its start number", () => {
    const body = nodes("1. 甲\n2. 乙\n\n正文。\n\n3. 丙\n\n1) 子\n2) 丑\n\n- 基础设施还需完善。\n- 业务能力还需加力。\n");
    const items = body.flatMap((node) => (node.type === "list" ? node.items.map((item) => `${node.style}:${item.number}${inlineText(item.content)}`) : []));
    expect(items).toEqual(["arabic:1.甲", "arabic:2.乙", "arabic:3.丙", "paren:（1）子", "paren:（2）丑", "ordinal:一是基础设施还需完善。", "ordinal:二是业务能力还需加力。"]);
  });

  it("reads a GFM table with its header row, column alignment and options from the comment before it", () => {
    const [table] = nodes("<!-- table: {title: 考核结果, widths: [1, 4], size: 三号, landscape: true} -->\n| 序号 | 单位 |\n| :-: | --- |\n| 1 | 海北州 |\n| 2 | 格尔木市 |\n");
    expect(table?.type).toBe("table");
    if (table?.type !== "table") return;
    expect(table.title).toBe("考核结果");
    expect(table.columns).toEqual([{ width: 1, align: "center" }, { width: 4 }]);
    expect(table.header.map((row) => row.map((cell) => inlineText(cell.paragraphs[0]!)))).toEqual([["序号", "单位"]]);
    expect(table.rows.map((row) => row.map((cell) => inlineText(cell.paragraphs[0]!)))).toEqual([["1", "海北州"], ["2", "格尔木市"]]);
    expect([table.textSize, table.landscape]).toEqual(["三号", true]);
  });

  it("removes numbering typed by hand with a warning, saying what it removed", () => {
    const { nodes: body, problems: found } = markdownBody("# 一、基本情况\n## （二）亮点\n- 一是基础设施还需完善。\n");
    expect(headingTexts(body)).toEqual(["一、基本情况", "（一）亮点"]);
    expect(found.map((p) => [p.rule, p.severity, p.line])).toEqual([["typed-numbering", "warning", 1], ["typed-numbering", "warning", 2], ["typed-numbering", "warning", 3]]);
    expect(found[0]?.zh).toContain("“一、”");
  });

  it("reports what a 公文 body cannot hold, each at its line and column, all at once", () => {
    const found = problems("正文。\n\n> 引用\n\n```\ncode\n```\n\n##### 五级\n\n![图](a.png)\n\n---\n\n<div>html</div>\n");
    expect(found.filter((p) => p.severity === "error").map((p) => [p.line, p.column, p.rule])).toEqual([
      [3, 1, "markdown-unsupported"],
      [5, 1, "markdown-unsupported"],
      [9, 1, "heading-depth"],
      [11, 1, "markdown-unsupported"],
      [13, 1, "markdown-unsupported"],
      [15, 1, "markdown-unsupported"],
    ]);
    for (const problem of found) expect(problem.zh).toMatch(/[\u4E00-\u9FFF]/u);
  });

  it("keeps a link's text and warns that its address is dropped", () => {
    const { nodes: body, problems: found } = markdownBody("详见[政务服务网](https://example.gov.cn)。");
    expect(body[0]?.type === "paragraph" ? inlineText(body[0].content) : "").toBe("详见政务服务网。");
    expect(found.map((p) => p.rule)).toEqual(["link"]);
  });

  it("reports invalid table options with the table's line", () => {
    const found = problems("正文。\n\n<!-- table: {size: 五号} -->\n| a | b |\n| - | - |\n| 1 | 2 |\n");
    expect(found.map((p) => [p.rule, p.line])).toEqual([["table-options", 4]]);
  });

  it("keeps each node's line and column in the Markdown, for the editor and messages", () => {
    const body = nodes("第一段。\n\n# 标题\n\n第二段，\n接着写。\n");
    expect(body.map((node) => [node.source?.line, node.source?.column, node.source?.endLine])).toEqual([[1, 1, 1], [3, 1, 3], [5, 1, 6]]);
  });
});
