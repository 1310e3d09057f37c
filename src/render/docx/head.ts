import {
  AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType,
} from "docx";
import type { BlockOf } from "../../document/blocks.js";
import { ADDRESSEES, DOC_NUMBER, GRID, RED_RULE_EXTRA_TWIPS, TITLE, TYPE_AREA } from "../../layout/gbt9704.js";
import type { MarkGeometry } from "../../layout/masthead.js";
import { ELEMENT_STYLES } from "./element-styles.js";
import { gridParagraph, gridSpacing, RED, run, type RenderContext } from "./primitives.js";

/**
 * 版头 (§7.2) and the start of the 主体: 份号/密级/紧急程度, 发文机关标志, 发文字号 with the red rule,
 * 标题, 主送机关. Heights are chosen so that everything below the title sits on the 579-twip grid.
 */

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;

/** Lines 1–3 of the 版心: 份号 flush left, 密级 and 紧急程度 in 黑体 (§7.2.1–7.2.3). */
export function markerLine(context: RenderContext, block: BlockOf<"copyNumber" | "secrecy" | "urgency">): Paragraph {
  const role = block.type === "copyNumber" ? "fangsong" : "heiti";
  return gridParagraph({ style: ELEMENT_STYLES.marker.id, alignment: AlignmentType.LEFT, children: [run(context, block.text, { role })] });
}

export function issuerMark(context: RenderContext, block: BlockOf<"issuerMark">, geometry: MarkGeometry): (Paragraph | Table)[] {
  return geometry.joint ? jointMark(context, block, geometry) : singleMark(context, block, geometry);
}

function markRun(context: RenderContext, text: string, geometry: MarkGeometry): TextRun {
  const { sizePt, scalePercent } = geometry;
  return run(context, text, { role: "xiaobiaosong", sizePt, colour: RED, scalePercent }, { snapToGrid: false });
}

function singleMark(context: RenderContext, block: BlockOf<"issuerMark">, geometry: MarkGeometry): Paragraph[] {
  const { lineTwips, beforeTwips } = geometry.spacing;
  return [
    new Paragraph({
      style: ELEMENT_STYLES.issuerMark.id,
      alignment: AlignmentType.CENTER,
      widowControl: false,
      spacing: { line: lineTwips, lineRule: LineRuleType.EXACT, before: beforeTwips, after: 0 },
      children: [markRun(context, `${block.names.join("")}${block.suffix}`, geometry)],
    }),
  ];
}

/** 联合行文: names stacked on the left, the shared 文件 centred on them on the right (§7.2.4). */
function jointMark(context: RenderContext, block: BlockOf<"issuerMark">, geometry: MarkGeometry): (Paragraph | Table)[] {
  const { lineTwips, beforeTwips } = geometry.spacing;
  const exact = (line: number) => ({ line, lineRule: LineRuleType.EXACT, before: 0, after: 0 });
  const cellParagraph = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Paragraph({ style: ELEMENT_STYLES.issuerMark.id, alignment, spacing: exact(lineTwips), children: [markRun(context, text, geometry)] });
  const cell = (children: Paragraph[], width: number) =>
    new TableCell({
      width: { size: width, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 0, bottom: 0, left: 0, right: 0 },
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
      children,
    });
  return [
    // Table rows take no spacing-before: a spacer paragraph carries the 35 mm.
    new Paragraph({ style: ELEMENT_STYLES.issuerMark.id, spacing: exact(Math.max(20, beforeTwips)), children: [] }),
    new Table({
      layout: TableLayoutType.FIXED,
      width: { size: TYPE_AREA.widthTwips, type: WidthType.DXA },
      columnWidths: [geometry.namesColumnTwips, geometry.suffixColumnTwips],
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
      rows: [
        new TableRow({
          children: [
            cell(block.names.map((name) => cellParagraph(name, AlignmentType.DISTRIBUTE)), geometry.namesColumnTwips),
            cell([cellParagraph(block.suffix, AlignmentType.CENTER)], geometry.suffixColumnTwips),
          ],
        }),
      ],
    }),
  ];
}

/** 发文字号 two lines below the mark, centred, with the red rule 4 mm below it as its bottom border. */
export function docNumber(context: RenderContext, block: BlockOf<"docNumber">, mark: MarkGeometry | undefined): Paragraph {
  return gridParagraph({
    style: ELEMENT_STYLES.docNumber.id,
    alignment: AlignmentType.CENTER,
    spacing: gridSpacing(mark?.spacing.docNumberBeforeTwips ?? DOC_NUMBER.blankLinesAboveTwips),
    border: { bottom: { style: BorderStyle.SINGLE, size: DOC_NUMBER.redRuleEighths, color: RED, space: DOC_NUMBER.redRuleSpacePt } },
    children: [run(context, block.text)],
  });
}

/** 2号小标宋, two blank lines below the red rule (less what the rule's border added), lines broken as given. */
export function title(context: RenderContext, block: BlockOf<"title">): Paragraph {
  const children: TextRun[] = [];
  block.lines.forEach((line, index) => {
    children.push(run(context, line, { role: "xiaobiaosong", sizePt: TITLE.sizePt, scalePercent: 100 }, index > 0 ? { break: 1 } : {}));
  });
  return gridParagraph({
    style: ELEMENT_STYLES.title.id,
    alignment: AlignmentType.CENTER,
    keepNext: true,
    keepLines: true,
    spacing: gridSpacing(TITLE.blankLinesAbove * GRID.linePitchTwips - RED_RULE_EXTRA_TWIPS),
    children,
  });
}

/** 主送机关: one blank line below the title, flush left, wrapped lines flush left too. */
export function addressees(context: RenderContext, block: BlockOf<"addressees">): Paragraph {
  return gridParagraph({
    style: ELEMENT_STYLES.addressees.id,
    alignment: AlignmentType.JUSTIFIED,
    spacing: gridSpacing(ADDRESSEES.blankLinesAbove * GRID.linePitchTwips),
    children: [run(context, block.text)],
  });
}

