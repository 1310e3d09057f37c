import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { GongwenError, type Diagnostic } from "../../src/errors.js";
import { loadDocumentFile, parseDocumentText } from "../../src/model/validate.js";
import { composeLoaded } from "../../src/pipeline.js";
import { inlineText } from "../../src/document/inline.js";
import { STARTERS } from "../helpers/starters.js";

/** The general kind: any 文种 in any format, the body written in Markdown or as blocks. */

function problemsOf(text: string): Diagnostic[] {
  try {
    return [...parseDocumentText(text, "doc.yaml").warnings];
  } catch (error) {
    if (error instanceof GongwenError) return [...error.diagnostics];
    throw error;
  }
}

const minimal = (extra = "", body = "body: |\n  正文一段。\n") =>
  `kind: general\ndocType: 通知\nenvelope:\n  issuers: [{name: 青海省政务服务监督管理局}]\n  title: 关于开展检查的通知\n  signedOn: 2022-03-01\n${extra}${body}`;

describe("the starter files", () => {
  it.each(Object.entries(STARTERS))("%s loads without a problem", async (_name, file) => {
    const loaded = await loadDocumentFile(file);
    expect(loaded.kind.id).toBe("general");
    expect(loaded.warnings).toEqual([]);
  });

  it("compose in the format their 文种 implies, or the one they name", async () => {
    const formats: Record<string, string> = {};
    for (const [name, file] of Object.entries(STARTERS)) formats[name] = composeLoaded(await loadDocumentFile(file)).format;
    expect(formats).toEqual({ notice: "file", letter: "letter", minutes: "minutes", request: "file", bulletin: "file", order: "order" });
  });
});

describe("a general document needs only what every 公文 has", () => {
  it("renders with no 文号, 主送 or 版记", () => {
    const document = composeLoaded(parseDocumentText(minimal(), "doc.yaml"));
    expect(document.frame.docNumber).toBeUndefined();
    expect(document.frame.addressees).toBeUndefined();
    expect(document.frame.colophon).toBeUndefined();
    expect(document.meta.docNumber).toBe("");
  });

  it("requires the title to end with its 文种", () => {
    const problems = problemsOf(minimal().replace("docType: 通知", "docType: 通报"));
    expect(problems.map((p) => [p.rule, p.severity, (p.path ?? []).join(".")])).toEqual([["title-kind", "error", "envelope.title"]]);
    expect(problems[0]?.zh).toBe("标题应以文种“通报”结尾（现为“通知”）");
  });

  it("lets only the 命令 format go without a title, and names a 令 by its mark and number", () => {
    const withoutTitle = minimal().replace("  title: 关于开展检查的通知\n", "");
    expect(problemsOf(withoutTitle).map((p) => p.rule)).toEqual(["required"]);
    const order = withoutTitle.replace("docType: 通知", "docType: 令").replace("  signedOn:", "  orderNumber: 5\n  signedOn:");
    const document = composeLoaded(parseDocumentText(order, "order.yaml"));
    expect(document.format).toBe("order");
    expect(document.frame.mark).toEqual({ names: ["青海省政务服务监督管理局"], suffix: "令" });
    expect(document.frame.docNumber).toBe("第5号");
    expect(document.meta.title).toBe("青海省政务服务监督管理局令第5号");
  });

  it("warns where a 请示 departs from the rules for 上行文", () => {
    const request = minimal("  addressees: [省人民政府, 省财政厅]\n").replace(/通知/g, "请示");
    expect(problemsOf(request).map((p) => p.rule).sort()).toEqual(["request-addressee", "signers"]);
  });

  it("warns of fields the chosen format does not print", () => {
    const letter = minimal("  orderNumber: 3\n  colophon: {printer: 办公室, printedOn: 2022-03-01}\n").replace("docType: 通知", "docType: 通知\nformat: letter");
    expect(problemsOf(letter).map((p) => p.rule).sort()).toEqual(["format-field", "format-field"]);
  });
});

