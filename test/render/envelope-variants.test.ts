import { describe, expect, it } from "vitest";
import { setWidthOptions } from "../../src/layout/gbt9704.js";
import { textWidth } from "../../src/layout/text-width.js";
import { parseDocumentText } from "../../src/model/validate.js";
import { renderLoaded } from "../../src/pipeline.js";
import { sampleWith } from "../helpers/data.js";
import { attr, bodyParagraphs, child, find, findAll, openDocx, textOf, type XmlElement } from "../helpers/xml.js";

type Edit = readonly [ReadonlyArray<string | number>, unknown];

async function render(edits: Edit[], fonts?: string) {
  const loaded = parseDocumentText(sampleWith(edits), "variant.yaml");
  const result = await renderLoaded(loaded, { fonts });
  const docx = openDocx(result.bytes);
  return { result, docx, paragraphs: bodyParagraphs(docx) };
}

const eastAsia = (p: XmlElement) => attr(child(findAll(p, "w:r").find((r) => textOf(r) !== ""), "w:rPr", "w:rFonts"), "w:eastAsia");
const rightIndent = (p: XmlElement | undefined) => Number(attr(child(p, "w:pPr", "w:ind"), "w:right") ?? 0);

describe("envelope elements beyond the sample", () => {
  it("prints 份号, 密级 and 紧急程度 on lines 1–3, flush left, 密级 and 紧急 in 黑体 (§7.2.1–7.2.3)", async () => {
    const { paragraphs } = await render([
      [["envelope", "copyNumber"], "000123"],
      [["envelope", "secrecy"], { level: "秘密", term: "1年" }],
      [["envelope", "urgency"], "特急"],
    ]);
    expect(paragraphs.slice(0, 3).map(textOf)).toEqual(["000123", "秘密★1年", "特急"]);
    expect(paragraphs.slice(0, 3).map(eastAsia)).toEqual(["仿宋_GB2312", "黑体", "黑体"]);
    for (const p of paragraphs.slice(0, 3)) expect(attr(child(p, "w:pPr", "w:jc"), "w:val")).toBe("left");
  });

  it("stacks joint issuers beside one 文件, all red 小标宋 (联合行文, §7.2.4)", async () => {
    const { docx } = await render([
      [["envelope", "issuers"], [{ name: "青海省政务服务监督管理局" }, { name: "青海省财政厅" }]],
      [["envelope", "issuerMark"], undefined],
    ]);
    const table = find(docx.part("word/document.xml"), "w:tbl")!;
    const cells = findAll(table, "w:tc");
    expect(cells).toHaveLength(2);
    expect(findAll(cells[0]!, "w:p").map(textOf)).toEqual(["青海省政务服务监督管理局", "青海省财政厅"]);
    expect(textOf(cells[1]!)).toBe("文件");
    expect(attr(child(cells[1], "w:tcPr", "w:vAlign"), "w:val")).toBe("center");
    for (const run of findAll(table, "w:r")) {
      expect(attr(child(run, "w:rPr", "w:color"), "w:val")).toBe("FF0000");
      expect(attr(child(run, "w:rPr", "w:rFonts"), "w:eastAsia")).toBe("方正小标宋简体");
    }
  });

  it("places an unsealed 署名 右空二字 and the date two 字 right of its start (§7.3.5.2)", async () => {
    const { paragraphs } = await render([[["envelope", "seal"], "none"]]);
    const dateIndex = paragraphs.findIndex((p) => textOf(p) === "2022年1月27日");
    const name = paragraphs[dateIndex - 1];
    const blank = paragraphs[dateIndex - 2]!;
    expect(textOf(blank)).toBe("");
    expect(textOf(paragraphs[dateIndex - 3]!)).not.toBe("");
    // 右空二字 = 2 × 15.68 pt = 627 twips.
    expect(rightIndent(name)).toBe(627);
    // The date's first character stands two 字 (627 twips) right of the name's first character.
    const width = (text: string) => textWidth(text, setWidthOptions()) * 20;
    const nameStartFromRight = rightIndent(name) + width("青海省政务服务监督管理局");
    const dateStartFromRight = rightIndent(paragraphs[dateIndex]) + width("2022年1月27日");
    expect(Math.abs(nameStartFromRight - dateStartFromRight - 627)).toBeLessThanOrEqual(2);
  });

  it("puts the 附注 in parentheses on the line below the date, 左空二字 (§7.3.6)", async () => {
    const { paragraphs } = await render([[["envelope", "note"], { publicity: "不予公开", placement: "below-date" }]]);
    const dateIndex = paragraphs.findIndex((p) => textOf(p) === "2022年1月27日");
    const note = paragraphs[dateIndex + 1]!;
    expect(textOf(note)).toBe("（此件不予公开）");
    expect(attr(child(note, "w:pPr", "w:ind"), "w:firstLine")).toBe("627");
    expect(paragraphs.some((p) => textOf(p).startsWith("信息公开属性"))).toBe(false);
  });

  it("writes 附件说明 under the text and each attachment on a new page with a 黑体 label (§7.3.4, §7.3.7)", async () => {
    const { paragraphs } = await render([[["envelope", "attachments"], [{ title: "考核评分表" }, { title: "获评单位名单", paragraphs: ["海北州公共资源交易中心"] }]]]);
    const first = paragraphs.find((p) => textOf(p) === "附件：1.考核评分表")!;
    const second = paragraphs[paragraphs.indexOf(first) + 1]!;
    expect(textOf(second)).toBe("2.获评单位名单");
    // 附件说明 starts 左空二字 and wraps under the name, after `附件：`.
    const ind = child(first, "w:pPr", "w:ind");
    expect(Number(attr(ind, "w:left")) - Number(attr(ind, "w:hanging"))).toBe(627);
    expect(textOf(paragraphs[paragraphs.indexOf(first) - 1]!)).toBe("");
    for (const label of ["附件1", "附件2"]) {
      const p = paragraphs.find((q) => textOf(q) === label)!;
      expect(child(p, "w:pPr", "w:pageBreakBefore"), label).toBeDefined();
      expect(eastAsia(p)).toBe("黑体");
    }
    expect(paragraphs.findIndex((p) => textOf(p) === "附件1")).toBeGreaterThan(paragraphs.findIndex((p) => textOf(p) === "2022年1月27日"));
  });

  it("switches every face with the gbk font profile", async () => {
    const { docx } = await render([], "gbk");
    const xml = docx.raw("word/document.xml") + docx.raw("word/styles.xml");
    for (const face of ["方正小标宋_GBK", "方正仿宋_GBK", "方正黑体_GBK", "方正楷体_GBK"]) expect(xml).toContain(`w:eastAsia="${face}"`);
    expect(xml).not.toContain("仿宋_GB2312");
  });

  it("keeps characters outside the BMP and XML-special characters intact", async () => {
    const { result } = await render([[["content", "results", "closing"], "𠀀𪚥 A&B <C> “引号”。"]]);
    const text = openDocx(result.bytes).raw("word/document.xml");
    expect(text).toContain("𠀀𪚥 A&amp;B &lt;C&gt; “引号”。");
  });
});
