import type { GongwenDocument } from "../document/document.js";
import type { Colophon } from "../document/frame.js";
import { attachmentPages } from "./attachments.js";
import { layOutBody, type BodyContext, type FlowPiece } from "./body/handlers.js";
import { ELEMENT_STYLES, OFF_GRID_STYLE_IDS } from "./element-styles.js";
import { colophon, colophonLineTotal, colophonRuleAllowanceTwips, type ColophonStyle } from "./frame/colophon.js";
import type { FontProfile } from "./fonts.js";
import { FORMATS } from "./formats/index.js";
import { GRID, LANDSCAPE, TYPE_AREA } from "./gbt9704.js";
import { closing, NATURAL_CLOSING } from "./closing.js";
import { applyTightening, fillClosing, fitClosing, unitHeightTwips, type ClosingFit, type FitAttempt } from "./fit-closing.js";
import { gridLineAt, paginate, placeColophon, type ColophonPlacement, type MeasureCache, type PaginationPlan } from "./paginate.js";
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
  const head = format.head(document.frame, context);
  const body = layOutBody(context, document.body);
  const attachments = document.attachments.flatMap((attachment) => attachmentPages(context, attachment));
  const closingOf = (fit: ClosingFit) => closing(context, tightenedBody(body, fit), document.frame, options.sealImages ?? [], fit.closing);
  // The fit steps lay the document out once per candidate and return the candidate that worked:
  // remembering each candidate's layout spares laying out the chosen one a second time (the fill step
  // added about 0.4 ms to every sample render before this).
  const builds = new Map<ClosingFit, BuiltLayout>();
  // The candidates share all but a few paragraphs: each is measured once (and its off-grid copy made once).
  const measures: MeasureCache = new Map();
  const offGridCopies = new Map<ParagraphSpec, ParagraphSpec>();
  const build = (fit: ClosingFit): BuiltLayout => {
    const known = builds.get(fit);
    if (known) return known;
    const end = closingOf(fit);
    const main = sectionsOf([...head, ...end.body, ...end.unit, ...end.rest, ...attachments], format.firstDecoration).map((section) => offGrid(section, offGridCopies));
    const attempt = { main, unit: end.unit, body: end.body, flow: paginate(main, measures) };
    builds.set(fit, attempt);
    return attempt;
  };
  const natural: ClosingFit = { closing: NATURAL_CLOSING, tightened: new Map(), page: 0 };
  let built = build(natural);
  // A hole is closed by tightening; a page left only a line or two short is filled by widening.
  const fit = fitClosing(built, build, (candidate) => unitHeightTwips(closingOf(candidate).unit)) ?? fillClosing(built, body, build);
  if (fit) built = build(fit);
  const { main, flow } = built;
  const tightenedPage = fit && fit.tightened.size > 0 ? fit.page : undefined;
  const filledPages = fit?.widenedPages;

  const last = main[main.length - 1];
  // Text that ends on landscape pages leaves no room for the 版记 on them.
  const contentEnd = { page: flow.end.page, line: last && isLandscape(last) ? GRID.linesPerPage : gridLineAt(flow.end.yTwips) };
  const block = document.frame.colophon;
  if (!block) return { sections: main, plan: { contentEnd, colophonLines: 0, placement: "same-page", fillerLines: 0, totalPages: flow.pages, tightenedPage, filledPages } };

  const lines = colophonLineTotal(block, format.colophonStyle);
  const estimate: PaginationPlan = { contentEnd, colophonLines: lines, ...placeColophon(contentEnd, lines, format.colophonOnEvenPage), tightenedPage, filledPages };
  const plan = options.colophonPlacement ? { ...estimate, ...options.colophonPlacement } : estimate;
  return { sections: sectionsWithColophon(context, main, block, format.colophonStyle, plan).map((section) => offGrid(section, offGridCopies)), plan };
}

/** One layout of the document with a given closing fit. */
interface BuiltLayout extends FitAttempt {
  readonly main: SectionSpec[];
}

const isBlock = (piece: FlowPiece): piece is BlockSpec => piece.kind !== "landscape";

/** The body with the fit's narrowed or widened paragraphs (landscape runs untouched). */
function tightenedBody(body: readonly FlowPiece[], fit: ClosingFit): FlowPiece[] {
  const scales = new Map([...fit.tightened, ...(fit.widened ?? [])]);
  if (scales.size === 0) return [...body];
  return body.map((piece) => (isBlock(piece) ? applyTightening([piece], scales)[0]! : piece));
}

/** Paragraphs of the off-grid element styles say so themselves (element-styles.ts); `copies` keeps each one's copy. */
function offGrid(section: SectionSpec, copies: Map<ParagraphSpec, ParagraphSpec>): SectionSpec {
  const paragraph = (spec: ParagraphSpec): ParagraphSpec => {
    if (spec.style === undefined || !OFF_GRID_STYLE_IDS.includes(spec.style) || spec.snapToGrid !== undefined) return spec;
    let copy = copies.get(spec);
    if (!copy) copies.set(spec, (copy = { ...spec, snapToGrid: false }));
    return copy;
  };
  const block = (spec: BlockSpec): BlockSpec =>
    spec.kind === "paragraph"
      ? paragraph(spec)
      : { ...spec, rows: spec.rows.map((row) => ({ ...row, cells: row.cells.map((cell) => ({ ...cell, children: cell.children.map(paragraph) })) })) };
  return { ...section, children: section.children.map(block) };
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
