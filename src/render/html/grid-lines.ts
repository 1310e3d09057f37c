import { twipsToMm } from "../../layout/units.js";
import type { PdfPage } from "../../pdf/poppler.js";
import { LANDSCAPE_TYPE_AREA_MM, TYPE_AREA_MM } from "../../verify/measure.js";
import type { PreviewModel } from "./page-model.js";

/**
 * Text lines as they stand on the pages, read alike from the preview model and from a PDF (poppler's
 * words): per page, pieces whose vertical centres lie within a third of a grid line of each other form
 * one row, read left to right with white space removed. Comparing the rows says whether the preview
 * breaks lines and pages where LibreOffice does. (Rows, not grid lines: tightened pages set lines at
 * 3/4 to 1 pitch, so two lines can share one grid line.)
 */
export interface TextRow {
  readonly page: number;
  /** Centre of the row from the page's top, mm. */
  readonly yMm: number;
  readonly text: string;
}

interface Piece {
  readonly page: number;
  readonly x: number;
  readonly y: number;
  readonly text: string;
}

const ROW_TOLERANCE_MM = 2;

function rowsOf(pieces: readonly Piece[]): TextRow[] {
  const rows: TextRow[] = [];
  const sorted = [...pieces].sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
  let current: Piece[] = [];
  const close = () => {
    if (current.length === 0) return;
    const text = [...current].sort((a, b) => a.x - b.x).map((piece) => piece.text).join("");
    rows.push({ page: current[0]!.page, yMm: current[0]!.y, text });
    current = [];
  };
  for (const piece of sorted) {
    const first = current[0];
    if (first && (first.page !== piece.page || piece.y - first.y > ROW_TOLERANCE_MM)) close();
    current.push(piece);
  }
  close();
  return rows;
}

const compact = (text: string) => text.replace(/\s+/gu, "");

/** The preview's text rows (page numbers left out, as on the PDF side). */
export function previewRows(model: PreviewModel): TextRow[] {
  const pieces: Piece[] = [];
  for (const page of model.pages) {
    for (const item of page.items) {
      if (item.kind !== "line") continue;
      const text = compact([...item.spans, ...(item.right ?? [])].map((span) => span.text).join(""));
      if (text !== "") pieces.push({ page: page.number, x: twipsToMm(item.x), y: twipsToMm(item.y + item.height / 2), text });
    }
  }
  return rowsOf(pieces);
}

/** A PDF's text rows inside the 版心's height and above it (the 页码 below the 版心 left out). */
export function pdfRows(pages: readonly PdfPage[]): TextRow[] {
  const pieces: Piece[] = [];
  for (const page of pages) {
    const area = page.widthMm > page.heightMm ? LANDSCAPE_TYPE_AREA_MM : TYPE_AREA_MM;
    const { bottom, left } = area;
    for (const block of page.blocks) {
      for (const line of block.lines) {
        const centre = (line.yMin + line.yMax) / 2;
        if (centre > bottom || line.xMax < left) continue;
        const text = compact(line.text);
        if (text !== "") pieces.push({ page: page.number, x: line.xMin, y: centre, text });
      }
    }
  }
  return rowsOf(pieces);
}
