import type { BodyNodeOf, CellAlign, TableCell } from "../../document/body.js";
import { inlineText } from "../../document/inline.js";
import { ELEMENT_STYLES } from "../element-styles.js";
import { COLOUR, GRID, TABLE } from "../gbt9704.js";
import { gridParagraph, gridSpacing, run, type RenderContext } from "../primitives.js";
import type { Alignment, BlockSpec, BorderLine, CellSpec, ParagraphSpec, RowSpec, TableSpec } from "../spec.js";
import { breakParagraph } from "../measure.js";
import { breakLines, textWidth } from "../text-width.js";
import { pointsToTwips } from "../units.js";
import { spanRuns } from "./paragraphs.js";

/**
 * Tables in the body or an attachment: the 版心's width, columns sized to their content (or as the data
 * says), written with both `w:tblW` and every `w:gridCol` and `w:tcW` in twips with a fixed layout, which
 * Word, WPS and LibreOffice all honour alike. Numbers and reasons: gbt9704.ts TABLE.
 */

const outer: BorderLine = { style: "single", size: TABLE.outerRuleEighths, color: COLOUR.black };
const inner: BorderLine = { style: "single", size: TABLE.innerRuleEighths, color: COLOUR.black };
const OUTER_RULE_TWIPS = Math.round((TABLE.outerRuleEighths / 8) * 20);

const ALIGNMENT: Record<CellAlign, Alignment> = { left: "both", center: "center", right: "right" };

function setSizePt(node: BodyNodeOf<"table">): number {
  return (TABLE.textSizes[node.textSize] * GRID.characterScalePercent) / 100;
}

const cellText = (cell: TableCell) => cell.paragraphs.map(inlineText).join("\n");

/** The widest unbreakable piece and the whole line of each cell: a column's least and natural width. */
function columnBounds(node: BodyNodeOf<"table">, sizePt: number): { min: number[]; max: number[] } {
  const margins = 2 * TABLE.cellSideMarginTwips;
  const floor = pointsToTwips(TABLE.minColumnChars * sizePt) + margins;
  const min = node.columns.map(() => floor);
  const max = node.columns.map(() => floor);
  for (const row of [...node.header, ...node.rows]) {
    row.forEach((cell, column) => {
      if (column >= node.columns.length) return;
      for (const line of cellText(cell).split("\n")) {
        const natural = pointsToTwips(textWidth(line, { fontSizePt: sizePt, trackingPt: 0 })) + margins;
        // The narrowest a line can be broken: its widest piece when broken one character a line.
        const pieces = breakLines(line, { fontSizePt: sizePt, trackingPt: 0, lineWidthPt: sizePt });
        const widest = Math.max(0, ...pieces.map((piece) => pointsToTwips(textWidth(piece, { fontSizePt: sizePt, trackingPt: 0 })))) + margins;
        min[column] = Math.max(min[column]!, widest);
        max[column] = Math.max(max[column]!, natural);
      }
    });
  }
  return { min, max };
}

/**
 * Column widths in twips summing to `widthTwips`: the data's relative widths, or sized to the content —
 * every column its natural width when they fit (then widened alike); otherwise the widest columns are
 * narrowed first, down to a common width, so short columns (序号, 等次, dates) never wrap.
 */
