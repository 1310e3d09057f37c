import type { BlockOf } from "../../document/blocks.js";
import { ADDRESSEES, DOC_NUMBER, GRID, RED_RULE_EXTRA_TWIPS, TITLE, TYPE_AREA } from "../../layout/gbt9704.js";
import type { MarkGeometry } from "../../layout/masthead.js";
import { ELEMENT_STYLES } from "./element-styles.js";
import { gridParagraph, gridSpacing, RED, run, type RenderContext } from "./primitives.js";
import type { Alignment, BlockSpec, BorderLine, CellSpec, ParagraphSpec, TextRunSpec } from "./spec.js";

/**
 * 版头 (§7.2) and the start of the 主体: 份号/密级/紧急程度, 发文机关标志, 发文字号 with the red rule,
 * 标题, 主送机关. Heights are chosen so that everything below the title sits on the 579-twip grid.
 */

const NO_BORDER: BorderLine = { style: "none", size: 0, color: "auto" };

/** Lines 1–3 of the 版心: 份号 flush left, 密级 and 紧急程度 in 黑体 (§7.2.1–7.2.3). */
export function markerLine(context: RenderContext, block: BlockOf<"copyNumber" | "secrecy" | "urgency">): ParagraphSpec {
  const role = block.type === "copyNumber" ? "fangsong" : "heiti";
  return gridParagraph({ style: ELEMENT_STYLES.marker.id, alignment: "left", runs: [run(context, block.text, { role })] });
}

export function issuerMark(context: RenderContext, block: BlockOf<"issuerMark">, geometry: MarkGeometry): BlockSpec[] {
  return geometry.joint ? jointMark(context, block, geometry) : singleMark(context, block, geometry);
}

function markRun(context: RenderContext, text: string, geometry: MarkGeometry): TextRunSpec {
  const { sizePt, scalePercent } = geometry;
  return run(context, text, { role: "xiaobiaosong", sizePt, colour: RED, scalePercent, offGrid: true });
}

function singleMark(context: RenderContext, block: BlockOf<"issuerMark">, geometry: MarkGeometry): ParagraphSpec[] {
  const { lineTwips, beforeTwips } = geometry.spacing;
  return [
    {
      kind: "paragraph",
      style: ELEMENT_STYLES.issuerMark.id,
      alignment: "center",
      widowControl: false,
      spacing: { line: lineTwips, before: beforeTwips, after: 0 },
      runs: [markRun(context, `${block.names.join("")}${block.suffix}`, geometry)],
    },
  ];
}

/** 联合行文: names stacked on the left, the shared 文件 centred on them on the right (§7.2.4). */
function jointMark(context: RenderContext, block: BlockOf<"issuerMark">, geometry: MarkGeometry): BlockSpec[] {
  const { lineTwips, beforeTwips } = geometry.spacing;
  const exact = (line: number) => ({ line, before: 0, after: 0 });
  const cellParagraph = (text: string, alignment: Alignment): ParagraphSpec =>
    ({ kind: "paragraph", style: ELEMENT_STYLES.issuerMark.id, alignment, spacing: exact(lineTwips), runs: [markRun(context, text, geometry)] });
  const cell = (children: ParagraphSpec[], widthTwips: number): CellSpec => ({
    widthTwips,
    verticalAlign: "center",
    zeroMargins: true,
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    children,
  });
  return [
    // Table rows take no spacing-before: a spacer paragraph carries the 35 mm.
    { kind: "paragraph", style: ELEMENT_STYLES.issuerMark.id, spacing: exact(Math.max(20, beforeTwips)), runs: [] },
    {
      kind: "table",
      widthTwips: TYPE_AREA.widthTwips,
      columnWidths: [geometry.namesColumnTwips, geometry.suffixColumnTwips],
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
      rows: [
        {
          cells: [
            cell(block.names.map((name) => cellParagraph(name, "distribute")), geometry.namesColumnTwips),
            cell([cellParagraph(block.suffix, "center")], geometry.suffixColumnTwips),
          ],
        },
      ],
    },
  ];
}

/** 发文字号 two lines below the mark, centred, with the red rule 4 mm below it as its bottom border. */
export function docNumber(context: RenderContext, block: BlockOf<"docNumber">, mark: MarkGeometry | undefined): ParagraphSpec {
  return gridParagraph({
    style: ELEMENT_STYLES.docNumber.id,
    alignment: "center",
    spacing: gridSpacing(mark?.spacing.docNumberBeforeTwips ?? DOC_NUMBER.blankLinesAboveTwips),
    border: { bottom: { style: "single", size: DOC_NUMBER.redRuleEighths, color: RED, space: DOC_NUMBER.redRuleSpacePt } },
    runs: [run(context, block.text)],
  });
}

/** 2号小标宋, two blank lines below the red rule (less what the rule's border added), lines broken as given. */
export function title(context: RenderContext, block: BlockOf<"title">): ParagraphSpec {
  return gridParagraph({
    style: ELEMENT_STYLES.title.id,
    alignment: "center",
    keepNext: true,
    keepLines: true,
    spacing: gridSpacing(TITLE.blankLinesAbove * GRID.linePitchTwips - RED_RULE_EXTRA_TWIPS),
    runs: block.lines.map((line, index) => run(context, line, { role: "xiaobiaosong", sizePt: TITLE.sizePt, scalePercent: 100, breakBefore: index > 0 })),
  });
}

/** 主送机关: one blank line below the title, flush left, wrapped lines flush left too. */
export function addressees(context: RenderContext, block: BlockOf<"addressees">): ParagraphSpec {
  return gridParagraph({
    style: ELEMENT_STYLES.addressees.id,
    alignment: "both",
    spacing: gridSpacing(ADDRESSEES.blankLinesAbove * GRID.linePitchTwips),
    runs: [run(context, block.text)],
  });
}
