import { GRID } from "./gbt9704.js";
import { TAB, type BorderLine, type ParagraphSpec, type RowSpec, type TableSpec, type TextRunSpec } from "./spec.js";
import { breakLines } from "./text-width.js";

/**
 * Heights and line breaks of laid-out specs, as Word and LibreOffice fill them: the pagination, the
 * 版记's placement and the editor's preview all measure the same specs this one way, so geometry is
 * decided once (in the layout) and never re-derived per element.
 */

/** The document default size and scale (styles: 3号 at 98 %, see gbt9704.ts GRID). */
const DEFAULT_SIZE_PT = 16;
const DEFAULT_SCALE_PERCENT = GRID.characterScalePercent;

/** Height a border adds outside the text: its distance from the text and its own width. */
export function borderTwips(line: BorderLine | undefined): number {
  if (!line || line.style === "none") return 0;
  return Math.round((line.space ?? 0) * 20) + Math.round((line.size / 8) * 20);
}

export interface ParagraphMeasure {
  /** The text of each line as it will be broken. */
  readonly lines: readonly string[];
  /** Height of one line (exact line spacing). */
  readonly lineTwips: number;
  readonly beforeTwips: number;
  /** Space after, with the bottom border (distance and width). */
  readonly afterTwips: number;
  /** The top border above the first line. */
  readonly topTwips: number;
  readonly heightTwips: number;
}

function textRuns(spec: ParagraphSpec): TextRunSpec[] {
  return spec.runs.filter((run): run is TextRunSpec => run.kind === "text");
}

/** The paragraph's text, line breaks as "\n"; tabs are looked at apart (tab lines are one line). */
export function paragraphText(spec: ParagraphSpec): string {
  let text = "";
  for (const run of textRuns(spec)) {
    if (run.breakBefore) text += "\n";
    for (const piece of run.content) text += piece === TAB ? "\t" : piece;
  }
  return text;
}

/** Size and horizontal scale the paragraph is set in: its largest run's. */
function setSize(spec: ParagraphSpec): { sizePt: number; scale: number } {
  let sizePt = 0;
  let scale: number = DEFAULT_SCALE_PERCENT;
  for (const run of textRuns(spec)) {
    const size = run.sizeHalfPoints !== undefined ? run.sizeHalfPoints / 2 : DEFAULT_SIZE_PT;
    if (size > sizePt) {
      sizePt = size;
      scale = run.scalePercent ?? DEFAULT_SCALE_PERCENT;
    }
  }
  return { sizePt: sizePt || DEFAULT_SIZE_PT, scale };
}

/** Lines of a paragraph set in `widthTwips` (the 版心, or a table cell's text width). */
export function breakParagraph(spec: ParagraphSpec, widthTwips: number): string[] {
  const text = paragraphText(spec);
  // A tab line (印发机关⇥日期, 文号⇥签发人) is laid out on its tab stops: one line.
  if (text.includes("\t")) return text.split("\n");
  const { sizePt, scale } = setSize(spec);
  const setPt = (sizePt * scale) / 100;
  const left = spec.indent?.left ?? 0;
  const right = spec.indent?.right ?? 0;
  const firstLine = (spec.indent?.firstLine ?? 0) - (spec.indent?.hanging ?? 0);
  return breakLines(text, {
    fontSizePt: setPt,
    trackingPt: 0,
    lineWidthPt: (widthTwips - left - right) / 20,
    firstLineIndentChars: firstLine / 20 / setPt,
  });
}

export function measureParagraph(spec: ParagraphSpec, widthTwips: number): ParagraphMeasure {
  const lines = breakParagraph(spec, widthTwips);
  const lineTwips = spec.spacing?.line ?? GRID.linePitchTwips;
  const beforeTwips = spec.spacing?.before ?? 0;
  const topTwips = borderTwips(spec.border?.top);
  const afterTwips = (spec.spacing?.after ?? 0) + borderTwips(spec.border?.bottom);
  return { lines, lineTwips, beforeTwips, afterTwips, topTwips, heightTwips: beforeTwips + topTwips + lines.length * lineTwips + afterTwips };
}

/** Text width of a cell: its width less its side margins. */
function cellTextTwips(cell: RowSpec["cells"][number]): number {
  if (cell.zeroMargins) return cell.widthTwips;
  return cell.widthTwips - 2 * (cell.sideMarginTwips ?? 0);
}

/** A row's height: its exact height, or the tallest cell's text (at least the height given). */
export function rowHeight(row: RowSpec): number {
  if (row.heightTwips !== undefined && row.heightRule !== "atLeast") return row.heightTwips;
  let content = 0;
  for (const cell of row.cells) {
    const width = cellTextTwips(cell);
    const height = cell.children.reduce((sum, paragraph) => sum + measureParagraph(paragraph, width).heightTwips, 0);
    content = Math.max(content, height);
  }
  return Math.max(content, row.heightTwips ?? 0);
}

/**
 * A table's height outside its rows: LibreOffice draws the top border outside the row heights
 * (measured on the 版记: its thick first rule pushes what follows down by the rule's width).
 */
export function tableTopTwips(spec: TableSpec): number {
  return spec.borders.top.style === "none" ? 0 : Math.round((spec.borders.top.size / 8) * 20);
}