describe("bodies", () => {
  it("points Markdown problems at their line and column in the data file", () => {
    const text = minimal("", "body: |\n  第一段。\n\n  > 引用的话\n\n  ##### 太深的标题\n");
    const problems = problemsOf(text).filter((p) => p.severity !== "warning");
    expect(problems.map((p) => [p.line, p.column, p.rule, (p.path ?? []).join(".")])).toEqual([
      [10, 3, "markdown-unsupported", "body"],
      [12, 3, "heading-depth", "body"],
    ]);
    expect(text.split("\n")[9]).toBe("  > 引用的话");
  });

  it("reads a body of YAML blocks: headings, run-in headings, paragraphs, lists and tables", () => {
    const blocks = [
      "body:",
      "  - h1: 基本情况",
      "  - 各地高度重视。",
      "  - h2: 强化标准。各中心科学设置了服务台。",
      "  - list: {style: ordinal, items: [设施还需完善。, 能力还需加力。]}",
      "  - table: {header: [序号, 单位], rows: [[1, 海北州], [2, 格尔木市]], widths: [1, 4]}",
      "",
    ].join("\n");
    const { body } = composeLoaded(parseDocumentText(minimal("", blocks), "doc.yaml"));
    expect(body.map((node) => node.type)).toEqual(["heading", "paragraph", "heading", "list", "table"]);
    const [h1, , h2, list, table] = body;
    expect(h1?.type === "heading" && [h1.number, inlineText(h1.title)]).toEqual(["一、", "基本情况"]);
    expect(h2?.type === "heading" && [h2.number, inlineText(h2.title), inlineText(h2.text ?? [])]).toEqual(["（一）", "强化标准。", "各中心科学设置了服务台。"]);
    expect(list?.type === "list" && list.items.map((item) => item.number)).toEqual(["一是", "二是"]);
    expect(table?.type === "table" && [table.columns, table.rows.length, table.source?.path]).toEqual([[{ width: 1 }, { width: 4 }], 2, ["body", 4, "table"]]);
  });

  it("reports a block of an unknown shape at its place", () => {
    const problems = problemsOf(minimal("", "body:\n  - h5: 五级\n"));
    expect(problems.some((p) => (p.path ?? []).join(".").startsWith("body.0"))).toBe(true);
  });

  it("gives attachments bodies of their own, and appends an 印发件 without the 附件 label or a line in the 附件说明", () => {
    const extra = [
      "  attachments:",
      "    - title: 评分表",
      "      body: |",
      "        # 评分办法",
      "        按百分制评分。",
      "    - title: 管理办法",
      "      type: 印发件",
      "      body: [第一条 为了规范管理，制定本办法。]",
      "",
    ].join("\n");
    const document = composeLoaded(parseDocumentText(minimal(extra), "doc.yaml"));
    expect(document.frame.attachmentNote).toEqual(["评分表"]);
    expect(document.attachments.map((a) => [a.label, a.title, a.body.length])).toEqual([["附件", "评分表", 2], [undefined, "管理办法", 1]]);
  });
});

describe("next year's draft", () => {
  it("moves the dates, the 文号 and the title's years on, keeping the body", async () => {
    const { nextYearDraft } = await import("../../src/model/next-year.js");
    const { findKind } = await import("../../src/kinds/registry.js");
    const text = minimal("  docNumber: 青政务〔2022〕11号\n").replace("关于开展检查的通知", "关于公布2021年度考核结果的通知");
    const next = parseDocument(nextYearDraft(text, "doc.yaml", (kind) => findKind(kind)?.nextYear)).toJS() as Record<string, Record<string, unknown>>;
    expect(next.envelope?.signedOn).toBe("2023-03-01");
    expect(next.envelope?.docNumber).toBe("青政务〔2023〕12号");
    expect(next.envelope?.title).toBe("关于公布2022年度考核结果的通知");
    expect(next.body).toBe("正文一段。\n");
  });
});

describe("the family through the CLI", () => {
  it("renders every data file in data/ as one batch, each under its 文号 or its file's name", async () => {
    const { gongwen } = await import("../helpers/cli.js");
    const { tempDir } = await import("../helpers/data.js");
    const { readdirSync } = await import("node:fs");
    const { join } = await import("node:path");
    const { ROOT } = await import("../helpers/paths.js");
    const out = join(tempDir(), "out");
    const result = gongwen(["render", join(ROOT, "data"), "-o", out, "-q"]);
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "bulletin-without-colophon.docx",
      "order.docx",
      "青政务〔2022〕11号.docx",
      "青政务〔2022〕15号.docx",
      "青政务〔2022〕3号.docx",
      "青政务函〔2022〕27号.docx",
      "minutes.docx",
    ].sort());
  });

  it("prints the same text for a data file and for its rendered .docx, in every format", async () => {
    const { gongwen } = await import("../helpers/cli.js");
    const { tempDir } = await import("../helpers/data.js");
    const { join } = await import("node:path");
    for (const file of Object.values(STARTERS)) {
      const docx = join(tempDir(), "out.docx");
      expect(gongwen(["render", file, "-o", docx, "-q"]).status).toBe(0);
      const fromData = gongwen(["text", file]);
      expect(fromData.status).toBe(0);
      expect(gongwen(["text", docx]).stdout, file).toBe(fromData.stdout);
    }
  });

  it("compares two drafts of a 函 field by field and paragraph by paragraph", async () => {
    const { gongwen } = await import("../helpers/cli.js");
    const { tempDir } = await import("../helpers/data.js");
    const { readFileSync, writeFileSync } = await import("node:fs");
    const { join } = await import("node:path");
    const second = join(tempDir(), "letter-2.yaml");
    writeFileSync(second, readFileSync(STARTERS.letter, "utf8").replace("2022年4月25日前", "2022年4月30日前").replace("signedOn: 2022-04-08", "signedOn: 2022-04-09"));
    const result = gongwen(["diff", STARTERS.letter, second, "--json"]);
    expect(result.status).toBe(1);
    const diff = JSON.parse(result.stdout) as { fields: { path: string; kind: string }[]; paragraphs: unknown[] };
    expect(diff.fields.map((f) => f.path)).toEqual(expect.arrayContaining(["envelope.signedOn", "body"]));
  });
});
