import type { Frame } from "../document/frame.js";
import type { BodyContext, FlowPiece } from "./body/handlers.js";
import { ELEMENT_STYLES } from "./element-styles.js";
import { attachmentNote, attendance, note } from "./frame/closing.js";
import { signature } from "./frame/signature.js";
import { TYPE_AREA } from "./gbt9704.js";
import { breakParagraph } from "./measure.js";
import type { ParagraphSpec, RunSpec, TextRunSpec } from "./spec.js";

/**
 * The end of the 主体 as one unit that never breaks across a page: the last two lines of the 正文, the
 * 附件说明, 纪要 attendance, the 署名 and 成文日期, the 附注 (§7.3.5.5: the 署名 never stands on a page
 * without 正文). Constructs that Word, WPS and LibreOffice treat alike:
 * - the text's last paragraph is split where its last two lines begin, and those two lines are a
 *   paragraph of their own with keep-lines-together: Word keeps "at least part" of a keep-with-next
 *   paragraph on the page of the next one (ISO/IEC 29500-1 §17.3.1.15) while LibreOffice moves it whole
 *   (measured), but both move a two-line keep-lines paragraph whole, and nothing else is kept;
 * - every paragraph of the unit but the last is kept with the next, each one line or kept together.
 * So the unit moves to a new page as a block in every editor, taking two lines of text with it and
 * leaving the rest of the paragraph to fill the page before.
 */

/** How the unit is set: as laid out, or squeezed to fit below the text (§7.3.5.5 调整行距). */
export interface ClosingAdjustment {
  /** Blank lines taken off above the 署名. */
  readonly fewerBlankLines: number;
  /** Share of its line heights the unit is set in (1: on the grid). */
  readonly scale: number;
  /**
   * Body pieces from this index on (those that start on the page before the unit) are set at the same
   * scale, so the squeeze is spread over the page rather than crammed into the unit.
   */
  readonly compressFrom?: number;
  /**
   * A paragraph that runs onto that page from the one before is cut where the page begins (after its
   * first `lines` lines), so the part on the page can be set closer with the rest.
   */
  readonly splitAt?: { readonly index: number; readonly lines: number };
}

export const NATURAL_CLOSING: ClosingAdjustment = { fewerBlankLines: 0, scale: 1 };

export interface Closing {
  /** The body, its last paragraph(s) split where the unit begins. */
  readonly body: FlowPiece[];
  /** The unit, empty when the document has no signature. */
  readonly unit: ParagraphSpec[];
  /** The closing paragraphs when there is no unit (a 纪要 without 署名). */
  readonly rest: ParagraphSpec[];
}

function textRuns(spec: ParagraphSpec): readonly TextRunSpec[] {
  return spec.runs.filter((run): run is TextRunSpec => run.kind === "text");
}

/** A body paragraph whose lines may be split: text in runs, not a heading kept with its text. */
export function splittable(piece: FlowPiece | undefined): piece is ParagraphSpec {
  return piece?.kind === "paragraph" && piece.keepNext !== true && piece.style !== ELEMENT_STYLES.tableSpacer.id && textRuns(piece).some((run) => run.content.some((c) => typeof c === "string" && c !== ""));
}

/** Runs split at a character offset of their text. */
function splitRuns(runs: readonly RunSpec[], offset: number): [RunSpec[], RunSpec[]] {
  const before: RunSpec[] = [];
  const after: RunSpec[] = [];
  let at = 0;
  for (const run of runs) {
    if (run.kind !== "text") {
      (at < offset ? before : after).push(run);
      continue;
    }
    const text = run.content.map((piece) => (typeof piece === "string" ? piece : "\t")).join("");
    const end = at + text.length;
    if (end <= offset) before.push(run);
    else if (at >= offset) after.push(run);
    else {
      const cut = offset - at;
      before.push({ ...run, content: [text.slice(0, cut)] });
      after.push({ ...run, content: [text.slice(cut)], breakBefore: false });
    }
    at = end;
  }
  return [before, after];
}

/** A paragraph cut after its first `lines` lines: the continuation has no first-line indent and says it continues. */
function splitAtLine(spec: ParagraphSpec, lineTexts: readonly string[], lines: number): [ParagraphSpec, ParagraphSpec] {
  const offset = lineTexts.slice(0, lines).reduce((sum, line) => sum + line.length, 0);
  const [first, rest] = splitRuns(spec.runs, offset);
  return [
    { ...spec, keepNext: false, runs: first },
    { ...spec, style: ELEMENT_STYLES.bodyContinued.id, indent: { ...spec.indent, firstLine: 0 }, runs: rest },
  ];
}

