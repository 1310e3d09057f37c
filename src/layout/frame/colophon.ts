import type { Colophon, ColophonLine } from "../../document/frame.js";
import { ELEMENT_STYLES } from "../element-styles.js";
import { charsTwips, COLOPHON, COLOUR, GRID, setWidthOptions, TYPE_AREA } from "../gbt9704.js";
import { gridSpacing, run, type RenderContext } from "../primitives.js";
import { TAB, type BlockSpec, type BorderLine, type ParagraphSpec, type RowSpec } from "../spec.js";
import { linesNeeded } from "../text-width.js";
import { twipsToPoints } from "../units.js";

/**
 * 版记 (§7.4): 4号仿宋 lines between a thick first rule and a thick last rule that lies on the 版心's
 * bottom edge, thin rules between elements. The lines above the 印发 line are table rows, because a
 * paragraph border would follow the paragraph's 1-字 indents and come out short; the 印发 line is the
 * document's last paragraph, so no stray paragraph after a table can spill onto a new page.
 * The 信函 format's 版记 has neither rules nor 印发 line (§10.1): its lines stand plain at the foot.
 */

export type ColophonStyle = "ruled" | "plain";

const CHAR = charsTwips(1, COLOPHON.sizePt);
const LABEL = charsTwips(COLOPHON.labelChars, COLOPHON.sizePt);
const NONE: BorderLine = { style: "none", size: 0, color: "auto" };
const outer: BorderLine = { style: "single", size: COLOPHON.outerRuleEighths, color: COLOUR.black };
const inner: BorderLine = { style: "single", size: COLOPHON.innerRuleEighths, color: COLOUR.black };
/** Border widths in twips: a bottom border adds its width below the paragraph's last line. */
const OUTER_RULE_TWIPS = Math.round((COLOPHON.outerRuleEighths / 8) * 20);
const COLOPHON_END_TWIPS = 15;

/**
 * Height LibreOffice adds outside the table's exact row heights: its first (thick) rule. The empty line
 * above the 版记 gives it back, so the block still ends on the 版心's bottom edge. Measured: with 0–10
 * twips the 印发 line spills onto a new page; with 20 the last rule lies 0.46 mm above the edge.
 */
export function colophonRuleAllowanceTwips(block: Colophon, style: ColophonStyle): number {
  return style === "ruled" && block.lines.length > 0 ? OUTER_RULE_TWIPS : 0;
}

const TEXT_WIDTH_TWIPS = TYPE_AREA.widthTwips - 2 * CHAR;

/** Label of a line whose wrapped lines align after it (`抄送：`, `主送：`). */
const hangingLabel = (line: ColophonLine) => (line.kind === "copyTo" || line.kind === "addressees" ? COLOPHON.labelChars : 0);

/** Grid lines a 版记 line takes: 抄送 wraps under the text after `抄送：`. */
export function colophonLineCount(line: ColophonLine): number {
  const hanging = hangingLabel(line);
  const widthPt = twipsToPoints(TEXT_WIDTH_TWIPS - (hanging > 0 ? LABEL : 0));
  // Measure with the label's width taken off every line: the first line holds the label itself.
  const text = hanging > 0 ? line.text.slice(hanging) : line.text;
  return linesNeeded(text, { ...setWidthOptions(COLOPHON.sizePt), lineWidthPt: widthPt, firstLineIndentChars: 0 });
}

const hasPrintLine = (block: Colophon, style: ColophonStyle) => style === "ruled" && block.printer !== undefined;

/** Grid lines of the whole 版记 block, its rules included. */
export function colophonLineTotal(block: Colophon, style: ColophonStyle): number {
  return block.lines.reduce((sum, line) => sum + colophonLineCount(line), 0) + (hasPrintLine(block, style) ? 1 : 0);
}

function lineParagraph(context: RenderContext, line: ColophonLine): ParagraphSpec {
  const hanging = hangingLabel(line) > 0 ? LABEL : 0;
  return {
    kind: "paragraph",
    style: ELEMENT_STYLES.copyTo.id,
    alignment: "both",
    widowControl: false,
    spacing: gridSpacing(),
    indent: { left: CHAR + hanging, hanging, right: CHAR },
    runs: [run(context, line.text, { sizePt: COLOPHON.sizePt })],
  };
}

function lineRow(context: RenderContext, line: ColophonLine): RowSpec {
  return {
    cantSplit: true,
    heightTwips: colophonLineCount(line) * GRID.linePitchTwips,
    cells: [{ widthTwips: TYPE_AREA.widthTwips, zeroMargins: true, children: [lineParagraph(context, line)] }],
  };
}

export function colophon(context: RenderContext, block: Colophon, style: ColophonStyle): BlockSpec[] {
  if (style === "plain") return block.lines.map((line) => lineParagraph(context, line));
  const printLine = hasPrintLine(block, style);
  const parts: BlockSpec[] = [];
  if (block.lines.length > 0) {
    parts.push({
      kind: "table",
      widthTwips: TYPE_AREA.widthTwips,
      columnWidths: [TYPE_AREA.widthTwips],
      // Without a 印发 line the table's own bottom is the 版记's last (thick) rule.
      borders: { top: outer, bottom: printLine ? inner : outer, left: NONE, right: NONE, insideHorizontal: inner, insideVertical: NONE },
      rows: block.lines.map((line) => lineRow(context, line)),
    });
  }
  if (!printLine) {
    // A document must end in a paragraph (Word adds one after a closing table): a sliver that fits in
    // the 18 twips the 22 grid lines leave of the 版心, so it never carries over to a new page.
    if (block.lines.length > 0) parts.push({ kind: "paragraph", style: ELEMENT_STYLES.colophonEnd.id, widowControl: false, spacing: gridSpacing(0, COLOPHON_END_TWIPS), runs: [] });
    return parts;
  }
  parts.push({
    kind: "paragraph",
    style: ELEMENT_STYLES.printer.id,
    alignment: "left",
    widowControl: false,
    // The bottom rule's width is taken from the line so the block ends exactly on the 版心's edge.
    spacing: gridSpacing(0, GRID.linePitchTwips - OUTER_RULE_TWIPS * (block.lines.length > 0 ? 1 : 2)),
    tabStops: [
      { type: "left", position: CHAR },
      { type: "right", position: TYPE_AREA.widthTwips - CHAR },
    ],
    border: {
      bottom: { ...outer, space: 0 },
      ...(block.lines.length > 0 ? {} : { top: { ...outer, space: 0 } }),
    },
    runs: [run(context, [TAB, block.printer ?? "", TAB, block.printDate ?? ""], { sizePt: COLOPHON.sizePt })],
  });
  return parts;
}
