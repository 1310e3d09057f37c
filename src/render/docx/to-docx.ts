import {
  BorderStyle, HeightRule, HorizontalPositionRelativeFrom, ImageRun, LineRuleType, Paragraph, Tab, Table, TableCell, TableLayoutType, TableRow,
  TextRun, TextWrappingType, VerticalAlignTable, VerticalPositionRelativeFrom, WidthType, type IBorderOptions, type IParagraphOptions,
} from "docx";
import { TAB, type BlockSpec, type BorderLine, type CellSpec, type ParagraphSpec, type RunSpec, type TableSpec } from "./spec.js";

/**
 * The reference writer: specs → the `docx` library's object tree. It is what the direct XML writer is
 * checked against, and what writes documents with a seal image (drawings are the library's job).
 */

const BORDER_STYLE = { single: BorderStyle.SINGLE, none: BorderStyle.NONE } as const;

function border(line: BorderLine): IBorderOptions {
  return { style: BORDER_STYLE[line.style], size: line.size, color: line.color, ...(line.space !== undefined ? { space: line.space } : {}) };
}

function runToDocx(run: RunSpec): TextRun | ImageRun {
  if (run.kind === "image") {
    return new ImageRun({
      type: "png",
      data: run.png,
      transformation: { width: run.sizePixels, height: run.sizePixels },
      floating: {
        horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, offset: run.offsetFromMarginEmu },
        verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: run.offsetFromParagraphEmu },
        allowOverlap: true,
        behindDocument: false,
        wrap: { type: TextWrappingType.NONE },
      },
      altText: run.altText,
    });
  }
  return new TextRun({
    font: run.font,
    ...(run.sizeHalfPoints !== undefined ? { size: run.sizeHalfPoints } : {}),
    ...(run.colour ? { color: run.colour } : {}),
    ...(run.scalePercent !== undefined ? { scale: run.scalePercent } : {}),
    ...(run.snapToGrid === false ? { snapToGrid: false } : {}),
    ...(run.breakBefore ? { break: 1 } : {}),
    children: run.content.map((piece) => (piece === TAB ? new Tab() : piece)),
  });
}

function paragraphToDocx(spec: ParagraphSpec): Paragraph {
  const options: IParagraphOptions = {
    ...(spec.style !== undefined ? { style: spec.style } : {}),
    ...(spec.keepNext !== undefined ? { keepNext: spec.keepNext } : {}),
    ...(spec.keepLines !== undefined ? { keepLines: spec.keepLines } : {}),
    ...(spec.pageBreakBefore ? { pageBreakBefore: true } : {}),
    ...(spec.widowControl !== undefined ? { widowControl: spec.widowControl } : {}),
    ...(spec.border
      ? { border: { ...(spec.border.top ? { top: border(spec.border.top) } : {}), ...(spec.border.bottom ? { bottom: border(spec.border.bottom) } : {}) } }
      : {}),
    ...(spec.tabStops ? { tabStops: spec.tabStops.map((stop) => ({ type: stop.type, position: stop.position })) } : {}),
    ...(spec.spacing ? { spacing: { ...spec.spacing, lineRule: LineRuleType.EXACT } } : {}),
    ...(spec.indent ? { indent: spec.indent } : {}),
    ...(spec.alignment ? { alignment: spec.alignment } : {}),
    children: spec.runs.map(runToDocx),
  };
  return new Paragraph(options);
}

function cellToDocx(cell: CellSpec): TableCell {
  return new TableCell({
    width: { size: cell.widthTwips, type: WidthType.DXA },
    ...(cell.verticalAlign ? { verticalAlign: VerticalAlignTable.CENTER } : {}),
    ...(cell.zeroMargins ? { margins: { top: 0, bottom: 0, left: 0, right: 0 } } : {}),
    ...(cell.borders
      ? { borders: { top: border(cell.borders.top), bottom: border(cell.borders.bottom), left: border(cell.borders.left), right: border(cell.borders.right) } }
      : {}),
    children: cell.children.map(paragraphToDocx),
  });
}

function tableToDocx(spec: TableSpec): Table {
  const b = spec.borders;
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: spec.widthTwips, type: WidthType.DXA },
    columnWidths: [...spec.columnWidths],
    borders: {
      top: border(b.top), bottom: border(b.bottom), left: border(b.left), right: border(b.right),
      insideHorizontal: border(b.insideHorizontal), insideVertical: border(b.insideVertical),
    },
    rows: spec.rows.map(
      (row) =>
        new TableRow({
          ...(row.cantSplit ? { cantSplit: true } : {}),
          ...(row.heightTwips !== undefined ? { height: { value: row.heightTwips, rule: HeightRule.EXACT } } : {}),
          children: row.cells.map(cellToDocx),
        }),
    ),
  });
}

export function blockToDocx(spec: BlockSpec): Paragraph | Table {
  return spec.kind === "paragraph" ? paragraphToDocx(spec) : tableToDocx(spec);
}
