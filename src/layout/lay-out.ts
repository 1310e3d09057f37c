import type { GongwenDocument } from "../document/document.js";
import type { Colophon, Frame } from "../document/frame.js";
import { attachmentPages } from "./attachments.js";
import { layOutBody, type BodyContext, type FlowPiece } from "./body/handlers.js";
import { ELEMENT_STYLES, OFF_GRID_STYLE_IDS } from "./element-styles.js";
import { attachmentNote, attendance, note } from "./frame/closing.js";
import { colophon, colophonLineTotal, colophonRuleAllowanceTwips, type ColophonStyle } from "./frame/colophon.js";
import { signature } from "./frame/signature.js";
import type { FontProfile } from "./fonts.js";
import { FORMATS } from "./formats/index.js";
import { GRID, LANDSCAPE, TYPE_AREA } from "./gbt9704.js";
import { gridLineAt, paginate, placeColophon, type ColophonPlacement, type PaginationPlan } from "./paginate.js";
import { emptyLine, gridParagraph, gridSpacing } from "./primitives.js";
import { isLandscape, type BlockSpec, type ParagraphSpec, type SectionDecoration, type SectionSpec } from "./spec.js";

/**
 * The one layout pass: document → sections of paragraph and table specs, with every GB/T 9704 number
 * resolved and the 版记 placed by paginating the specs. Writers read its result and nothing else.
 */

export interface LayoutOptions {
  readonly fonts: FontProfile;
  /** PNG bytes of authorised seals, one per 署名, when the data names them. */
  readonly sealImages?: readonly Uint8Array[];
  /**
   * Where the 版记 goes, when a real layout was measured (render --pdf) and the estimate was off:
   * it replaces the estimate's placement and number of empty lines above the 版记.
   */
  readonly colophonPlacement?: { readonly placement: ColophonPlacement; readonly fillerLines: number };
}

export interface LaidOutDocument {
  readonly sections: readonly SectionSpec[];
  /** The pagination plan that placed the 版记. */
  readonly plan: PaginationPlan;
}

export function layOutDocument(document: GongwenDocument, options: LayoutOptions): LaidOutDocument {
  const format = FORMATS[document.format];
  const context: BodyContext = { fonts: options.fonts, widthTwips: TYPE_AREA.widthTwips, landscapeWidthTwips: LANDSCAPE.widthTwips - LANDSCAPE.margin.leftTwips - LANDSCAPE.margin.rightTwips };
  const body = layOutBody(context, document.body);
  const closing = closingSpecs(document.frame, context, options.sealImages ?? []);
  if (closing.keepTextWithSignature) keepLastParagraphWithNext(body);
  const pieces: FlowPiece[] = [
    ...format.head(document.frame, context),
    ...body,
    ...closing.specs,
    ...document.attachments.flatMap((attachment) => attachmentPages(context, attachment)),
  ];
  const main = sectionsOf(pieces, format.firstDecoration).map(offGrid);

  const flow = paginate(main);
  const last = main[main.length - 1];
  // Text that ends on landscape pages leaves no room for the 版记 on them.
  const contentEnd = { page: flow.end.page, line: last && isLandscape(last) ? GRID.linesPerPage : gridLineAt(flow.end.yTwips) };
  const block = document.frame.colophon;
  if (!block) return { sections: main, plan: { contentEnd, colophonLines: 0, placement: "same-page", fillerLines: 0, totalPages: flow.pages } };

  const lines = colophonLineTotal(block, format.colophonStyle);
  const estimate: PaginationPlan = { contentEnd, colophonLines: lines, ...placeColophon(contentEnd, lines, format.colophonOnEvenPage) };
  const plan = options.colophonPlacement ? { ...estimate, ...options.colophonPlacement } : estimate;
  return { sections: sectionsWithColophon(context, main, block, format.colophonStyle, plan).map(offGrid), plan };
}

/** Paragraphs of the off-grid element styles say so themselves (element-styles.ts). */
function offGrid(section: SectionSpec): SectionSpec {
  const paragraph = (spec: ParagraphSpec): ParagraphSpec =>
    spec.style !== undefined && OFF_GRID_STYLE_IDS.includes(spec.style) && spec.snapToGrid === undefined ? { ...spec, snapToGrid: false } : spec;
  const block = (spec: BlockSpec): BlockSpec =>
    spec.kind === "paragraph"
      ? paragraph(spec)
      : { ...spec, rows: spec.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, children: cell.children.map(paragraph) })) })) };
  return { ...section, children: section.children.map(block) };
}

