import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertToPdf } from "../../src/pdf/libreoffice.js";
import { findRules, findRulesInRaster, parsePpm, type HorizontalRule, type Raster } from "../../src/pdf/rules.js";
import { MARGIN, SLOT, TWIP_MM, slotTopMm, writeSampleDocx } from "./sample-docx.js";
import { NEEDS_LIBREOFFICE, skipLibreOffice } from "./requires-libreoffice.js";


const ONE_PT_MM = 25.4 / 72;

/** White raster with painted rectangles; `coverage` < 1 paints an anti-aliased-looking edge. */
function raster(width: number, height: number, paint: Array<{ x1: number; x2: number; y: number; rgb: [number, number, number] }>): Raster {
  const rgb = new Uint8Array(width * height * 3).fill(255);
  for (const { x1, x2, y, rgb: [r, g, b] } of paint) {
    for (let x = x1; x < x2; x++) rgb.set([r, g, b], (y * width + x) * 3);
  }
  return { width, height, rgb };
}

function rows(x1: number, x2: number, ys: number[], rgb: [number, number, number]) {
  return ys.map((y) => ({ x1, x2, y, rgb }));
}

describe("parsePpm", () => {
  it("reads a P6 header with a comment and the pixel bytes after it", () => {
    const header = new TextEncoder().encode("P6\n# made by hand\n2 1\n255\n");
    const data = new Uint8Array([...header, 255, 0, 0, 0, 0, 0]);
    const { width, height, rgb } = parsePpm(data);
    expect([width, height]).toEqual([2, 1]);
    expect([...rgb]).toEqual([255, 0, 0, 0, 0, 0]);
  });

  it("rejects other formats", () => {
    expect(() => parsePpm(new TextEncoder().encode("P3\n1 1\n255\n0 0 0"))).toThrow(/P6/);
  });
});

describe("findRulesInRaster (synthetic, 100 dpi)", () => {
  const dpi = 100;
  const mm = (px: number) => (px * 25.4) / dpi;

  it("finds a red and a black rule with centre, extent and coverage-weighted thickness", () => {
    const image = raster(400, 100, [
      // red: 2 full rows plus a half-covered edge row (pink) → 2.5 px thick
      ...rows(50, 350, [20, 21], [255, 0, 0]),
      ...rows(50, 350, [22], [255, 128, 128]),
      // black: 3 full rows
      ...rows(40, 360, [60, 61, 62], [0, 0, 0]),
      // text-like short stroke: ignored
      ...rows(10, 30, [80, 81], [0, 0, 0]),
    ]);
    const found = findRulesInRaster(image, { dpi, page: 2 });
    expect(found.map((r) => r.colour)).toEqual(["red", "black"]);
    const [red, black] = found as [HorizontalRule, HorizontalRule];
    expect(red.page).toBe(2);
    expect(red.thicknessMm).toBeCloseTo(mm(2.5), 1);
    expect(red.x1Mm).toBeCloseTo(mm(50), 2);
    expect(red.x2Mm).toBeCloseTo(mm(350), 2);
    expect(black.yMm).toBeCloseTo(mm(61.5), 2);
    expect(black.thicknessMm).toBeCloseTo(mm(3), 2);
  });

  it("ignores filled areas taller than maxThicknessMm", () => {
    const ys = Array.from({ length: 40 }, (_, index) => 10 + index);
    expect(findRulesInRaster(raster(400, 100, rows(50, 350, ys, [0, 0, 0])), { dpi, page: 1 })).toEqual([]);
  });
});

describe.skipIf(skipLibreOffice)(`findRules on a LibreOffice PDF ${NEEDS_LIBREOFFICE}`, () => {
  let dir = "";
  let found: HorizontalRule[] = [];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "gongwen-rules-test-"));
    await writeSampleDocx(join(dir, "sample.docx"));
    const [result] = await convertToPdf([join(dir, "sample.docx")], dir);
    found = await findRules(result?.pdf ?? "", { pages: [1] });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("finds the 1 pt red rule under the 发文字号, across the 版心", () => {
    const red = found.filter((rule) => rule.colour === "red");
    expect(red).toHaveLength(1);
    const [rule] = red as [HorizontalRule];
    // A bottom border with w:space 0 is drawn just below the paragraph's line box.
    expect(Math.abs(rule.yMm - (slotTopMm(SLOT.docNumber + 1) + ONE_PT_MM / 2))).toBeLessThan(0.5);
    expect(Math.abs(rule.thicknessMm - ONE_PT_MM)).toBeLessThan(0.1);
    expect(Math.abs(rule.x1Mm - MARGIN.left * TWIP_MM)).toBeLessThan(0.5);
    expect(Math.abs(rule.x2Mm - (11906 - MARGIN.right) * TWIP_MM)).toBeLessThan(0.5);
  });

  it("finds the three 1 pt black table borders, one row apart", () => {
    const black = found.filter((rule) => rule.colour === "black");
    expect(black).toHaveLength(3);
    for (const rule of black) {
      expect(Math.abs(rule.thicknessMm - ONE_PT_MM)).toBeLessThan(0.1);
      expect(Math.abs(rule.x1Mm - 28)).toBeLessThan(1);
      expect(Math.abs(rule.x2Mm - 184)).toBeLessThan(1);
    }
    const [top, middle, bottom] = black.map((rule) => rule.yMm) as [number, number, number];
    expect(Math.abs(top - slotTopMm(SLOT.table))).toBeLessThan(1);
    // Each row holds one exact 579-twip line (10.2 mm) plus the border.
    expect(middle - top).toBeGreaterThan(10);
    expect(middle - top).toBeLessThan(11);
    expect(bottom - middle).toBeCloseTo(middle - top, 1);
  });
});
