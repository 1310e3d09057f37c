import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertToPdf } from "../../src/pdf/libreoffice.js";
import {
  MM_PER_PT,
  extractWords,
  parseBboxLayout,
  pdfFonts,
  pdfInfo,
  rasterize,
  type PdfLine,
  type PdfPage,
} from "../../src/pdf/poppler.js";
import { BODY_TEXT, CELL_TEXT, DOC_NUMBER_TEXT, HEADING_TEXT, KAI_TEXT, MARGIN, SLOT, TITLE_TEXT, TWIP_MM, slotTopMm, writeSampleDocx } from "./sample-docx.js";
import { NEEDS_LIBREOFFICE, skipLibreOffice } from "./requires-libreoffice.js";


const SAMPLE_XHTML = `<!DOCTYPE html><html xmlns="http://www.w3.org/1999/xhtml"><head><title></title></head><body>
<doc>
  <page width="595.303937" height="841.889764">
    <flow>
      <block xMin="72" yMin="144" xMax="216" yMax="165">
        <line xMin="72" yMin="144" xMax="216" yMax="165">
          <word xMin="72" yMin="144" xMax="120" yMax="165">国办发〔2024〕</word>
          <word xMin="120" yMin="144" xMax="130" yMax="165">1</word>
          <word xMin="140" yMin="144" xMax="160" yMax="165">A&amp;B&lt;&#x4E00;&#20108;</word>
        </line>
      </block>
    </flow>
  </page>
  <page width="100" height="200">
  </page>
</doc></body></html>`;

describe("parseBboxLayout", () => {
  const pages = parseBboxLayout(SAMPLE_XHTML);

  it("reads pages with sizes in millimetres", () => {
    expect(pages).toHaveLength(2);
    expect(pages[0]?.number).toBe(1);
    expect(pages[0]?.widthMm).toBeCloseTo(210, 1);
    expect(pages[0]?.heightMm).toBeCloseTo(297, 1);
    expect(pages[1]?.blocks).toEqual([]);
  });

  it("converts word boxes to millimetres and decodes entities", () => {
    const line = pages[0]?.blocks[0]?.lines[0];
    expect(line?.words.map((w) => w.text)).toEqual(["国办发〔2024〕", "1", "A&B<一二"]);
    expect(line?.words[0]?.xMin).toBeCloseTo(72 * MM_PER_PT, 6);
    expect(line?.words[0]?.xMin).toBeCloseTo(25.4, 6);
    expect(line?.yMax).toBeCloseTo(165 * MM_PER_PT, 6);
  });

  it("joins touching words without a space and separated words with one", () => {
    expect(pages[0]?.blocks[0]?.lines[0]?.text).toBe("国办发〔2024〕1 A&B<一二");
  });
});

function allLines(page: PdfPage | undefined): PdfLine[] {
  return page?.blocks.flatMap((block) => block.lines) ?? [];
}

describe.skipIf(skipLibreOffice)(`poppler on a LibreOffice PDF ${NEEDS_LIBREOFFICE}`, () => {
  let dir = "";
  let pdf = "";

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "gongwen-poppler-test-"));
    await writeSampleDocx(join(dir, "sample.docx"));
    const [result] = await convertToPdf([join(dir, "sample.docx")], dir);
    pdf = result?.pdf ?? "";
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("pdfInfo gives page count, A4 size in mm, producer and version", async () => {
    const info = await pdfInfo(pdf);
    expect(info.pages).toBe(1);
    expect(Math.abs(info.pageWidthMm - 210)).toBeLessThan(0.5);
    expect(Math.abs(info.pageHeightMm - 297)).toBeLessThan(0.5);
    expect(info.producer).toMatch(/LibreOffice/);
    expect(info.pdfVersion).toMatch(/^1\.\d$/);
  });

  it("extracts the Chinese text exactly as written (fonts mapped, glyphs drawn)", async () => {
    const texts = allLines((await extractWords(pdf))[0]).map((line) => line.text);
    // LibreOffice puts a visible gap between Latin digits and Chinese (autospace), so the 发文字号 has one.
    const squeeze = (text: string) => text.replace(/ /g, "");
    expect(texts.map(squeeze)).toEqual([TITLE_TEXT, DOC_NUMBER_TEXT, BODY_TEXT, HEADING_TEXT, KAI_TEXT, ...CELL_TEXT]);
  });

  it("places the first body line at the left margin (≈ 28 mm) and on the line grid", async () => {
    const lines = allLines((await extractWords(pdf))[0]);
    const body = lines.find((line) => line.text === BODY_TEXT);
    expect(body).toBeDefined();
    expect(Math.abs((body?.xMin ?? 0) - MARGIN.left * TWIP_MM)).toBeLessThan(1);
    expect(Math.abs((body?.xMin ?? 0) - 28)).toBeLessThan(1);
    // The glyph box (font ascent to descent, taller than the glyphs) is centred in its exact 579-twip slot.
    const centre = ((body?.yMin ?? 0) + (body?.yMax ?? 0)) / 2;
    expect(centre).toBeGreaterThan(slotTopMm(SLOT.body));
    expect(centre).toBeLessThan(slotTopMm(SLOT.body + 1));
  });

  it("maps the bureau font names to the free fonts and embeds them", async () => {
    const fonts = await pdfFonts(pdf);
    const names = fonts.map((font) => font.name.replace(/^[A-Z]{6}\+/, ""));
    expect(names).toEqual(
      expect.arrayContaining([
        "FandolFang-Regular", // 仿宋_GB2312
        "FandolHei-Regular", // 黑体
        "FandolKai-Regular", // 楷体_GB2312
        "LiberationSerif", // Times New Roman
      ]),
    );
    // 方正小标宋简体 → Noto Serif CJK SC Bold (the .ttc's shared CFF is named "…jp…" whatever the face).
    expect(names.some((name) => /^NotoSerifCJK.*-Bold/.test(name))).toBe(true);
    expect(fonts.every((font) => font.embedded)).toBe(true);
  });

  it("rasterizes a page to PNG at the requested resolution", async () => {
    const [png, ...rest] = await rasterize(pdf, { dpi: 50, page: 1, outDir: dir });
    expect(rest).toEqual([]);
    const bytes = await readFile(png ?? "");
    expect(bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    // IHDR width/height: A4 at 50 dpi ≈ 413 × 585 px.
    expect(Math.abs(bytes.readUInt32BE(16) - 413)).toBeLessThanOrEqual(1);
    expect(Math.abs(bytes.readUInt32BE(20) - 585)).toBeLessThanOrEqual(1);
  });
});
