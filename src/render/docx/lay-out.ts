import type { Block, BlockOf, GongwenDocument } from "../../document/blocks.js";
import type { FontProfile } from "../../layout/fonts.js";
import { GRID } from "../../layout/gbt9704.js";
import { markGeometry, type MarkGeometry } from "../../layout/masthead.js";
import { paginate, type ColophonPlacement, type PaginationPlan } from "../../layout/paginate.js";
import { attachment, attachmentNote, heading, note, paragraph, point } from "./body.js";
import { colophon, colophonLineTotal, colophonRuleAllowanceTwips } from "./colophon.js";
import { addressees, docNumber, issuerMark, markerLine, title } from "./head.js";
import { emptyLine, gridParagraph, gridSpacing, type RenderContext } from "./primitives.js";
import { ELEMENT_STYLES } from "./element-styles.js";
import { signature } from "./signature.js";
import type { BlockSpec, ParagraphSpec, SectionSpec } from "./spec.js";

/** Blocks → GB/T 9704 paragraphs and tables, in sections, with the 版记 placed (no writer here). */

export interface DocxRenderOptions {
  readonly fonts: FontProfile;
  /** PNG bytes of an authorised seal, when the data names one. */
  readonly sealImage?: Uint8Array;
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

/** Blocks → sections of paragraph and table specs, with the 版记 placed by the pagination plan. */
export function layOutDocument(document: GongwenDocument, options: DocxRenderOptions): LaidOutDocument {
  const context: RenderContext = { fonts: options.fonts };
  const colophonBlock = document.blocks.find((block): block is BlockOf<"colophon"> => block.type === "colophon");
  const estimate = paginate(document.blocks, colophonBlock ? colophonLineTotal(colophonBlock) : 0);
  const plan = options.colophonPlacement ? { ...estimate, ...options.colophonPlacement } : estimate;

  const main: BlockSpec[] = [];
  let linesAbove = 0;
  let mark: MarkGeometry | undefined;
  document.blocks.forEach((block, index) => {
    if (block.type === "colophon") return;
    if (block.type === "issuerMark") mark = markGeometry(block.names, block.suffix, linesAbove);
    const keepWithNext = document.blocks[index + 1]?.type === "signature";
    main.push(...renderBlock(context, block, { mark, keepWithNext, sealImage: options.sealImage }));
    if (block.type === "copyNumber" || block.type === "secrecy" || block.type === "urgency") linesAbove++;
  });

  const sections = colophonBlock ? sectionsWithColophon(context, main, colophonBlock, plan) : [{ numbered: true, nextPage: false, children: main }];
  return { sections, plan };
}

/** The 版记 at the bottom of an even page: this page, the next one, or after a blank page (§7.4, §7.5). */
function sectionsWithColophon(context: RenderContext, main: BlockSpec[], block: BlockOf<"colophon">, plan: PaginationPlan): SectionSpec[] {
  const allowance = colophonRuleAllowanceTwips(block);
  if (plan.placement === "blank-then-page") {
    return [
      { numbered: true, nextPage: false, children: main },
      // The blank page holds one empty line; the 版记 page starts with a page break.
      { numbered: false, nextPage: true, children: [emptyLine(), ...filler(plan.fillerLines, true, allowance), ...colophon(context, block)] },
    ];
  }
  const breakFirst = plan.placement === "next-page";
  return [{ numbered: true, nextPage: false, children: [...main, ...filler(plan.fillerLines, breakFirst, allowance), ...colophon(context, block)] }];
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

interface BlockContext {
  /** The mark's geometry, once the mark is laid out (the 发文字号 is placed from it). */
  readonly mark?: MarkGeometry;
  readonly keepWithNext: boolean;
  readonly sealImage?: Uint8Array;
}

function renderBlock(context: RenderContext, block: Block, at: BlockContext): BlockSpec[] {
  switch (block.type) {
    case "copyNumber":
    case "secrecy":
    case "urgency":
      return [markerLine(context, block)];
    case "issuerMark":
      return at.mark ? issuerMark(context, block, at.mark) : [];
    case "docNumber":
      return [docNumber(context, block, at.mark)];
    case "title":
      return [title(context, block)];
    case "addressees":
      return [addressees(context, block)];
    case "heading":
      return [heading(context, block)];
    case "paragraph":
      return [paragraph(context, block, at.keepWithNext)];
    case "point":
      return [point(context, block, at.keepWithNext)];
    case "attachmentNote":
      return attachmentNote(context, block);
    case "signature":
      return signature(context, block, at.sealImage);
    case "note":
      return [note(context, block)];
    case "attachment":
      return attachment(context, block);
    case "colophon":
      return [];
  }
}