/** The last two lines of the 正文 as kept paragraphs, and the body before them. */
function textTail(body: readonly FlowPiece[]): { body: FlowPiece[]; tail: ParagraphSpec[] } {
  const last = body[body.length - 1];
  if (!splittable(last)) return { body: [...body], tail: [] };
  const lines = breakParagraph(last, TYPE_AREA.widthTwips);
  if (lines.length >= 3) {
    const [first, rest] = splitAtLine(last, lines, lines.length - 2);
    return { body: [...body.slice(0, -1), first], tail: [rest] };
  }
  if (lines.length === 2) return { body: body.slice(0, -1), tail: [last] };
  // One line: the paragraph before gives its last line too, so two lines of text go with the 署名.
  const before = body[body.length - 2];
  if (splittable(before)) {
    const beforeLines = breakParagraph(before, TYPE_AREA.widthTwips);
    if (beforeLines.length >= 2) {
      const [first, rest] = splitAtLine(before, beforeLines, beforeLines.length - 1);
      return { body: [...body.slice(0, -2), first], tail: [rest, last] };
    }
    return { body: body.slice(0, -2), tail: [before, last] };
  }
  return { body: body.slice(0, -1), tail: [last] };
}

export function scaled(spec: ParagraphSpec, scale: number): ParagraphSpec {
  if (scale === 1 || !spec.spacing) return spec;
  return {
    ...spec,
    // Off the grid: LibreOffice would otherwise snap each shortened line back to the grid's pitch.
    snapToGrid: false,
    spacing: { before: Math.floor(spec.spacing.before * scale), after: Math.floor(spec.spacing.after * scale), line: Math.floor(spec.spacing.line * scale) },
    runs: spec.runs.map((run) => (run.kind === "image" ? { ...run, offsetFromParagraphEmu: Math.round(run.offsetFromParagraphEmu * scale) } : run)),
  };
}

function splitAtPage(body: readonly FlowPiece[], at: ClosingAdjustment["splitAt"]): readonly FlowPiece[] {
  const piece = at && body[at.index];
  if (!at || !splittable(piece)) return body;
  const [first, rest] = splitAtLine(piece, breakParagraph(piece, TYPE_AREA.widthTwips), at.lines);
  return [...body.slice(0, at.index), first, rest, ...body.slice(at.index + 1)];
}

/** 附件说明, 纪要 attendance, the signature and the 附注 below the date, in that order. */
function closingParagraphs(frame: Frame, context: BodyContext, sealImages: readonly Uint8Array[], fewerBlankLines: number): ParagraphSpec[] {
  const specs: ParagraphSpec[] = [];
  if (frame.attachmentNote && frame.attachmentNote.length > 0) specs.push(...attachmentNote(context, frame.attachmentNote));
  if (frame.attendance && frame.attendance.length > 0) specs.push(...attendance(context, frame.attendance));
  if (frame.signature) specs.push(...signature(context, frame.signature, sealImages, fewerBlankLines));
  for (const text of frame.notes) specs.push(note(context, text));
  return specs;
}

export function closing(context: BodyContext, body: readonly FlowPiece[], frame: Frame, sealImages: readonly Uint8Array[], adjustment: ClosingAdjustment): Closing {
  const paragraphs = closingParagraphs(frame, context, sealImages, adjustment.fewerBlankLines);
  if (!frame.signature) return { body: [...body], unit: [], rest: paragraphs };
  const { body: split, tail } = textTail(splitAtPage(body, adjustment.splitAt));
  // textTail keeps indices: split[i] is body[i] or the part of it that stays above the unit.
  const from = adjustment.compressFrom;
  const before = from === undefined ? split : split.map((piece, index) => (index >= from && piece.kind === "paragraph" ? scaled(piece, adjustment.scale) : piece));
  const unit = [...tail, ...paragraphs].map((spec, index, all) => {
    const kept: ParagraphSpec = { ...spec, ...(index < all.length - 1 ? { keepNext: true } : {}) };
    const multiLine = breakParagraph(spec, TYPE_AREA.widthTwips).length > 1;
    return scaled(multiLine ? { ...kept, keepLines: true } : kept, adjustment.scale);
  });
  return { body: before, unit, rest: [] };
}
