import type { GongwenDocument } from "../document/document.js";
import type { Colophon } from "../document/frame.js";
import { attachmentPages } from "./attachments.js";
import { layOutBody, type BodyContext, type FlowPiece } from "./body/handlers.js";
import { ELEMENT_STYLES, OFF_GRID_STYLE_IDS } from "./element-styles.js";
import { colophon, colophonLineTotal, colophonRuleAllowanceTwips, type ColophonStyle } from "./frame/colophon.js";
import type { FontProfile } from "./fonts.js";
import { FORMATS } from "./formats/index.js";
import { GRID, LANDSCAPE, TYPE_AREA } from "./gbt9704.js";
import { closing, NATURAL_CLOSING, type ClosingAdjustment } from "./closing.js";
import { measureParagraph } from "./measure.js";
import { gridLineAt, paginate, placeColophon, type ColophonPlacement, type PageFlow, type PaginationPlan } from "./paginate.js";
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
  const build = (adjustment: ClosingAdjustment) => {
    const end = closing(context, body, document.frame, options.sealImages ?? [], adjustment);
    const main = sectionsOf([...head, ...end.body, ...end.unit, ...end.rest, ...attachments], format.firstDecoration).map(offGrid);
    return { main, unit: end.unit, flow: paginate(main) };
  };
  let built = build(NATURAL_CLOSING);
  const adjustment = closingAdjustment(built.flow, built.unit, (fewer) => closing(context, body, document.frame, options.sealImages ?? [], { fewerBlankLines: fewer, scale: 1 }).unit);
  if (adjustment) built = build(adjustment);
  const { main, flow } = built;

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

/** The most a page may end early before the closing unit: "filled to at least 20 of its 22 lines". */
const ALLOWED_HOLE_TWIPS = 2 * GRID.linePitchTwips;
/** The tightest the closing unit is set to fit below the text: lines three quarters of the grid's. */
const MIN_SCALE = 0.75;

/**
 * When the closing unit had to start a new page and left a hole of more than two lines on the page
 * before, the standard's remedy (§7.3.5.5: 调整行距、字距) rather than a hole: one blank line fewer
 * above the 署名, then, if need be, the unit's lines closer together, down to three quarters.
 */
function closingAdjustment(flow: PageFlow, unit: readonly ParagraphSpec[], unitWithFewerBlanks: (fewer: number) => ParagraphSpec[]): ClosingAdjustment | undefined {
  const first = unit[0];
  if (!first) return undefined;
  const index = flow.blocks.findIndex((block) => block.kind === "paragraph" && block.spec === first);
  const placed = flow.blocks[index];
  if (!placed || placed.kind !== "paragraph" || index === 0) return undefined;
  const start = placed.lines[0];
  if (!start || start.yTwips > 0) return undefined;
  // Where the page before ends: the lowest line or row on it.
  let used = 0;
  for (const block of flow.blocks.slice(0, index)) {
    if (block.kind === "paragraph") for (const line of block.lines) if (line.page === start.page - 1) used = Math.max(used, line.yTwips + line.heightTwips);
    if (block.kind === "table") for (const row of block.rows) if (row.page === start.page - 1) used = Math.max(used, row.yTwips + row.heightTwips);
  }
  const free = TYPE_AREA.heightTwips - used;
  if (used === 0 || free <= ALLOWED_HOLE_TWIPS) return undefined;
  const height = (specs: readonly ParagraphSpec[]) => specs.reduce((sum, spec) => sum + measureParagraph(spec, TYPE_AREA.widthTwips).heightTwips, 0);
  const fewer = height(unitWithFewerBlanks(1));
  if (fewer <= free) return { fewerBlankLines: 1, scale: 1 };
  const scale = free / fewer;
  return scale >= MIN_SCALE ? { fewerBlankLines: 1, scale: Math.floor(scale * 1000) / 1000 } : undefined;
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
