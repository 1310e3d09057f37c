import { existsSync, readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { renderFile, type RenderResult } from "../../src/pipeline.js";
import { readDocxText } from "../../src/review/docx-text.js";
import { attr, bodyParagraphs, child, find, findAll, openDocx, textOf, type DocxParts, type XmlElement } from "../helpers/xml.js";
import { FIXTURE_SEED, SAMPLE, SEED, SHARED_SEED } from "../helpers/paths.js";

let result: RenderResult;
let docx: DocxParts;
let paragraphs: XmlElement[];

beforeAll(async () => {
  result = await renderFile(SAMPLE);
  docx = openDocx(result.bytes);
  paragraphs = bodyParagraphs(docx);
});

const paragraphWithText = (text: string) => {
  const found = paragraphs.find((p) => textOf(p).includes(text));
  if (!found) throw new Error(`no paragraph with ${text}`);
  return found;
};
const runFonts = (run: XmlElement | undefined) => child(run, "w:rPr", "w:rFonts");
const firstRun = (p: XmlElement) => findAll(p, "w:r").find((r) => textOf(r) !== "");

describe("the sample circular's text", () => {
  it("reproduces the seed character for character (whitespace aside), in order", () => {
    const seed = readFileSync(SEED, "utf8").replace(/\s+/g, "");
    const text = readDocxText(result.bytes).body.map((p) => p.text).join("").replace(/\s+/g, "");
    expect(text).toBe(seed);
  });

  it("reads the last paragraph, split by the layout before its last two lines, as one paragraph", () => {
    const split = paragraphs.filter((p) => attr(child(child(p, "w:pPr"), "w:pStyle"), "w:val") === "GwBodyContinued");
    expect(split).toHaveLength(1);
    const texts = readDocxText(result.bytes).body.map((p) => p.text);
    const last = texts.filter((text) => text.startsWith("希望各政务服务监管局"));
    expect(last).toHaveLength(1);
    expect(last[0]).toContain("以完善、创新、提高的工作思路");
    expect(last[0]!.endsWith("胜利召开。")).toBe(true);
  });

  // Skipped, and shown as skipped, where the shared folder is absent (a fresh clone, CI): there is no
  // original to compare with, and the fixture copy is what the other tests read.
  it.skipIf(!existsSync(SHARED_SEED))("keeps its fixture copy of the seed identical to the shared original", () => {
    expect(readFileSync(FIXTURE_SEED, "utf8")).toBe(readFileSync(SHARED_SEED, "utf8"));
  });

  it("puts the page number in both footers, not in the body", () => {
    const { footers } = readDocxText(result.bytes);
    expect(footers.length).toBeGreaterThanOrEqual(2);
  });
});

describe("page set-up (GB/T 9704 §5)", () => {
  it("uses A4, the standard's margins and a 22-line grid on every section", () => {
    const sections = findAll(docx.part("word/document.xml"), "w:sectPr");
    expect(sections.length).toBeGreaterThan(0);
    for (const section of sections) {
      expect(attr(child(section, "w:pgSz"), "w:w")).toBe("11906");
      expect(attr(child(section, "w:pgSz"), "w:h")).toBe("16838");
      const margin = child(section, "w:pgMar");
      expect([attr(margin, "w:top"), attr(margin, "w:left"), attr(margin, "w:right"), attr(margin, "w:bottom"), attr(margin, "w:footer")]).toEqual(["2098", "1587", "1474", "1984", "1446"]);
      expect(attr(child(section, "w:docGrid"), "w:type")).toBe("lines");
      expect(attr(child(section, "w:docGrid"), "w:linePitch")).toBe("579");
      expect(findAll(section, "w:footerReference").map((f) => attr(f, "w:type")).sort()).toEqual(["default", "even"]);
    }
  });

  it("sets 3号仿宋 body defaults condensed to 98 % (28 a line) with exact 579-twip lines", () => {
    const styles = docx.part("word/styles.xml");
    const defaults = find(styles, "w:docDefaults");
    const fonts = find(defaults!, "w:rFonts");
    expect(attr(fonts, "w:eastAsia")).toBe("仿宋_GB2312");
    expect(attr(fonts, "w:ascii")).toBe("Times New Roman");
    expect(attr(fonts, "w:hAnsi")).toBe("Times New Roman");
    expect(attr(find(defaults!, "w:sz"), "w:val")).toBe("32");
    expect(attr(child(find(defaults!, "w:rPr"), "w:w"), "w:val")).toBe("98");
    expect(child(find(defaults!, "w:rPr"), "w:spacing")).toBeUndefined();
    expect(attr(child(find(defaults!, "w:rPr"), "w:lang"), "w:eastAsia")).toBe("zh-CN");
    const spacing = child(find(defaults!, "w:pPr"), "w:spacing");
    expect(attr(spacing, "w:line")).toBe("579");
    expect(attr(spacing, "w:lineRule")).toBe("exact");
  });

  it("names no theme fonts anywhere", () => {
    for (const part of ["word/document.xml", "word/styles.xml", "word/footer1.xml"]) {
      if (!docx.files[part]) continue;
      expect(docx.raw(part)).not.toMatch(/w:(ascii|hAnsi|eastAsia|cs)Theme=/);
    }
  });

  it("turns even/odd footers on", () => {
    expect(docx.raw("word/settings.xml")).toContain("<w:evenAndOddHeaders/>");
  });
});

describe("版头 (§7.2)", () => {
  it("prints the 发文机关标志 centred, red, in 小标宋", () => {
    const mark = paragraphs[0]!;
    expect(textOf(mark)).toBe("青海省政务服务监督管理局文件");
    expect(attr(child(mark, "w:pPr", "w:jc"), "w:val")).toBe("center");
    const run = firstRun(mark);
    expect(attr(child(run, "w:rPr", "w:color"), "w:val")).toBe("FF0000");
    expect(attr(runFonts(run), "w:eastAsia")).toBe("方正小标宋简体");
    expect(Number(attr(child(run, "w:rPr", "w:sz"), "w:val"))).toBeGreaterThanOrEqual(44);
  });

  it("puts the 发文字号 centred two lines below, with the red rule under it", () => {
    const number = paragraphWithText("青政务〔2022〕3号");
    expect(textOf(number)).toBe("青政务〔2022〕3号");
    expect(attr(child(number, "w:pPr", "w:jc"), "w:val")).toBe("center");
    // 空二行, give or take under half a line so the lines below stay on the 579-twip grid.
    expect(Math.abs(Number(attr(child(number, "w:pPr", "w:spacing"), "w:before")) - 2 * 579)).toBeLessThanOrEqual(579 / 2);
    const rule = child(number, "w:pPr", "w:pBdr", "w:bottom");
    expect(attr(rule, "w:color")).toBe("FF0000");
    expect(attr(rule, "w:val")).toBe("single");
    expect(Number(attr(rule, "w:sz"))).toBeGreaterThanOrEqual(8);
  });
});

describe("主体 (§7.3)", () => {
  it("sets the title in 2号小标宋, centred, broken into the given lines", () => {
    const title = paragraphWithText("青海省政务服务监督管理局关于");
    expect(attr(child(title, "w:pPr", "w:jc"), "w:val")).toBe("center");
    const runs = findAll(title, "w:r");
    expect(findAll(title, "w:br")).toHaveLength(2);
    for (const run of runs) {
      expect(attr(child(run, "w:rPr", "w:sz"), "w:val")).toBe("44");
      expect(attr(runFonts(run), "w:eastAsia")).toBe("方正小标宋简体");
    }
  });

  it("writes the 主送机关 flush left, ending with a full-width colon", () => {
    const addressees = paragraphWithText("各市州政务服务监管局，");
    expect(textOf(addressees)).toMatch(/：$/);
    expect(attr(child(addressees, "w:pPr", "w:ind"), "w:firstLine")).toBeUndefined();
  });

  it("indents body paragraphs two characters and turns widow control off", () => {
    const body = paragraphWithText("根据《关于印发");
    // 2 字 of 三号 at 98 %: 2 × 15.68 pt = 627 twips.
    expect(attr(child(body, "w:pPr", "w:ind"), "w:firstLine")).toBe("627");
    expect(["0", "false"]).toContain(attr(child(body, "w:pPr", "w:widowControl"), "w:val"));
    expect(attr(child(body, "w:pPr", "w:jc"), "w:val")).toBe("both");
  });

  it("sets first-level headings in 黑体, numbered by position", () => {
    const headings = paragraphs.filter((p) => /^[一二三四]、/.test(textOf(p)));
    expect(headings.map(textOf)).toEqual(["一、基本情况", "二、亮点做法", "三、存在问题及不足", "四、考核结果"]);
    for (const heading of headings) {
      expect(attr(runFonts(firstRun(heading)), "w:eastAsia")).toBe("黑体");
      expect(child(heading, "w:pPr", "w:keepNext")).toBeDefined();
    }
  });

  it("sets a run-in point's heading in 楷体 and its text in 仿宋", () => {
    const point = paragraphWithText("（一）强化标准，基础设施合理配置。");
    const runs = findAll(point, "w:r");
    expect(textOf(runs[0]!)).toBe("（一）强化标准，基础设施合理配置。");
    expect(attr(runFonts(runs[0]), "w:eastAsia")).toBe("楷体_GB2312");
    expect(attr(runFonts(runs[1]), "w:eastAsia")).toBe("仿宋_GB2312");
    expect(paragraphs.some((p) => textOf(p).startsWith("三是服务质效还需提升。"))).toBe(true);
  });

  it("places 署名 centred on 成文日期, which stands 右空四字 (with a seal)", () => {
    const date = paragraphs.find((p) => textOf(p) === "2022年1月27日")!;
    const name = paragraphs[paragraphs.indexOf(date) - 1]!;
    expect(textOf(name)).toBe("青海省政务服务监督管理局");
    expect(attr(child(date, "w:pPr", "w:jc"), "w:val")).toBe("right");
    // 右空四字: 4 × 15.68 pt = 1254 twips.
    expect(attr(child(date, "w:pPr", "w:ind"), "w:right")).toBe("1254");
    // Centred: right indent of the name = 4 字 + (w(date) − w(name)) / 2; the name is wider.
    expect(Number(attr(child(name, "w:pPr", "w:ind"), "w:right"))).toBeLessThan(1254);
    expect(child(name, "w:pPr", "w:keepNext")).toBeDefined();
    const blankBefore = paragraphs[paragraphs.indexOf(name) - 1]!;
    expect(textOf(blankBefore)).toBe("");
    expect(child(blankBefore, "w:pPr", "w:keepNext")).toBeDefined();
  });
});

describe("版记 (§7.4)", () => {
  it("prints 信息公开属性, 抄送 and the distribution line in 4号仿宋 between 0.35 mm and 0.25 mm rules", () => {
    const table = findAll(docx.part("word/document.xml"), "w:tbl").at(-1)!;
    const borders = find(table, "w:tblBorders");
    expect(attr(child(borders, "w:top"), "w:sz")).toBe("8");
    expect(attr(child(borders, "w:insideH"), "w:sz")).toBe("6");
    expect(attr(child(borders, "w:bottom"), "w:sz")).toBe("6");
    expect(attr(child(borders, "w:left"), "w:val")).toBe("none");
    const rows = findAll(table, "w:tr").map(textOf);
    expect(rows).toEqual(["信息公开属性：主动公开", "抄送：省政府办公厅。", "局长，副局长，各处室、局属各单位。"]);
    for (const run of findAll(table, "w:r")) expect(attr(child(run, "w:rPr", "w:sz"), "w:val")).toBe("28");
    expect(attr(find(table, "w:tblW"), "w:w")).toBe("8845");
  });

  it("ends with the 印发 line: 机关 left and date right, each 空一字, over a 0.35 mm rule", () => {
    const last = paragraphs.at(-1)!;
    expect(textOf(last)).toBe("青海省政务服务监督管理局2022年1月29日印发");
    expect(findAll(last, "w:tab").length).toBeGreaterThanOrEqual(2);
    const tabs = findAll(child(last, "w:pPr", "w:tabs")!, "w:tab").map((t) => [attr(t, "w:val"), attr(t, "w:pos")]);
    // 空一字 of 四号 at 98 %: 13.72 pt = 274 twips.
    expect(tabs).toEqual([["left", "274"], ["right", String(8845 - 274)]]);
    expect(attr(child(last, "w:pPr", "w:pBdr", "w:bottom"), "w:sz")).toBe("8");
  });
});

describe("页码 (§7.5)", () => {
  it("prints — n — in 4号宋体, odd pages right and even pages left, 空一字", () => {
    const rels = docx.raw("word/_rels/document.xml.rels");
    const section = findAll(docx.part("word/document.xml"), "w:sectPr")[0]!;
    const targetOf = (type: string) => {
      const id = attr(findAll(section, "w:footerReference").find((f) => attr(f, "w:type") === type), "r:id");
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
    };
    for (const [type, side, jc] of [["default", "w:right", "right"], ["even", "w:left", "left"]] as const) {
      const footer = docx.part(`word/${targetOf(type)}`);
      const p = find(footer, "w:p")!;
      expect(attr(child(p, "w:pPr", "w:jc"), "w:val")).toBe(jc);
      // 空一字 of 四号 (page numbers are not condensed): 280 twips.
      expect(attr(child(p, "w:pPr", "w:ind"), side)).toBe("280");
      expect(docx.raw(`word/${targetOf(type)}`)).toMatch(/PAGE/);
      const run = findAll(p, "w:r").find((r) => textOf(r).includes("—"))!;
      expect(textOf(run)).toMatch(/^— |^—$| —$/);
      expect(attr(runFonts(run), "w:eastAsia")).toBe("宋体");
      expect(attr(runFonts(run), "w:ascii")).toBe("宋体");
      expect(attr(child(run, "w:rPr", "w:sz"), "w:val")).toBe("28");
    }
  });
});

describe("metadata and determinism", () => {
  it("carries title, issuer and 发文字号 in the core properties, dated from the data", () => {
    const core = docx.raw("docProps/core.xml");
    expect(core).toContain("<dc:title>青海省政务服务监督管理局关于2021年度“青海省创建示范公共资源交易中心”考核情况通报</dc:title>");
    expect(core).toContain("<dc:creator>青海省政务服务监督管理局</dc:creator>");
    expect(core).toContain("青政务〔2022〕3号");
    expect(core).toMatch(/<dcterms:created[^>]*>2022-01-27T00:00:00Z</);
    expect(core).toMatch(/<dcterms:modified[^>]*>2022-01-29T00:00:00Z</);
    expect(docx.raw("docProps/custom.xml")).toContain("青政务〔2022〕3号");
  });

  it("gives byte-identical output for the same input", async () => {
    const again = await renderFile(SAMPLE);
    expect(Buffer.compare(Buffer.from(again.bytes), Buffer.from(result.bytes))).toBe(0);
  });

  it("suggests a Windows-safe file name from the 发文字号", () => {
    expect(result.suggestedFileName).toBe("青政务〔2022〕3号.docx");
  });
});
