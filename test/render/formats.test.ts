import { beforeAll, describe, expect, it } from "vitest";
import { LETTER, MARGIN, PAGE, TYPE_AREA } from "../../src/layout/gbt9704.js";
import { mmToTwips } from "../../src/layout/units.js";
import { renderFile, type RenderResult } from "../../src/pipeline.js";
import { familyVariants } from "../helpers/family-variants.js";
import { attr, bodyParagraphs, child, find, findAll, openDocx, textOf, type DocxParts, type XmlElement } from "../helpers/xml.js";

/** Each format's 版头, closing and page furniture, read back from the .docx's XML (GB/T 9704 §7, §8, §10). */

const rendered = new Map<string, { result: RenderResult; docx: DocxParts; paragraphs: XmlElement[] }>();

beforeAll(async () => {
  for (const variant of familyVariants()) {
    const result = await renderFile(variant.file);
    const docx = openDocx(result.bytes);
    rendered.set(variant.name, { result, docx, paragraphs: bodyParagraphs(docx) });
  }
}, 120_000);

const get = (name: string) => rendered.get(name)!;
const eastAsia = (run: XmlElement | undefined) => attr(child(run, "w:rPr", "w:rFonts"), "w:eastAsia");
const runsOf = (p: XmlElement) => findAll(p, "w:r").filter((r) => textOf(r) !== "");
const sections = (docx: DocxParts) => findAll(docx.part("word/document.xml"), "w:sectPr");
/** The part a section's header or footer reference of a type points at. */
function referenced(docx: DocxParts, sectPr: XmlElement, element: "w:headerReference" | "w:footerReference", type: string): XmlElement | undefined {
  const id = findAll(sectPr, element).find((ref) => attr(ref, "w:type") === type)?.attributes["r:id"];
  const rel = findAll(docx.part("word/_rels/document.xml.rels"), "Relationship").find((r) => r.attributes.Id === id);
  return rel ? docx.part(`word/${rel.attributes.Target}`) : undefined;
}

describe("文件格式 with 签发人 (上行文, §7.2.6)", () => {
  it("puts the 文号 left and `签发人：` with the names right on one line, the red rule under it", () => {
    const { paragraphs } = get("request");
    const line = paragraphs.find((p) => textOf(p).includes("签发人："))!;
    expect(textOf(line)).toBe("青政务〔2022〕15号签发人：张三");
    expect(findAll(line, "w:tab").filter((t) => t.parent?.name === "w:tabs").map((t) => attr(t, "w:val"))).toEqual(["left", "left", "left"]);
    const [label, names] = runsOf(line);
    expect(eastAsia(label)).toBe("仿宋_GB2312");
    expect([textOf(names!), eastAsia(names)]).toEqual(["张三", "楷体_GB2312"]);
    expect(attr(child(line, "w:pPr", "w:pBdr", "w:bottom"), "w:color")).toBe("FF0000");
  });

  it("stacks several 签发人 two to a line, the 文号 on the last line, the names aligned", () => {
    const { paragraphs } = get("request-signers");
    const lines = paragraphs.filter((p) => findAll(p, "w:r").some((r) => eastAsia(r) === "楷体_GB2312"));
    expect(lines.map(textOf)).toEqual(["签发人：张三\u3000李四", "青政务〔2022〕15号王五"]);
    const stops = (p: XmlElement) => findAll(child(p, "w:pPr", "w:tabs")!, "w:tab").map((t) => attr(t, "w:pos"));
    expect(stops(lines[0]!)).toEqual(stops(lines[1]!));
    expect(child(lines[0], "w:pPr", "w:pBdr")).toBeUndefined();
    expect(attr(child(lines[1], "w:pPr", "w:pBdr", "w:bottom"), "w:color")).toBe("FF0000");
  });
});

