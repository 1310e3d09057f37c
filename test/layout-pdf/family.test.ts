import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { LETTER } from "../../src/layout/gbt9704.js";
import { twipsToMm } from "../../src/layout/units.js";
import { loadDocumentFile } from "../../src/model/validate.js";
import { inkBox, rasterPage } from "../../src/pdf/ink.js";
import { extractWords } from "../../src/pdf/poppler.js";
import { findRules } from "../../src/pdf/rules.js";
import { renderText } from "../../src/render/text.js";
import { LANDSCAPE_TYPE_AREA_MM, TYPE_AREA_MM } from "../../src/verify/measure.js";
import { renderVerified, type VerifiedRender } from "../../src/verify/render-verified.js";
import { tempDir } from "../helpers/data.js";
import { familyVariants } from "../helpers/family-variants.js";
import { skipLibreOffice } from "../pdf/requires-libreoffice.js";

/**
 * The family's formats on LibreOffice's real layout (GB/T 9704 §7, §8, §10): every starter file and
 * shape passes the verify loop, and each format's distances are measured on the PDF within the
 * standard's tolerances (± 1 mm unless said otherwise).
 */

interface Case {
  readonly render: VerifiedRender;
  readonly pdf: string;
}

const cases = new Map<string, Case>();
const work = tempDir("gongwen-family-layout-");

beforeAll(async () => {
  if (skipLibreOffice) return;
  for (const variant of familyVariants()) {
    const render = await renderVerified(await loadDocumentFile(variant.file));
    const pdf = join(work, `${variant.name}.pdf`);
    writeFileSync(pdf, render.pdf ?? new Uint8Array());
    cases.set(variant.name, { render, pdf });
  }
}, 600_000);

const get = (name: string) => cases.get(name)!;
const PAPER = { width: 210, height: 297 };

