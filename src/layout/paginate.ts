import type { Block, BlockOf } from "../document/blocks.js";
import { ATTACHMENT, ATTACHMENT_NOTE, charsTwips, COLOPHON, GRID, setWidthOptions, SIGNATURE, TITLE, TYPE_AREA } from "./gbt9704.js";
import { markGeometry } from "./masthead.js";
import { linesNeeded, type LineOptions } from "./text-width.js";
import { twipsToPoints } from "./units.js";

/**
 * Where the pages break, estimated on the fixed grid (22 lines of 28 字): every paragraph is laid out
 * line by line with the same rules Word and LibreOffice apply (CJK line filling, kinsoku, keep-with-next).
 * The estimate decides where the 版记 goes; the PDF check (render --pdf) verifies it on a real layout.
 */

export type ColophonPlacement =
  /** The 版记 fits below the text on an even last page. */
  | "same-page"
  /** The text ends on an odd page: the 版记 goes to the bottom of the next (even) page. */
  | "next-page"
  /** The text fills an even page: a blank page, then the 版记 page; neither is numbered (§7.5). */
  | "blank-then-page";

export interface PaginationPlan {
  /** Page and line (1-based) where the last text line before the 版记 stands. */
  readonly contentEnd: { readonly page: number; readonly line: number };
  readonly colophonLines: number;
  readonly placement: ColophonPlacement;
  /** Empty grid lines between the text (or the page top) and the 版记's first rule. */
  readonly fillerLines: number;
  readonly totalPages: number;
}

const PAGE_LINES = GRID.linesPerPage;
const BODY_LINE: LineOptions = { ...setWidthOptions(), firstLineIndentChars: 2 };
const FLUSH_LINE: LineOptions = { ...setWidthOptions(), firstLineIndentChars: 0 };

interface Cursor {
  page: number;
  /** Lines already used on the page. */
  used: number;
}

function advance(cursor: Cursor, lines: number): void {
  cursor.used += lines;
  while (cursor.used > PAGE_LINES) {
    cursor.page++;
    cursor.used -= PAGE_LINES;
  }
}

function newPage(cursor: Cursor): void {
  if (cursor.used > 0) {
    cursor.page++;
    cursor.used = 0;
  }
}

/** Grid lines each head block takes; the mark block is computed like the renderer lays it out. */
function headLines(block: Block, linesAbove: number): number {
  switch (block.type) {
    case "issuerMark":
      // The mark's geometry decides the lines through the 发文字号 as well.
      return markGeometry(block.names, block.suffix, linesAbove).spacing.gridLinesThroughDocNumber - linesAbove;
    case "docNumber":
      return 0;
    case "title":
      return TITLE.blankLinesAbove + block.lines.length;
    case "addressees":
      return 1 + linesNeeded(block.text, FLUSH_LINE);
    default:
      return 1;
  }
}

function bodyLines(block: Block): number {
  switch (block.type) {
    case "paragraph":
    case "note":
      return linesNeeded(block.text, BODY_LINE);
    case "heading":
      return linesNeeded(`${block.number}${block.text}`, BODY_LINE);
    case "point":
      return linesNeeded(`${block.number}${block.title}${block.text}`, BODY_LINE);
    case "attachmentNote":
      return ATTACHMENT_NOTE.blankLinesAbove + attachmentNoteLines(block);
    default:
      return 1;
  }
}

function attachmentNoteLines(block: BlockOf<"attachmentNote">): number {
  const widthPt = twipsToPoints(TYPE_AREA.widthTwips - charsTwips(ATTACHMENT_NOTE.leftIndentChars + ATTACHMENT_NOTE.labelChars));
  return block.items.reduce((sum, item) => sum + linesNeeded(item, { ...FLUSH_LINE, lineWidthPt: widthPt }), 0);
}

function signatureLines(block: BlockOf<"signature">): number {
  const blanks = block.seal === "none" ? SIGNATURE.unsealedBlankLinesAbove : SIGNATURE.sealedBlankLinesAbove;
  return blanks + block.names.length + 1;
}

function attachmentLines(block: BlockOf<"attachment">): number {
  const titleLines = linesNeeded(block.title, { fontSizePt: ATTACHMENT.titleSizePt, trackingPt: 0, firstLineIndentChars: 0 });
  const paragraphs = block.paragraphs.reduce((sum, text) => sum + linesNeeded(text, BODY_LINE), 0);
  return 1 + ATTACHMENT.blankLinesBeforeTitle + titleLines + (block.paragraphs.length > 0 ? 1 + paragraphs : 0);
}

/** Estimates the pages and chooses where the 版记 goes (§7.4.1 last page; printed two-sided, so even). */
export function paginate(blocks: readonly Block[], colophonLines: number): PaginationPlan {
  const cursor: Cursor = { page: 1, used: 0 };
  /** Lines of the body paragraph just laid out (0 after head blocks), which keep-with-next may move. */
  let previousBodyLines = 0;
  for (const [index, block] of blocks.entries()) {
    if (block.type === "colophon") continue;
    if (block.type === "attachment") {
      newPage(cursor);
      advance(cursor, attachmentLines(block));
      continue;
    }
    if (block.type === "signature") {
      // Kept with the paragraph before it (§7.3.5.5). When the block does not fit, LibreOffice moves that
      // whole paragraph to the next page with it (measured), not only its last line.
      const lines = signatureLines(block);
      if (cursor.used + lines > PAGE_LINES) {
        const moved = previousBodyLines < PAGE_LINES ? previousBodyLines : 1;
        cursor.page++;
        cursor.used = moved + lines;
      } else advance(cursor, lines);
      continue;
    }
    const isHead = ["copyNumber", "secrecy", "urgency", "issuerMark", "docNumber", "title", "addressees"].includes(block.type);
    const lines = isHead ? headLines(block, cursor.used) : bodyLines(block);
    if (block.type === "heading" && cursor.used + lines >= PAGE_LINES && blocks[index + 1]) {
      // keepNext: a heading that would end a page goes to the next one with its paragraph.
      newPage(cursor);
    }
    advance(cursor, lines);
    previousBodyLines = isHead ? 0 : lines;
  }

  const contentEnd = { page: cursor.page, line: cursor.used };
  const hasColophon = blocks.some((block) => block.type === "colophon");
  if (!hasColophon) return { contentEnd, colophonLines: 0, placement: "same-page", fillerLines: 0, totalPages: cursor.page };
  return { contentEnd, colophonLines, ...placeColophon(contentEnd, colophonLines) };
}

/**
 * Where the 版记 goes once the text's end is known (estimated, or measured on a real layout): at the foot
 * of the last page, which must be even (printed two-sided, the 版记 is on the back cover).
 */
export function placeColophon(
  contentEnd: { readonly page: number; readonly line: number },
  colophonLines: number,
): Pick<PaginationPlan, "placement" | "fillerLines" | "totalPages"> {
  const room = PAGE_LINES - contentEnd.line - COLOPHON.minimumGapLines;
  const evenPage = contentEnd.page % 2 === 0;
  if (evenPage && room >= colophonLines) {
    return { placement: "same-page", fillerLines: PAGE_LINES - contentEnd.line - colophonLines, totalPages: contentEnd.page };
  }
  const filler = Math.max(0, PAGE_LINES - colophonLines);
  if (!evenPage) return { placement: "next-page", fillerLines: filler, totalPages: contentEnd.page + 1 };
  return { placement: "blank-then-page", fillerLines: filler, totalPages: contentEnd.page + 2 };
}