export function columnWidths(node: BodyNodeOf<"table">, widthTwips: number): number[] {
  const given = node.columns.map((column) => column.width);
  let raw: number[];
  if (given.every((width) => width !== undefined && width > 0)) raw = given as number[];
  else {
    const { min, max } = columnBounds(node, setSizePt(node));
    const sumMin = min.reduce((a, b) => a + b, 0);
    const sumMax = max.reduce((a, b) => a + b, 0);
    if (sumMax <= widthTwips || sumMin >= widthTwips) raw = sumMax <= widthTwips ? max : min;
    else {
      // The cap at which the columns, each between its least and natural width, fill the table.
      const at = (cap: number) => min.reduce((sum, least, i) => sum + Math.max(least, Math.min(max[i]!, cap)), 0);
      let low = 0;
      let high = Math.max(...max);
      for (let step = 0; step < 40; step++) {
        const middle = (low + high) / 2;
        if (at(middle) > widthTwips) high = middle;
        else low = middle;
      }
      raw = min.map((least, i) => Math.max(least, Math.min(max[i]!, low)));
    }
  }
  const total = raw.reduce((a, b) => a + b, 0);
  const widths = raw.map((width) => Math.floor((width / total) * widthTwips));
  widths[widths.length - 1]! += widthTwips - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function cellParagraphs(context: RenderContext, cell: TableCell, header: boolean, align: Alignment, sizePt: number): ParagraphSpec[] {
  const paragraphs = cell.paragraphs.length > 0 ? cell.paragraphs : [[]];
  return paragraphs.map((content) =>
    gridParagraph({
      style: header ? ELEMENT_STYLES.tableHeader.id : ELEMENT_STYLES.tableCell.id,
      alignment: header ? "center" : align,
      runs: spanRuns(context, content.length > 0 ? content : [{ text: "" }], header ? "heiti" : "fangsong").map((textRun) => ({
        ...textRun,
        sizeHalfPoints: sizePt * 2,
      })),
    }),
  );
}

/**
 * Grid lines a row needs: its tallest cell's lines, measured a little narrower than the cell (a quarter
 * character) so a face with slightly wider glyphs than the measuring model still fits. Rows get that
 * height exactly: an "at least" row grows by its rule's width in LibreOffice (measured: 0.18 mm a row)
 * and leaves the grid.
 */
function rowLines(cells: readonly CellSpec[], sizePt: number): number {
  const safety = pointsToTwips(sizePt / 4);
  let lines = 1;
  for (const cell of cells) {
    const width = cell.widthTwips - 2 * (cell.sideMarginTwips ?? 0) - safety;
    lines = Math.max(lines, cell.children.reduce((sum, paragraph) => sum + breakParagraph(paragraph, width).length, 0));
  }
  return lines;
}

export function table(context: RenderContext, node: BodyNodeOf<"table">, widthTwips: number): BlockSpec[] {
  const sizePt = TABLE.textSizes[node.textSize];
  const widths = columnWidths(node, widthTwips);
  const row = (cells: readonly TableCell[], header: boolean): RowSpec => {
    const specs = widths.map((width, column): CellSpec => ({
      widthTwips: width,
      sideMarginTwips: TABLE.cellSideMarginTwips,
      verticalAlign: "center",
      children: cellParagraphs(context, cells[column] ?? { paragraphs: [] }, header, ALIGNMENT[node.columns[column]?.align ?? "left"], sizePt),
    }));
    return {
      cantSplit: true,
      ...(header ? { header: true } : {}),
      heightTwips: rowLines(specs, sizePt * (GRID.characterScalePercent / 100)) * GRID.linePitchTwips,
      heightRule: "exact",
      cells: specs,
    };
  };
  const spec: TableSpec = {
    kind: "table",
    widthTwips,
    columnWidths: widths,
    borders: { top: outer, bottom: outer, left: outer, right: outer, insideHorizontal: inner, insideVertical: inner },
    rows: [...node.header.map((cells) => row(cells, true)), ...node.rows.map((cells) => row(cells, false))],
    ...(node.source ? { source: node.source } : {}),
  };
  const title: ParagraphSpec[] = node.title
    ? [gridParagraph({ style: ELEMENT_STYLES.tableTitle.id, alignment: "center", keepNext: true, runs: [run(context, node.title, { role: "heiti" })] })]
    : [];
  // One blank line after the table, less the outer rule LibreOffice draws outside the rows.
  const after = gridParagraph({ style: ELEMENT_STYLES.tableSpacer.id, spacing: gridSpacing(0, GRID.linePitchTwips - OUTER_RULE_TWIPS), runs: [] });
  return [...title, spec, after];
}
