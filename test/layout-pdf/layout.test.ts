import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Signature } from "../../src/document/frame.js";
import { titleLines } from "../../src/layout/frame/head.js";
import { loadDocumentFile } from "../../src/model/validate.js";
import { inkBox, rasterPage } from "../../src/pdf/ink.js";
import { findRules } from "../../src/pdf/rules.js";
import { renderText } from "../../src/render/text.js";
import { TYPE_AREA_MM } from "../../src/verify/measure.js";
import { renderVerified, type VerifiedRender } from "../../src/verify/render-verified.js";
import { tempDir } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";
import { layoutVariants } from "../helpers/variants.js";
import { skipLibreOffice } from "../pdf/requires-libreoffice.js";

/**
 * GB/T 9704 checked on the real layout: every circular is rendered, laid out by LibreOffice, and its
 * PDF measured. The numbers the standard gives are asserted within its tolerances.
 */

interface Case {
  readonly name: string;
  readonly render: VerifiedRender;
  readonly pdf: string;
  readonly seconds: number;
}

const cases: Case[] = [];
const work = tempDir("gongwen-layout-");

beforeAll(async () => {
  if (skipLibreOffice) return;
  for (const variant of [{ name: "sample", file: SAMPLE }, ...layoutVariants()]) {
    const started = performance.now();
    const render = await renderVerified(await loadDocumentFile(variant.file));
    const pdf = join(work, `${variant.name}.pdf`);
    writeFileSync(pdf, render.pdf ?? new Uint8Array());
    cases.push({ name: variant.name, render, pdf, seconds: (performance.now() - started) / 1000 });
  }
}, 300_000);

afterAll(() => {
  // The numbers for the issue note: one row per circular.
  const rows = cases.map(({ name, render, seconds }) => {
    const layout = render.verification.layout;
    const full = layout ? fullPages(render).map((page) => layout.lines.filter((l) => l.page === page).length) : [];
    return `${name.padEnd(16)} pages=${render.verification.finding?.pages} placement=${render.plan.placement} ` +
      `colophon=p${render.verification.finding?.printLine?.page}:l${render.verification.finding?.printLine?.line} ` +
      `passes=${render.verification.passes} lines/full page=${[...new Set(full)].join(",") || "-"} ` +
      `conversion=${render.verification.conversionMs.map((ms) => (ms / 1000).toFixed(2)).join("+")}s total=${seconds.toFixed(2)}s`;
  });
  if (rows.length > 0) console.log(`layout report\n${rows.join("\n")}`);
});

/**
 * Pages wholly filled by body text: not the first (版头), not the last text page, and not the page
 * before it, which loses the paragraph that keep-with-next carries over with the 署名.
 */
function fullPages(render: VerifiedRender): number[] {
  const finding = render.verification.finding;
  const end = finding?.contentEnd.page ?? 0;
  return Array.from({ length: Math.max(0, end - 3) }, (_, i) => i + 2);
}

const colophonOf = (render: VerifiedRender) => render.document.frame.colophon!;

