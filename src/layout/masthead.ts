import { DOC_NUMBER, GRID, ISSUER_MARK, TYPE_AREA, 字号 } from "./gbt9704.js";
import { textWidth } from "./text-width.js";
import { pointsToTwips, twipsToPoints } from "./units.js";

/**
 * Geometry of the 发文机关标志 (§7.2.4), shared by the renderer and the pagination estimate: its size,
 * and spacing that puts its top 35 mm below the 版心 top and ends the block on a grid line.
 */

export interface MarkSize {
  readonly sizePt: number;
  /** Horizontal scale (w:w) for names too long for the smallest size. */
  readonly scalePercent: number;
}

/** The largest candidate size at which `text` fits in the given share of the 版心. */
export function markSize(
  text: string,
  availableTwips: number = TYPE_AREA.widthTwips,
  candidateSizesPt: readonly number[] = ISSUER_MARK.candidateSizesPt,
): MarkSize {
  const available = twipsToPoints(availableTwips) * ISSUER_MARK.maxWidthShare;
  for (const sizePt of candidateSizesPt) {
    if (textWidth(text, { fontSizePt: sizePt, trackingPt: 0 }) <= available) return { sizePt, scalePercent: 100 };
  }
  const smallest = candidateSizesPt[candidateSizesPt.length - 1] ?? 字号.二号;
  const width = textWidth(text, { fontSizePt: smallest, trackingPt: 0 });
  return { sizePt: smallest, scalePercent: Math.max(50, Math.floor((available / width) * 100)) };
}

export interface MarkSpacing {
  /** Exact height of one line of the mark. */
  readonly lineTwips: number;
  /** Space before the mark's first line. */
  readonly beforeTwips: number;
  /** Height of the mark block from the 版心 top (lines above it included). */
  readonly blockTwips: number;
  /**
   * Space above the 发文字号: 空二行, give or take less than half a line, so that the 文号 line ends on
   * the grid and everything below it keeps the 22-line pitch. (The mark's top is fixed at 35 mm, which
   * is no whole number of lines; the difference is taken here, where the large mark's own white space
   * above and below its glyphs already makes the gap look like two lines.)
   */
  readonly docNumberBeforeTwips: number;
  /** Grid lines from the 版心 top to the end of the 发文字号 line. */
  readonly gridLinesThroughDocNumber: number;
}

/** Share of the em box above an ideograph's top edge (measured on the fonts used for rendering). */
export const IDEOGRAPH_TOP_INSET_EM = 0.06;

/**
 * With exact line spacing, Word and LibreOffice centre the em box in the line, so the ideograph's top
 * sits half the leading plus a small inset below the line's top.
 */
export function markSpacing(linesAbove: number, sizePt: number, lineCount: number, topTwips: number = ISSUER_MARK.topBelowTypeAreaTwips): MarkSpacing {
  const lineTwips = pointsToTwips(sizePt * 1.25);
  const glyphTopInLine = (lineTwips - pointsToTwips(sizePt)) / 2 + pointsToTwips(sizePt * IDEOGRAPH_TOP_INSET_EM);
  const beforeTwips = Math.max(0, Math.round(topTwips - linesAbove * GRID.linePitchTwips - glyphTopInLine));
  const pitch = GRID.linePitchTwips;
  const blockTwips = linesAbove * pitch + beforeTwips + lineTwips * lineCount;
  const twoLines = DOC_NUMBER.blankLinesAboveTwips;
  let adjust = (pitch - ((blockTwips + twoLines) % pitch)) % pitch;
  if (adjust > pitch / 2) adjust -= pitch;
  const docNumberBeforeTwips = twoLines + adjust;
  const gridLinesThroughDocNumber = Math.round((blockTwips + docNumberBeforeTwips + pitch) / pitch);
  return { lineTwips, beforeTwips, blockTwips, docNumberBeforeTwips, gridLinesThroughDocNumber };
}

export interface MarkGeometry extends MarkSize {
  /** Names stacked beside one shared suffix (联合行文), or one line. */
  readonly joint: boolean;
  readonly spacing: MarkSpacing;
  /** Width of the names column of a joint mark. */
  readonly namesColumnTwips: number;
  readonly suffixColumnTwips: number;
}

/**
 * Size and spacing of a mark whose top edge stands `topTwips` below the 版心's top (35 mm in the 文件
 * and 纪要 formats, 20 mm in the 命令 format).
 */
export function markGeometry(names: readonly string[], suffix: string, linesAbove: number, topTwips?: number): MarkGeometry {
  const joint = names.length > 1 && suffix !== "";
  const suffixColumnTwips = joint ? Math.round(TYPE_AREA.widthTwips * ISSUER_MARK.jointSuffixColumnShare) : 0;
  const namesColumnTwips = TYPE_AREA.widthTwips - suffixColumnTwips;
  const widest = names.reduce((a, b) => (textWidth(b, { trackingPt: 0 }) > textWidth(a, { trackingPt: 0 }) ? b : a), "");
  const size = joint ? markSize(widest, namesColumnTwips) : markSize(`${names.join("")}${suffix}`);
  return { ...size, joint, namesColumnTwips, suffixColumnTwips, spacing: markSpacing(linesAbove, size.sizePt, joint ? names.length : 1, topTwips) };
}
