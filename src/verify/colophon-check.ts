import type { GongwenDocument } from "../document/document.js";
import type { Colophon } from "../document/frame.js";
import { FORMATS } from "../layout/formats/index.js";
import { GRID } from "../layout/gbt9704.js";
import { placeColophon, type PaginationPlan } from "../layout/paginate.js";
import type { MeasuredLayout } from "./measure.js";

/**
 * Checks the rules only a real layout can show (GB/T 9704 §7.4.1, §7.5, §7.3.5.5) and, when the 版记
 * landed wrong, says where it must go instead, from where the text really ended.
 */

export interface ColophonFinding {
  /** Page and grid line of the last text line above the 版记. */
  readonly contentEnd: { readonly page: number; readonly line: number };
  /** Where the 印发 line (the 版记's last line) stands. */
  readonly printLine?: { readonly page: number; readonly line: number };
  readonly colophonFirstPage?: number;
  readonly pages: number;
  /** Everything in place: 版记 whole, at the foot of the last page, which is even. */
  readonly ok: boolean;
  readonly problems: readonly string[];
  /** Where the 版记 must go, from the measured end of the text. */
  readonly wanted: Pick<PaginationPlan, "placement" | "fillerLines" | "totalPages">;
}

const compact = (text: string) => text.replace(/\s+/gu, "");

/** What the check needs of a document: its 版记, and whether the format puts it on an even page. */
export interface ColophonInfo {
  readonly colophon?: Colophon;
  readonly evenPage: boolean;
}

export function colophonInfo(document: GongwenDocument): ColophonInfo {
  return { ...(document.frame.colophon ? { colophon: document.frame.colophon } : {}), evenPage: FORMATS[document.format].colophonOnEvenPage };
}

export function checkColophon(info: ColophonInfo, layout: MeasuredLayout, colophonLines: number): ColophonFinding | undefined {
  const colophon = info.colophon;
  if (!colophon) return undefined;
  // The 版记's last line: the 印发 line, or (信函 format) its last line.
  const lastText = colophon.printDate !== undefined ? `${colophon.printer ?? ""}${colophon.printDate}` : (colophon.lines.at(-1)?.text ?? "");
  const printText = compact(lastText);
  const firstText = compact(colophon.lines[0]?.text ?? printText);
  const ending = compact(colophon.printDate ?? lastText).slice(-12);

  const printIndex = findLast(layout, (text) => text === printText || text.endsWith(ending));
  // The 版记's first line: the last occurrence at or before the 印发 line (the same words may appear in the text).
  const firstIndex = printIndex === undefined ? undefined : findLast(layout, (text) => text.startsWith(firstText.slice(0, 12)), printIndex);
  const problems: string[] = [];
  if (printIndex === undefined || firstIndex === undefined) problems.push("版记未找到 / colophon not found in the PDF");

  const before = (firstIndex ?? layout.lines.length) - 1;
  const last = layout.lines[before];
  const contentEnd = last ? { page: last.page, line: last.line } : { page: 1, line: 0 };
  const print = printIndex !== undefined ? layout.lines[printIndex] : undefined;
  const firstPage = firstIndex !== undefined ? layout.lines[firstIndex]?.page : undefined;

  if (print) {
    if (print.page !== layout.pages) problems.push(`版记不在最后一页（第 ${print.page} 页，共 ${layout.pages} 页）/ colophon not on the last page`);
    if (info.evenPage && layout.pages % 2 !== 0) problems.push(`最后一页是奇数页（共 ${layout.pages} 页）/ the last page is odd`);
    if (print.line !== GRID.linesPerPage) problems.push(`印发行在第 ${print.line} 行，应在第 ${GRID.linesPerPage} 行 / print line on grid line ${print.line}`);
    if (firstPage !== undefined && firstPage !== print.page) problems.push("版记被分在两页 / colophon split across pages");
  }
  return {
    contentEnd,
    printLine: print ? { page: print.page, line: print.line } : undefined,
    colophonFirstPage: firstPage,
    pages: layout.pages,
    ok: problems.length === 0,
    problems,
    wanted: placeColophon(contentEnd, colophonLines, info.evenPage),
  };
}

function findLast(layout: MeasuredLayout, test: (text: string) => boolean, atOrBefore = layout.lines.length - 1): number | undefined {
  for (let index = atOrBefore; index >= 0; index--) {
    const line = layout.lines[index];
    if (line && test(line.text)) return index;
  }
  return undefined;
}