describe.skipIf(skipLibreOffice)("layout on LibreOffice's PDF (GB/T 9704)", () => {
  it("verifies every circular: the 版记 whole at the foot of an even last page", () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    for (const { name, render } of cases) {
      const { verification } = render;
      expect(verification.verified, `${name}: ${verification.reason}`).toBe(true);
      expect(verification.finding!.pages % 2, name).toBe(0);
      expect(verification.finding!.printLine, name).toEqual({ page: verification.finding!.pages, line: 22 });
      expect(verification.passes, name).toBeLessThanOrEqual(3);
    }
  });

  it("covers each placement of the 版记: same page, next page, after a blank page", () => {
    const placements = new Set(cases.map((c) => c.render.plan.placement));
    expect(placements).toEqual(new Set(["same-page", "next-page", "blank-then-page"]));
  });

  it("prints A4 pages with the 版心 where the standard puts it", () => {
    for (const { name, render } of cases) {
      const layout = render.verification.layout!;
      expect(layout.pageWidthMm, name).toBeCloseTo(210, 0);
      expect(layout.pageHeightMm, name).toBeCloseTo(297, 0);
      const flushLeft = Math.min(...layout.lines.map((l) => l.xMinMm));
      expect(Math.abs(flushLeft - 28), `${name}: left edge ${flushLeft}`).toBeLessThanOrEqual(1);
      for (const line of layout.lines) {
        // A hanging mark at most: one 字 at 98 %, or at the fill's widest 108 % on a filled page (fit-closing.ts).
        const hang = render.plan.filledPages?.includes(line.page) ? 6.2 : 5.6;
        expect(line.xMaxMm, `${name}: ${line.text}`).toBeLessThanOrEqual(TYPE_AREA_MM.right + hang);
      }
      const secondPageFirst = layout.lines.find((l) => l.page === 2);
      if (secondPageFirst && secondPageFirst.line === 1) {
        // The first line's box starts at the 版心 top (37 mm); a 16 pt glyph sits 2.6 mm into its 10.2 mm line.
        expect(Math.abs(secondPageFirst.yMinMm - 2.6 - 37), name).toBeLessThanOrEqual(1);
      }
    }
  });

  it("puts exactly 22 lines on a full page, 28.95 pt apart", () => {
    const sample = cases.find((c) => c.name === "sample")!.render;
    const layout = sample.verification.layout!;
    const pages = fullPages(sample);
    expect(pages.length).toBeGreaterThanOrEqual(3);
    // Page 1 holds the 版头 and then body lines on the same grid.
    expect(layout.lines.filter((l) => l.page === 1).at(-1)?.line).toBe(22);
    for (const page of pages) {
      const lines = layout.lines.filter((l) => l.page === page);
      expect(lines.map((l) => l.line), `page ${page}`).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
      const gaps = lines.slice(1).map((l, i) => l.yMinMm - lines[i]!.yMinMm);
      for (const gap of gaps) expect(Math.abs(gap - TYPE_AREA_MM.linePitch)).toBeLessThan(0.4);
    }
  });

  it("fills the page before the 署名: page 6 holds 22 grid lines, page 7 the text's last two lines and the 署名, the 版记 page 8", () => {
    const sample = cases.find((c) => c.name === "sample")!.render;
    const layout = sample.verification.layout!;
    expect(sample.plan.filledPages).toEqual([6, 7]);
    const page6 = layout.lines.filter((l) => l.page === 6);
    expect(page6.map((l) => l.line)).toEqual(Array.from({ length: 22 }, (_, i) => i + 1));
    const gaps = page6.slice(1).map((l, i) => l.yMinMm - page6[i]!.yMinMm);
    for (const gap of gaps) expect(Math.abs(gap - TYPE_AREA_MM.linePitch)).toBeLessThan(0.4);
    const page7 = layout.lines.filter((l) => l.page === 7).map((l) => l.text);
    expect(page7.slice(0, 2).join("")).toBe("台阶，以更加优异的成绩迎接党的二十大和省第十四次党代会胜利召开。");
    expect(page7).toContain("2022年1月27日");
    expect(sample.verification.finding?.printLine?.page).toBe(8);
  });

  it("sets 28 characters on a full body line", () => {
    const layout = cases.find((c) => c.name === "sample")!.render.verification.layout!;
    const chineseOnly = layout.lines.filter((l) => l.page > 1 && /^[\u4E00-\u9FFF，、。；：“”（）《》]+$/u.test(l.text) && l.xMinMm < 29);
    const lengths = chineseOnly.map((l) => [...l.text].length);
    // Full lines hold 28; a 29th may only be punctuation hanging into the margin.
    expect(lengths.filter((n) => n === 28).length).toBeGreaterThan(40);
    expect(Math.max(...lengths)).toBeLessThanOrEqual(29);
    for (const line of chineseOnly.filter((l) => [...l.text].length === 29)) expect(line.text).toMatch(/[，、。；：”）》]$/u);
  });

  it("prints every character of the document (no glyph dropped by the layout)", () => {
    for (const { name, render } of cases) {
      const expected = renderText(render.sections).replace(/\s+/gu, "");
      const printed = render.verification.layout!.lines.map((l) => l.text).join("");
      expect(printed, name).toBe(expected);
    }
  });

  it("numbers pages — n — in the footer, odd pages right and even pages left, 空一字, 7 mm below the 版心", () => {
    for (const { name, render } of cases) {
      const layout = render.verification.layout!;
      const blankThenPage = render.plan.placement === "blank-then-page";
      const numbered = blankThenPage ? layout.pages - 2 : layout.pages;
      expect(layout.pageNumbers.map((p) => p.page), name).toEqual(Array.from({ length: numbered }, (_, i) => i + 1));
      for (const mark of layout.pageNumbers) {
        expect(mark.text, name).toBe(`—${mark.page}—`);
        expect(Math.abs(mark.yCentreMm - (TYPE_AREA_MM.bottom + 7)), `${name} p${mark.page}`).toBeLessThanOrEqual(1);
        if (mark.page % 2 === 1) expect(Math.abs(mark.xMaxMm - (TYPE_AREA_MM.right - 4.94)), `${name} p${mark.page}`).toBeLessThanOrEqual(1);
        else expect(Math.abs(mark.xMinMm - (TYPE_AREA_MM.left + 4.94)), `${name} p${mark.page}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it("draws the red rule 4 mm under the 发文字号, as wide as the 版心, and the mark's top 35 mm into the 版心", async () => {
    for (const { name, pdf, render } of cases) {
      const raster = await rasterPage(pdf, 1, 300);
      const red = (await findRules(pdf, { pages: [1] })).filter((r) => r.colour === "red");
      expect(red, name).toHaveLength(1);
      const rule = red[0]!;
      expect(Math.abs(rule.x1Mm - TYPE_AREA_MM.left), name).toBeLessThanOrEqual(0.5);
      expect(Math.abs(rule.x2Mm - TYPE_AREA_MM.right), name).toBeLessThanOrEqual(0.5);
      const number = inkBox(raster, 300, "dark", { yFromMm: rule.yMm - 14, yToMm: rule.yMm - 1 });
      expect(Math.abs(rule.yMm - rule.thicknessMm / 2 - number!.yMaxMm - 4), name).toBeLessThanOrEqual(0.6);
      const lines = render.verification.layout!.lines.filter((l) => l.page === 1);
      const markTop = inkBox(raster, 300, "red", { yFromMm: TYPE_AREA_MM.top, yToMm: rule.yMm - 2 });
      expect(Math.abs(markTop!.yMinMm - (TYPE_AREA_MM.top + 35)), `${name}: mark top ${markTop!.yMinMm}`).toBeLessThanOrEqual(1);
      expect(lines.length, name).toBeGreaterThan(0);
    }
  }, 60_000);

  it("draws the 版记 rules: thick first and last (0.35 mm), thin between (0.25 mm), the last on the 版心's bottom edge", async () => {
    for (const { name, pdf, render } of cases) {
      const page = render.verification.finding!.pages;
      const rules = (await findRules(pdf, { pages: [page] })).filter((r) => r.colour === "black");
      const colophon = colophonOf(render);
      expect(rules.length, name).toBe(colophon.lines.length + 1 + (colophon.lines.length > 0 ? 1 : 0));
      const first = rules[0]!;
      const last = rules.at(-1)!;
      expect(Math.abs(last.yMm - TYPE_AREA_MM.bottom), `${name}: last rule at ${last.yMm}`).toBeLessThanOrEqual(1);
      // At 300 dpi a pixel is 0.085 mm: a 0.35 mm rule measures 4 or 5 pixels, a 0.25 mm rule 3.
      expect(Math.abs(first.thicknessMm - 0.35), name).toBeLessThanOrEqual(0.09);
      expect(Math.abs(last.thicknessMm - 0.35), name).toBeLessThanOrEqual(0.09);
      for (const inner of rules.slice(1, -1)) expect(Math.abs(inner.thicknessMm - 0.25), name).toBeLessThanOrEqual(0.05);
      for (const rule of rules) {
        expect(Math.abs(rule.x1Mm - TYPE_AREA_MM.left), name).toBeLessThanOrEqual(0.5);
        expect(Math.abs(rule.x2Mm - TYPE_AREA_MM.right), name).toBeLessThanOrEqual(0.5);
      }
    }
  }, 60_000);

  it("keeps the 署名 and 成文日期 on a page with body text (§7.3.5.5)", () => {
    for (const { name, render } of cases) {
      const signature = render.document.frame.signature as Extract<Signature, { kind: "organ" }>;
      const lines = render.verification.layout!.lines;
      const dateIndex = lines.findIndex((l) => l.text === signature.date.replace(/\s/g, ""));
      expect(dateIndex, name).toBeGreaterThan(0);
      const date = lines[dateIndex]!;
      const before = lines.slice(0, dateIndex).filter((l) => l.page === date.page);
      const names = new Set(signature.names.map((n) => n.replace(/\s/g, "")));
      expect(before.some((l) => !names.has(l.text)), name).toBe(true);
    }
  });

  it("starts attachments on a new page, after the text and before the 版记", () => {
    const { render } = cases.find((c) => c.name === "attachments")!;
    const lines = render.verification.layout!.lines;
    for (const label of ["附件1", "附件2"]) {
      const line = lines.find((l) => l.text === label)!;
      expect(line.line, label).toBe(1);
      expect(line.xMinMm).toBeCloseTo(TYPE_AREA_MM.left, 0);
    }
    const second = lines.find((l) => l.text === "附件2")!;
    expect(second.page).toBeGreaterThan(lines.find((l) => l.text === "附件1")!.page);
    expect(render.verification.finding!.contentEnd.page).toBeGreaterThanOrEqual(second.page);
  });

  it("breaks the title into the lines intended", () => {
    for (const { name, render } of cases) {
      const title = { lines: titleLines(render.document.frame.title!) };
      const page1 = render.verification.layout!.lines.filter((l) => l.page === 1).map((l) => l.text);
      const number = render.document.meta.docNumber;
      const start = page1.indexOf(title.lines[0]!.replace(/\s/g, ""), page1.indexOf(number) + 1);
      expect(start, name).toBeGreaterThan(0);
      expect(page1.slice(start, start + title.lines.length), name).toEqual(title.lines.map((l) => l.replace(/\s/g, "")));
    }
  });

  it("places a seal image over the 署名 and date, reaching up to the text", async () => {
    const { pdf, render } = cases.find((c) => c.name === "seal-image")!;
    const layout = render.verification.layout!;
    const date = layout.lines.find((l) => l.text === "2022年1月27日")!;
    const raster = await rasterPage(pdf, date.page, 150);
    const seal = inkBox(raster, 150, "red", { yFromMm: date.yMinMm - 45, yToMm: date.yMaxMm + 20 })!;
    expect(seal.yMaxMm - seal.yMinMm).toBeGreaterThan(38);
    const dateCentre = (date.xMinMm + date.xMaxMm) / 2;
    expect(Math.abs((seal.xMinMm + seal.xMaxMm) / 2 - dateCentre)).toBeLessThan(3);
    expect(seal.yMaxMm).toBeGreaterThan(date.yMaxMm - 2);
  });
});
