import {
  AlignmentType, BorderStyle, HeightRule, Paragraph, Table, TableCell, TableLayoutType, TableRow, Tab, TabStopType, TextRun, WidthType,
} from "docx";
import type { BlockOf, ColophonLine } from "../../document/blocks.js";
import { charsTwips, COLOPHON, COLOUR, GRID, setWidthOptions, TYPE_AREA } from "../../layout/gbt9704.js";
import { linesNeeded } from "../../layout/text-width.js";
import { pointsToHalfPoints, twipsToPoints } from "../../layout/units.js";
import { ELEMENT_STYLES } from "./element-styles.js";
import { fontFor, gridSpacing, run, type RenderContext } from "./primitives.js";

/**
 * 版记 (§7.4): 4号仿宋 lines between a thick first rule and a thick last rule that lies on the 版心's
 * bottom edge, thin rules between elements. The lines above the 印发 line are table rows, because a
 * paragraph border would follow the paragraph's 1-字 indents and come out short; the 印发 line is the
 * document's last paragraph, so no stray paragraph after a table can spill onto a new page.
 */

const CHAR = charsTwips(1, COLOPHON.sizePt);
const LABEL = charsTwips(COLOPHON.labelChars, COLOPHON.sizePt);
const NONE = { style: BorderStyle.NONE, size: 0, color: "auto" } as const;
const outer = { style: BorderStyle.SINGLE, size: COLOPHON.outerRuleEighths, color: COLOUR.black } as const;
const inner = { style: BorderStyle.SINGLE, size: COLOPHON.innerRuleEighths, color: COLOUR.black } as const;
/** Border widths in twips: a bottom border adds its width below the paragraph's last line. */
const OUTER_RULE_TWIPS = Math.round((COLOPHON.outerRuleEighths / 8) * 20);

/**
 * Height LibreOffice adds outside the table's exact row heights: its first (thick) rule. The empty line
 * above the 版记 gives it back, so the block still ends on the 版心's bottom edge. Measured: with 0–10
 * twips the 印发 line spills onto a new page; with 20 the last rule lies 0.46 mm above the edge.
 */
export function colophonRuleAllowanceTwips(block: BlockOf<"colophon">): number {
  return block.lines.length === 0 ? 0 : OUTER_RULE_TWIPS;
}

const TEXT_WIDTH_TWIPS = TYPE_AREA.widthTwips - 2 * CHAR;

/** Grid lines a 版记 line takes: 抄送 wraps under the text after `抄送：`. */
export function colophonLineCount(line: ColophonLine): number {
  const hanging = line.kind === "copyTo" ? COLOPHON.labelChars : 0;
  const widthPt = twipsToPoints(TEXT_WIDTH_TWIPS - (hanging > 0 ? LABEL : 0));
  // Measure with the label's width taken off every line: the first line holds the label itself.
  const text = hanging > 0 ? line.text.slice(hanging) : line.text;
  return linesNeeded(text, { ...setWidthOptions(COLOPHON.sizePt), lineWidthPt: widthPt, firstLineIndentChars: 0 });
}

/** Grid lines of the whole 版记 block, its rules included. */
export function colophonLineTotal(block: BlockOf<"colophon">): number {
  return block.lines.reduce((sum, line) => sum + colophonLineCount(line), 0) + 1;
}

function lineRow(context: RenderContext, line: ColophonLine): TableRow {
  const lines = colophonLineCount(line);
  const hanging = line.kind === "copyTo" ? LABEL : 0;
  return new TableRow({
    cantSplit: true,
    height: { value: lines * GRID.linePitchTwips, rule: HeightRule.EXACT },
    children: [
      new TableCell({
        width: { size: TYPE_AREA.widthTwips, type: WidthType.DXA },
        margins: { top: 0, bottom: 0, left: 0, right: 0 },
        children: [
          new Paragraph({
            style: ELEMENT_STYLES.copyTo.id,
            alignment: AlignmentType.JUSTIFIED,
            widowControl: false,
            spacing: gridSpacing(),
            indent: { left: CHAR + hanging, hanging, right: CHAR },
            children: [run(context, line.text, { sizePt: COLOPHON.sizePt })],
          }),
        ],
      }),
    ],
  });
}

export function colophon(context: RenderContext, block: BlockOf<"colophon">): (Table | Paragraph)[] {
  const parts: (Table | Paragraph)[] = [];
  if (block.lines.length > 0) {
    parts.push(
      new Table({
        layout: TableLayoutType.FIXED,
        width: { size: TYPE_AREA.widthTwips, type: WidthType.DXA },
        columnWidths: [TYPE_AREA.widthTwips],
        borders: { top: outer, bottom: inner, left: NONE, right: NONE, insideHorizontal: inner, insideVertical: NONE },
        rows: block.lines.map((line) => lineRow(context, line)),
      }),
    );
  }
  const printLine = new Paragraph({
    style: ELEMENT_STYLES.printer.id,
    alignment: AlignmentType.LEFT,
    widowControl: false,
    // The bottom rule's width is taken from the line so the block ends exactly on the 版心's edge.
    spacing: gridSpacing(0, GRID.linePitchTwips - OUTER_RULE_TWIPS * (block.lines.length > 0 ? 1 : 2)),
    tabStops: [
      { type: TabStopType.LEFT, position: CHAR },
      { type: TabStopType.RIGHT, position: TYPE_AREA.widthTwips - CHAR },
    ],
    border: {
      bottom: { ...outer, space: 0 },
      ...(block.lines.length > 0 ? {} : { top: { ...outer, space: 0 } }),
    },
    children: [
      new TextRun({
        font: fontFor(context, "fangsong"),
        size: pointsToHalfPoints(COLOPHON.sizePt),
        children: [new Tab(), block.printer, new Tab(), block.printDate],
      }),
    ],
  });
  parts.push(printLine);
  return parts;
}
