import { GRID, LANDSCAPE, MARGIN, PAGE, TYPE_AREA } from "../layout/gbt9704.js";
import { twipsToMm } from "../layout/units.js";
import { extractWords, type PdfLine } from "../pdf/poppler.js";

/**
 * Reads a rendered PDF back onto the standard's grid: which text stands on which of the 22 lines of
 * which page, and what the page numbers say and where. This is how the tool knows where the pages
 * really broke, rather than trusting its own estimate.
 */

export const TYPE_AREA_MM = {
  top: twipsToMm(MARGIN.topTwips),
  left: twipsToMm(MARGIN.leftTwips),
  right: twipsToMm(PAGE.widthTwips - MARGIN.rightTwips),
  bottom: twipsToMm(MARGIN.topTwips + TYPE_AREA.heightTwips),
  linePitch: twipsToMm(GRID.linePitchTwips),
} as const;

export interface GridLine {
  readonly page: number;
  /** 1-based line of the 22-line grid the text's centre falls on. */
  readonly line: number;
  /** Text with white space removed (pdftotext spaces Latin runs apart from Chinese). */
  readonly text: string;
  readonly xMinMm: number;
  readonly xMaxMm: number;
  readonly yMinMm: number;
  readonly yMaxMm: number;
}

export interface PageNumberMark {
  readonly page: number;
  readonly text: string;
  readonly xMinMm: number;
  readonly xMaxMm: number;
  readonly yCentreMm: number;
}

export interface MeasuredLayout {
  readonly pages: number;
  readonly pageWidthMm: number;
  readonly pageHeightMm: number;
  /** Text lines inside the 版心, in reading order. */
  readonly lines: readonly GridLine[];
  /** Text below the 版心 (the 页码), one per page that has it. */
  readonly pageNumbers: readonly PageNumberMark[];
  /** Pages set landscape (§8 横排表格). */
  readonly landscapePages: readonly number[];
}

const compact = (text: string) => text.replace(/\s+/gu, "");

/** The 版心 of a landscape page (§8): the portrait margins on the same edges of the sheet. */
export const LANDSCAPE_TYPE_AREA_MM = {
  top: twipsToMm(LANDSCAPE.margin.topTwips),
  left: twipsToMm(LANDSCAPE.margin.leftTwips),
  right: twipsToMm(LANDSCAPE.widthTwips - LANDSCAPE.margin.rightTwips),
  bottom: twipsToMm(LANDSCAPE.margin.topTwips + TYPE_AREA.widthTwips),
  linePitch: twipsToMm(GRID.linePitchTwips),
} as const;

export function gridLineOf(yCentreMm: number, topMm: number = TYPE_AREA_MM.top): number {
  return Math.floor((yCentreMm - topMm) / TYPE_AREA_MM.linePitch) + 1;
}

export async function measureLayout(pdf: string): Promise<MeasuredLayout> {
  const pages = await extractWords(pdf);
  const lines: GridLine[] = [];
  const pageNumbers: PageNumberMark[] = [];
  const landscapePages: number[] = [];
  for (const page of pages) {
    const rows = new Map<number, PdfLine[]>();
    const area = page.widthMm > page.heightMm ? LANDSCAPE_TYPE_AREA_MM : TYPE_AREA_MM;
    if (area === LANDSCAPE_TYPE_AREA_MM) landscapePages.push(page.number);
    for (const block of page.blocks) {
      for (const line of block.lines) {
        const centre = (line.yMin + line.yMax) / 2;
        // Outside the 版心: the 页码 (below it on portrait pages, turned left of it on landscape ones).
        if (centre > area.bottom || line.xMax < area.left) {
          pageNumbers.push({ page: page.number, text: compact(line.text), xMinMm: line.xMin, xMaxMm: line.xMax, yCentreMm: centre });
          continue;
        }
        const index = gridLineOf(centre, area.top);
        rows.set(index, [...(rows.get(index) ?? []), line]);
      }
    }
    for (const [index, parts] of [...rows.entries()].sort((a, b) => a[0] - b[0])) {
      const ordered = [...parts].sort((a, b) => a.xMin - b.xMin);
      lines.push({
        page: page.number,
        line: index,
        text: compact(ordered.map((part) => part.text).join("")),
        xMinMm: Math.min(...ordered.map((part) => part.xMin)),
        xMaxMm: Math.max(...ordered.map((part) => part.xMax)),
        yMinMm: Math.min(...ordered.map((part) => part.yMin)),
        yMaxMm: Math.max(...ordered.map((part) => part.yMax)),
      });
    }
  }
  const first = pages[0];
  return { pages: pages.length, pageWidthMm: first?.widthMm ?? 0, pageHeightMm: first?.heightMm ?? 0, lines, pageNumbers, landscapePages };
}