describe("信函格式 (§10.1)", () => {
  it("fixes the 标志 to the page 30 mm from its top, red, the host organ's name without 文件", () => {
    const { paragraphs } = get("letter");
    const mark = paragraphs[0]!;
    const frame = child(mark, "w:pPr", "w:framePr")!;
    expect(attr(frame, "w:vAnchor")).toBe("page");
    expect(Number(attr(frame, "w:y"))).toBe(LETTER.markTopFromPageTwips);
    expect(attr(frame, "w:xAlign")).toBe("center");
    expect(textOf(mark)).toBe("青海省政务服务监督管理局");
    expect(attr(child(runsOf(mark)[0], "w:rPr", "w:color"), "w:val")).toBe("FF0000");
  });

  it("draws the upper double rule thick above thin, 170 mm long, and puts the 文号 under it on the right", () => {
    const { paragraphs } = get("letter");
    const [thick, thin, number] = paragraphs.slice(1, 4);
    const overhang = String(-Math.round((LETTER.ruleLengthTwips - TYPE_AREA.widthTwips) / 2));
    for (const rule of [thick!, thin!]) {
      expect(attr(child(rule, "w:pPr", "w:ind"), "w:left")).toBe(overhang);
      expect(attr(child(rule, "w:pPr", "w:ind"), "w:right")).toBe(overhang);
      expect(attr(child(rule, "w:pPr", "w:pBdr", "w:bottom"), "w:color")).toBe("FF0000");
    }
    const size = (p: XmlElement) => Number(attr(child(p, "w:pPr", "w:pBdr", "w:bottom"), "w:sz"));
    expect(size(thick!)).toBeGreaterThan(size(thin!));
    expect(textOf(number!)).toBe("青政务函〔2022〕27号");
    expect(attr(find(child(number, "w:pPr", "w:tabs")!, "w:tab"), "w:val")).toBe("right");
  });

  it("gives the first page no number and the lower double rule (thin above thick) 20 mm above the paper's edge", () => {
    const { docx } = get("letter");
    const [sectPr] = sections(docx);
    expect(child(sectPr, "w:titlePg")).toBeDefined();
    const first = referenced(docx, sectPr!, "w:footerReference", "first")!;
    expect(findAll(first, "w:fldSimple").length + findAll(first, "w:instrText").length).toBe(0);
    const rule = findAll(first, "w:p").find((p) => child(p, "w:pPr", "w:framePr"))!;
    const frame = child(rule, "w:pPr", "w:framePr")!;
    expect(Number(attr(frame, "w:y")) + Number(attr(frame, "w:h"))).toBe(PAGE.heightTwips - mmToTwips(20));
    expect(Number(attr(frame, "w:w"))).toBe(LETTER.ruleLengthTwips);
    const sizes = ["w:top", "w:bottom"].map((side) => Number(attr(child(rule, "w:pPr", "w:pBdr", side), "w:sz")));
    expect(sizes[0]).toBeLessThan(sizes[1]!);
    // Later pages are numbered as usual.
    expect(textOf(referenced(docx, sectPr!, "w:footerReference", "default")!)).toContain("—");
  });

  it("prints the 版记 without 印发 line or rules", () => {
    const { docx, paragraphs } = get("letter");
    expect(findAll(docx.part("word/document.xml"), "w:tbl")).toHaveLength(0);
    expect(textOf(paragraphs.at(-1)!)).toBe("抄送：省政府办公厅。");
  });
});

describe("命令（令）格式 (§10.2)", () => {
  it("prints the organ's name with 令, the 令号 two lines below, and no red rule", () => {
    const { paragraphs } = get("order");
    expect(textOf(paragraphs[0]!)).toBe("青海省人民政府令");
    const number = paragraphs[1]!;
    expect(textOf(number)).toBe("第128号");
    expect(child(number, "w:pPr", "w:pBdr")).toBeUndefined();
    expect(findAll(get("order").docx.part("word/document.xml"), "w:color").some((c) => attr(c, "w:val") === "FF0000" && textOf(c.parent!.parent!) !== "青海省人民政府令")).toBe(false);
  });

  it("signs with the 签发人's 职务 and name (签名章) 右空四字, the date one line below (§7.3.5.3)", () => {
    const { paragraphs } = get("order");
    const signer = paragraphs.find((p) => textOf(p) === "省长王某某")!;
    const stops = findAll(child(signer, "w:pPr", "w:tabs")!, "w:tab").map((t) => [attr(t, "w:val"), Number(attr(t, "w:pos"))]);
    expect(stops[1]).toEqual(["right", TYPE_AREA.widthTwips - 1254]);
    const index = paragraphs.indexOf(signer);
    expect(textOf(paragraphs[index + 1]!)).toBe("");
    expect(textOf(paragraphs[index + 2]!)).toBe("2022年5月10日");
  });

  it("appends the 印发件 on a new page with its title and no 附件 label or 附件说明", () => {
    const { paragraphs } = get("order");
    const title = paragraphs.find((p) => textOf(p) === "青海省政务服务管理办法")!;
    expect(child(title, "w:pPr", "w:pageBreakBefore")).toBeDefined();
    expect(paragraphs.some((p) => textOf(p).startsWith("附件"))).toBe(false);
  });
});