describe.skipIf(skipLibreOffice)("the family on LibreOffice's PDF", () => {
  it("passes the verify loop for every document, with the 版记 (if any) at the foot of its last page", () => {
    expect(cases.size).toBeGreaterThanOrEqual(9);
    for (const [name, { render }] of cases) {
      const { verification } = render;
      expect(verification.verified, `${name}: ${verification.reason}`).toBe(true);
      const finding = verification.finding;
      if (!render.document.frame.colophon) expect(finding, name).toBeUndefined();
      else {
        expect(finding!.printLine, name).toEqual({ page: finding!.pages, line: 22 });
        // The 信函 format's 版记 may stand on any last page; every other format's on an even one.
        if (render.document.format !== "letter") expect(finding!.pages % 2, name).toBe(0);
      }
    }
  });

  it("prints every character of every document (header rows repeat on each page a table runs onto)", () => {
    const count = (text: string) => {
      const counts = new Map<string, number>();
      for (const char of text.replace(/\s+/gu, "")) counts.set(char, (counts.get(char) ?? 0) + 1);
      return counts;
    };
    for (const [name, { render }] of cases) {
      const printed = count(render.verification.layout!.lines.map((l) => l.text).join(""));
      const missing = [...count(renderText(render.sections))].filter(([char, n]) => (printed.get(char) ?? 0) < n);
      expect(missing, name).toEqual([]);
    }
  });

  it("信函格式: mark 30 mm from the paper's top, the double rules 170 mm long 4 mm under it and 20 mm above the paper's foot, the 文号 flush right, no number on page 1", async () => {
    const { pdf, render } = get("letter");
    const raster = await rasterPage(pdf, 1, 300);
    const mark = inkBox(raster, 300, "red", { yFromMm: 20, yToMm: 39 })!;
    expect(Math.abs(mark.yMinMm - 30), `mark top ${mark.yMinMm}`).toBeLessThanOrEqual(1);
    const red = (await findRules(pdf, { pages: [1] })).filter((r) => r.colour === "red");
    expect(red).toHaveLength(4);
    const [thick, thin, thinLow, thickLow] = red;
    for (const rule of red) {
      expect(Math.abs(rule.x2Mm - rule.x1Mm - 170), `rule length ${rule.x2Mm - rule.x1Mm}`).toBeLessThanOrEqual(1);
      expect(Math.abs((rule.x1Mm + rule.x2Mm) / 2 - (TYPE_AREA_MM.left + TYPE_AREA_MM.right) / 2)).toBeLessThanOrEqual(0.5);
    }
    expect(thick!.thicknessMm).toBeGreaterThan(thin!.thicknessMm);
    expect(thickLow!.thicknessMm).toBeGreaterThan(thinLow!.thicknessMm);
    expect(Math.abs(thick!.yMm - thick!.thicknessMm / 2 - mark.yMaxMm - 4), "4 mm under the mark").toBeLessThanOrEqual(1);
    expect(Math.abs(PAPER.height - (thickLow!.yMm + thickLow!.thicknessMm / 2) - twipsToMm(LETTER.bottomRuleAbovePageEdgeTwips))).toBeLessThanOrEqual(0.5);
    const number = render.verification.layout!.lines.find((l) => l.text === "青政务函〔2022〕27号")!;
    expect(Math.abs(number.xMaxMm - TYPE_AREA_MM.right)).toBeLessThanOrEqual(1);
    const ink = inkBox(raster, 300, "dark", { yFromMm: thin!.yMm + 1, yToMm: thin!.yMm + 12 })!;
    expect(Math.abs(ink.yMinMm - (thin!.yMm + thin!.thicknessMm / 2) - 4.94), "7/8 of a 3号 character under the rule").toBeLessThanOrEqual(1);
    expect(render.verification.layout!.pageNumbers.filter((p) => p.page === 1)).toEqual([]);
  }, 60_000);

  it("命令格式: mark 20 mm into the 版心, 令号 centred two lines below, no red rule", async () => {
    const { pdf, render } = get("order");
    const raster = await rasterPage(pdf, 1, 300);
    const mark = inkBox(raster, 300, "red", { yFromMm: TYPE_AREA_MM.top, yToMm: TYPE_AREA_MM.top + 45 })!;
    expect(Math.abs(mark.yMinMm - (TYPE_AREA_MM.top + 20)), `mark top ${mark.yMinMm}`).toBeLessThanOrEqual(1);
    expect((await findRules(pdf, { pages: [1] })).filter((r) => r.colour === "red")).toEqual([]);
    const lines = render.verification.layout!.lines;
    const number = lines.find((l) => l.text === "第128号")!;
    const markLine = lines.find((l) => l.text === "青海省人民政府令")!;
    expect(number.line - markLine.line).toBeGreaterThanOrEqual(2);
    expect(Math.abs((number.xMinMm + number.xMaxMm) / 2 - (TYPE_AREA_MM.left + TYPE_AREA_MM.right) / 2)).toBeLessThanOrEqual(1);
    const text = lines.find((l) => l.text.startsWith("《青海省政务服务管理办法》"))!;
    expect(text.line - number.line).toBe(3);
  }, 60_000);

  it("纪要格式: mark 35 mm into the 版心, the red rule under the 编印 line, attendance after the text", async () => {
    const { pdf, render } = get("minutes");
    const raster = await rasterPage(pdf, 1, 300);
    const red = (await findRules(pdf, { pages: [1] })).filter((r) => r.colour === "red");
    expect(red).toHaveLength(1);
    const mark = inkBox(raster, 300, "red", { yFromMm: TYPE_AREA_MM.top, yToMm: red[0]!.yMm - 15 })!;
    expect(Math.abs(mark.yMinMm - (TYPE_AREA_MM.top + 35)), `mark top ${mark.yMinMm}`).toBeLessThanOrEqual(1);
    const lines = render.verification.layout!.lines;
    const present = lines.find((l) => l.text.startsWith("出席："))!;
    const lastText = lines.find((l) => l.text.startsWith("会议原则同意"))!;
    expect(lines.indexOf(present)).toBeGreaterThan(lines.indexOf(lastText));
  }, 60_000);

  it("keeps tables and the text after them on the 22-line grid", async () => {
    const { render, pdf } = get("landscape");
    const lines = render.verification.layout!.lines;
    const landscape = new Set((await extractWords(pdf)).filter((page) => page.widthMm > page.heightMm).map((page) => page.number));
    // Each text line's top lies on its grid line (within the font's own inset), on the pages after the
    // landscape table too (table cells centre their text, so rows are not checked line by line).
    const after = Math.max(...landscape) + 1;
    const body = lines.filter((l) => l.page >= after && !/^附件/.test(l.text) && l.text !== "填报说明");
    expect(body.length).toBeGreaterThan(0);
    for (const line of body) {
      const top = landscape.has(line.page) ? LANDSCAPE_TYPE_AREA_MM.top : TYPE_AREA_MM.top;
      const gridTop = top + (line.line - 1) * TYPE_AREA_MM.linePitch;
      expect(line.yMinMm - gridTop, `${line.page}:${line.line}`).toBeGreaterThanOrEqual(0);
      expect(line.yMinMm - gridTop, `${line.page}:${line.line}`).toBeLessThan(TYPE_AREA_MM.linePitch / 2);
    }
  });

  it("turns wide tables onto landscape pages, the page number turned with them where the portrait pages have theirs", async () => {
    const { pdf } = get("landscape");
    const pages = await extractWords(pdf);
    const landscape = pages.filter((page) => page.widthMm > page.heightMm);
    expect(landscape.length).toBeGreaterThanOrEqual(1);
    for (const page of landscape) {
      const raster = await rasterPage(pdf, page.number, 300);
      const ink = inkBox(raster, 300, "dark", { yFromMm: 0, yToMm: page.heightMm, xFromMm: 0, xToMm: 34 })!;
      // 7 mm outside the 版心 on the sheet's foot, which the turned page has on its left: 28 mm from the
      // edge. LibreOffice sets the turned line at the left of its cell rather than centred: up to 2.5 mm.
      expect(Math.abs((ink.xMinMm + ink.xMaxMm) / 2 - 28), `page ${page.number} x ${ink.xMinMm}..${ink.xMaxMm}`).toBeLessThanOrEqual(2.5);
      // Odd pages: ending 空一字 before the 版心's far end; even: starting 空一字 after its near end.
      if (page.number % 2 === 1) expect(Math.abs(ink.yMaxMm - (28 + 156 - 4.94))).toBeLessThanOrEqual(1.5);
      else expect(Math.abs(ink.yMinMm - (28 + 4.94))).toBeLessThanOrEqual(1.5);
    }
  }, 120_000);
});