/** 附件说明, 纪要 attendance, the signature and the 附注 below the date, in that order. */
function closingSpecs(frame: Frame, context: BodyContext, sealImages: readonly Uint8Array[]): { specs: BlockSpec[]; keepTextWithSignature: boolean } {
  const specs: BlockSpec[] = [];
  if (frame.attachmentNote && frame.attachmentNote.length > 0) specs.push(...attachmentNote(context, frame.attachmentNote));
  if (frame.attendance && frame.attendance.length > 0) specs.push(...attendance(context, frame.attendance));
  const keepTextWithSignature = specs.length === 0 && frame.signature !== undefined;
  if (frame.signature) specs.push(...signature(context, frame.signature, sealImages));
  // The 附注 stands on the line below the date (§7.3.6): the date and each note but the last go with it.
  if (frame.notes.length > 0) keepLastParagraphWithNext(specs);
  frame.notes.forEach((text, index) => specs.push({ ...note(context, text), ...(index < frame.notes.length - 1 ? { keepNext: true } : {}) }));
  return { specs, keepTextWithSignature };
}

/** The last paragraph goes with what follows it: the text with the 署名 (§7.3.5.5), the date with the 附注. */
function keepLastParagraphWithNext(specs: FlowPiece[]): void {
  const index = specs.length - 1;
  const last = specs[index];
  if (last?.kind === "paragraph" && last.keepNext !== true) specs[index] = { ...last, keepNext: true };
}

/** Pieces into sections: landscape runs get pages (and a section) of their own. */
function sectionsOf(pieces: readonly FlowPiece[], firstDecoration: SectionDecoration): SectionSpec[] {
  const sections: SectionSpec[] = [];
  let current: BlockSpec[] = [];
  let decoration: SectionDecoration = firstDecoration;
  let nextPage = false;
  const close = () => {
    sections.push({ decoration, nextPage, children: current });
    current = [];
  };
  for (const piece of pieces) {
    if (piece.kind !== "landscape") {
      current.push(piece);
      continue;
    }
    if (current.length > 0 || sections.length === 0) close();
    sections.push({ decoration: "landscape", nextPage: true, children: [...piece.blocks] });
    decoration = "numbered";
    nextPage = true;
  }
  if (current.length > 0 || sections.length === 0) close();
  return sections;
}

/** The 版记 at the bottom of the last page: this page, the next one, or after a blank page (§7.4, §7.5). */
function sectionsWithColophon(
  context: BodyContext,
  main: readonly SectionSpec[],
  block: Colophon,
  style: ColophonStyle,
  plan: PaginationPlan,
): SectionSpec[] {
  const allowance = colophonRuleAllowanceTwips(block, style);
  const specs = colophon(context, block, style);
  if (plan.placement === "blank-then-page") {
    return [
      ...main,
      // The blank page holds one empty line; the 版记 page starts with a page break.
      { decoration: "unnumbered", nextPage: true, children: [emptyLine(), ...filler(plan.fillerLines, true, allowance), ...specs] },
    ];
  }
  const last = main[main.length - 1];
  if (!last || isLandscape(last)) {
    return [...main, { decoration: "numbered", nextPage: true, children: [...filler(plan.fillerLines, false, allowance), ...specs] }];
  }
  const breakFirst = plan.placement === "next-page";
  return [...main.slice(0, -1), { ...last, children: [...last.children, ...filler(plan.fillerLines, breakFirst, allowance), ...specs] }];
}

/** Empty grid lines that push the 版记 down so its last rule lies on the 版心's bottom edge. */
function filler(lines: number, pageBreakFirst: boolean, shortenLastTwips: number): ParagraphSpec[] {
  // The page break rides on the first empty line itself: any extra paragraph would cost height.
  return Array.from({ length: lines }, (_, index) =>
    gridParagraph({
      style: index === lines - 1 ? ELEMENT_STYLES.colophonSpacer.id : ELEMENT_STYLES.spacer.id,
      pageBreakBefore: pageBreakFirst && index === 0,
      spacing: gridSpacing(0, GRID.linePitchTwips - (index === lines - 1 ? shortenLastTwips : 0)),
      runs: [],
    }),
  );
}