describe("纪要格式 (§10.3)", () => {
  it("prints the 纪要标志, the 期号 and the 编印 line with the red rule", () => {
    const { paragraphs } = get("minutes");
    expect(paragraphs.slice(0, 3).map(textOf)).toEqual(["局长办公会议纪要", "第3期", "青海省政务服务监督管理局2022年2月18日"]);
    expect(attr(child(paragraphs[2], "w:pPr", "w:pBdr", "w:bottom"), "w:color")).toBe("FF0000");
    expect(child(paragraphs[1], "w:pPr", "w:pBdr")).toBeUndefined();
  });

  it("lists 出席, 请假 and 列席 after the text, labels in 黑体, and no signature", () => {
    const { paragraphs } = get("minutes");
    const attendance = paragraphs.filter((p) => /^(出席|请假|列席)：/.test(textOf(p)));
    expect(attendance.map((p) => textOf(p).slice(0, 3))).toEqual(["出席：", "请假：", "列席："]);
    for (const p of attendance) expect(eastAsia(runsOf(p)[0])).toBe("黑体");
    expect(paragraphs.some((p) => attr(child(p, "w:pPr", "w:pStyle"), "w:val") === "GwSignature")).toBe(false);
  });
});

describe("tables (§7.3.3) and landscape pages (§8)", () => {
  it("writes tables Word and WPS size alike: w:tblW equal to the sum of w:gridCol, every w:tcW, a fixed layout, header rows repeated", () => {
    const { docx } = get("notice");
    const table = findAll(docx.part("word/document.xml"), "w:tbl").find((t) => textOf(t).includes("序号"))!;
    const grid = findAll(child(table, "w:tblGrid")!, "w:gridCol").map((c) => Number(attr(c, "w:w")));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(Number(attr(child(table, "w:tblPr", "w:tblW"), "w:w")));
    expect(grid.reduce((a, b) => a + b, 0)).toBe(TYPE_AREA.widthTwips);
    expect(attr(child(table, "w:tblPr", "w:tblLayout"), "w:type")).toBe("fixed");
    const rows = findAll(table, "w:tr");
    expect(child(rows[0], "w:trPr", "w:tblHeader")).toBeDefined();
    expect(child(rows[1], "w:trPr", "w:tblHeader")).toBeUndefined();
    for (const row of rows) expect(findAll(row, "w:tcW").map((w) => Number(attr(w, "w:w")))).toEqual(grid);
    // Relative widths 1:5:2:2 as the data asks.
    expect(grid.map((w) => Math.round((w / TYPE_AREA.widthTwips) * 10))).toEqual([1, 5, 2, 2]);
  });

  it("puts a wide table on landscape pages of its own, with the turned page numbers in their headers", () => {
    const { docx } = get("landscape");
    const all = sections(docx);
    const landscape = all.filter((s) => attr(child(s, "w:pgSz"), "w:orient") === "landscape");
    expect(landscape).toHaveLength(1);
    const sectPr = landscape[0]!;
    expect(attr(child(sectPr, "w:pgSz"), "w:w")).toBe(String(PAGE.heightTwips));
    // The portrait margins stay on their edges of the sheet: 订口 (28 mm) at the top.
    expect(attr(child(sectPr, "w:pgMar"), "w:top")).toBe(String(MARGIN.leftTwips));
    const header = referenced(docx, sectPr, "w:headerReference", "default")!;
    expect(attr(find(header, "w:textDirection"), "w:val")).toBe("tbRl");
    expect(textOf(header)).toContain("—");
    // Every other section names empty headers, so none inherits the turned numbers.
    for (const other of all.filter((s) => s !== sectPr)) expect(textOf(referenced(docx, other, "w:headerReference", "default")!)).toBe("");
    const table = findAll(docx.part("word/document.xml"), "w:tbl").find((t) => textOf(t).includes("事项名称"))!;
    expect(Number(attr(child(table, "w:tblPr", "w:tblW"), "w:w"))).toBe(PAGE.heightTwips - MARGIN.topTwips - MARGIN.bottomTwips);
  });
});

describe("joint issuers with seals (§7.3.5.1)", () => {
  it("sets the 署名 side by side on centred tab stops, one seal image each, the last over the date", () => {
    const { paragraphs, docx } = get("joint-seals");
    const row = paragraphs.find((p) => textOf(p).includes("青海省财政厅") && attr(child(p, "w:pPr", "w:pStyle"), "w:val") === "GwSignature")!;
    const stops = findAll(child(row, "w:pPr", "w:tabs")!, "w:tab");
    expect(stops.map((t) => attr(t, "w:val"))).toEqual(stops.map(() => "center"));
    expect(findAll(docx.part("word/document.xml"), "wp:anchor")).toHaveLength(3);
    expect(Object.keys(docx.files).filter((name) => name.startsWith("word/media/"))).toEqual(["word/media/image1.png"]);
  });
});
