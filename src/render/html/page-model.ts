import type { FieldPath } from "../../errors.js";
import { ELEMENT_STYLES } from "../../layout/element-styles.js";
import { COLOUR, GRID, LANDSCAPE, LETTER, MARGIN, PAGE, TYPE_AREA } from "../../layout/gbt9704.js";
import { measureParagraph, rowHeight, tableTopTwips } from "../../layout/measure.js";
import { paginate, type PlacedParagraph, type PlacedTable } from "../../layout/paginate.js";
import { mmToTwips } from "../../layout/units.js";
import { isLandscape, TAB, type BorderLine, type ParagraphSpec, type SectionDecoration, type SectionSpec, type TextRunSpec } from "../../layout/spec.js";

/**
 * The editor's preview as plain data: the laid-out specs the .docx is written from, filled into pages by
 * the same pagination estimate (paginate.ts), as positioned lines and rules in twips from each page's
 * top-left corner. The browser draws these and nothing else, so the preview breaks lines and pages
 * where the estimate does; the layout test compares them with LibreOffice's PDF.
 */

export interface PreviewSpan {
  readonly text: string;
  /** CSS font-family list: the run's East Asian face, its Latin face. */
  readonly font: string;
  readonly colour?: string;
}

export interface PreviewLine {
  readonly kind: "line";
  /** Left edge and top of the line box, in twips from the page's top-left corner. */
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly sizePt: number;
  /** Horizontal scale of the glyphs, percent. */
  readonly scale: number;
  readonly align: "left" | "center" | "right" | "justify";
  /** Text after a tab, flush with the line's right edge (印发机关⇥日期, 文号⇥签发人). */
  readonly right?: readonly PreviewSpan[];
  readonly spans: readonly PreviewSpan[];
  /** Which block of the document (stable within one model) the line belongs to. */
  readonly block: number;
  /** The data file field the text came from, and for a Markdown body its line in the body text (1-based). */
  readonly path?: FieldPath;
  readonly sourceLine?: number;
}

export interface PreviewRule {
  readonly kind: "rule";
  readonly x: number;
  readonly y: number;
  readonly width: number;
  /** Thickness in twips. */
  readonly thickness: number;
  readonly colour: string;
  /** Vertical rule (table cell sides). */
  readonly vertical?: boolean;
}

export type PreviewItem = PreviewLine | PreviewRule;

export interface PreviewPage {
  readonly number: number;
  readonly landscape: boolean;
  readonly widthTwips: number;
  readonly heightTwips: number;
  /**
   * The printed page number (— 1 —), absent on unnumbered pages (§7.5): 4号, its centre 7 mm below the
   * 版心; odd pages flush right and even pages flush left, 空一字 from the 版心's edge.
   */
  readonly pageNumber?: { readonly text: string; readonly x: number; readonly yCentre: number; readonly width: number; readonly align: "left" | "right"; readonly sizePt: number };
  readonly items: readonly PreviewItem[];
}

export interface PreviewModel {
  readonly pages: readonly PreviewPage[];
}

/** The data file field an element style stands for, so clicking the preview finds the form field. */
const STYLE_FIELDS: Readonly<Record<string, FieldPath>> = {
  [ELEMENT_STYLES.issuerMark.id]: ["envelope", "issuerMark"],
  [ELEMENT_STYLES.docNumber.id]: ["envelope", "docNumber"],
  [ELEMENT_STYLES.marker.id]: ["envelope", "secrecy"],
  [ELEMENT_STYLES.title.id]: ["envelope", "title"],
  [ELEMENT_STYLES.addressees.id]: ["envelope", "addressees"],
  [ELEMENT_STYLES.signature.id]: ["envelope", "signature"],
  [ELEMENT_STYLES.date.id]: ["envelope", "signedOn"],
  [ELEMENT_STYLES.note.id]: ["envelope", "note"],
  [ELEMENT_STYLES.copyTo.id]: ["envelope", "colophon"],
  [ELEMENT_STYLES.printer.id]: ["envelope", "colophon"],
  [ELEMENT_STYLES.attachmentNote.id]: ["attachments"],
  [ELEMENT_STYLES.attachment.id]: ["attachments"],
  [ELEMENT_STYLES.attachmentTitle.id]: ["attachments"],
  [ELEMENT_STYLES.attendance.id]: ["attendance"],
};

const DEFAULT_SIZE_PT = 16;
const TWIPS_PER_EIGHTH = 20 / 8;

function fontOf(run: TextRunSpec): string {
  const faces = [run.font.eastAsia, run.font.ascii].filter((face, index, all) => all.indexOf(face) === index);
  return `${faces.map((face) => `"${face}"`).join(", ")}, serif`;
}

/** The paragraph's text with, per character, the run it belongs to. */
function characters(spec: ParagraphSpec): { text: string; runs: TextRunSpec[] } {
  let text = "";
  const runs: TextRunSpec[] = [];
  for (const run of spec.runs) {
    if (run.kind !== "text") continue;
    if (run.breakBefore) {
      text += "\n";
      runs.push(run);
    }
    for (const piece of run.content) {
      const chunk = piece === TAB ? "\t" : piece;
      for (const ch of chunk) {
        text += ch;
        for (let i = 0; i < ch.length; i++) runs.push(run);
      }
    }
  }
  return { text, runs };
}

function spansOf(text: string, runs: readonly TextRunSpec[], from: number): PreviewSpan[] {
  const spans: PreviewSpan[] = [];
  for (let i = 0; i < text.length; i++) {
    const run = runs[from + i];
    const font = run ? fontOf(run) : "serif";
    const colour = run?.colour && run.colour !== COLOUR.black && run.colour !== "auto" ? `#${run.colour}` : undefined;
    const last = spans[spans.length - 1];
    if (last && last.font === font && last.colour === colour) spans[spans.length - 1] = { ...last, text: last.text + text[i] };
    else spans.push({ text: text[i]!, font, ...(colour ? { colour } : {}) });
  }
  return spans;
}

function setSize(spec: ParagraphSpec): { sizePt: number; scale: number } {
  let sizePt = 0;
  let scale: number = GRID.characterScalePercent;
  for (const run of spec.runs) {
    if (run.kind !== "text") continue;
    const size = run.sizeHalfPoints !== undefined ? run.sizeHalfPoints / 2 : DEFAULT_SIZE_PT;
    if (size > sizePt) {
      sizePt = size;
      scale = run.scalePercent ?? GRID.characterScalePercent;
    }
  }
  return { sizePt: sizePt || DEFAULT_SIZE_PT, scale };
}

interface Box {
  /** Left edge of the text column and its width, in twips from the page's left edge. */
  readonly left: number;
  readonly width: number;
  /** The 版心's top on the page. */
  readonly top: number;
}

interface Placement {
  readonly page: number;
  readonly y: number;
  readonly text: string;
}

/** A paragraph's lines as preview lines, each placed where the pagination put it. */
function paragraphLines(spec: ParagraphSpec, placed: readonly Placement[], box: Box, block: number, lineTwips: number): { page: number; line: PreviewLine }[] {
  const { text, runs } = characters(spec);
  const { sizePt, scale } = setSize(spec);
  const left = spec.indent?.left ?? 0;
  const right = spec.indent?.right ?? 0;
  const firstLine = (spec.indent?.firstLine ?? 0) - (spec.indent?.hanging ?? 0);
  // A Markdown body's paragraphs know their line in the body text (compose/markdown.ts), not a field.
  const path = spec.source?.path ?? (spec.source?.line !== undefined ? ["body"] : undefined) ?? (spec.style ? STYLE_FIELDS[spec.style] : undefined);
  const out: { page: number; line: PreviewLine }[] = [];
  let offset = 0;
  placed.forEach((line, index) => {
    // Find the line's characters in the paragraph's text (breaking drops nothing but line ends).
    const at = text.indexOf(line.text, offset);
    const from = at >= 0 ? at : offset;
    offset = from + line.text.length;
    if (text[offset] === "\n") offset++;
    const indent = index === 0 ? firstLine : 0;
    const x = box.left + left + indent;
    const width = box.width - left - right - indent;
    const isLast = index === placed.length - 1;
    const alignment = spec.alignment ?? "both";
    const align = alignment === "center" ? "center" : alignment === "right" ? "right" : alignment === "left" || isLast || line.text.includes("\t") ? "left" : "justify";
    const [before, ...after] = line.text.split("\t");
    const tail = after.join("");
    out.push({
      page: line.page,
      line: {
        kind: "line",
        x,
        y: box.top + line.y,
        width,
        height: lineTwips,
        sizePt,
        scale,
        align,
        spans: spansOf(before ?? "", runs, from),
        ...(after.length > 0 ? { right: spansOf(tail, runs, from + (before?.length ?? 0) + 1) } : {}),
        block,
        ...(path ? { path } : {}),
        ...(spec.source?.line !== undefined ? { sourceLine: spec.source.line } : {}),
      },
    });
  });
  return out;
}

function ruleOf(line: BorderLine | undefined, x: number, y: number, width: number, vertical = false): PreviewRule | undefined {
  if (!line || line.style === "none" || line.size <= 0) return undefined;
  const colour = line.color === "auto" ? "#000000" : `#${line.color}`;
  return { kind: "rule", x, y, width, thickness: Math.max(1, Math.round(line.size * TWIPS_PER_EIGHTH)), colour, ...(vertical ? { vertical } : {}) };
}

class Pages {
  private readonly pages = new Map<number, PreviewItem[]>();
  add(page: number, item: PreviewItem | undefined): void {
    if (!item) return;
    const list = this.pages.get(page) ?? [];
    list.push(item);
    this.pages.set(page, list);
  }
  items(page: number): PreviewItem[] {
    return this.pages.get(page) ?? [];
  }
}

/** Laid-out sections → preview pages, paginated by the same estimate the .docx's 版记 placement uses. */
export function previewModel(sections: readonly SectionSpec[]): PreviewModel {
  const flow = paginate(sections);
  const pages = new Pages();
  const pageDecoration = new Map<number, SectionDecoration>();
  let block = 0;
  for (const placed of flow.blocks) {
    const section = sections[placed.section]!;
    const landscape = isLandscape(section);
    const box: Box = landscape
      ? { left: LANDSCAPE.margin.leftTwips, width: LANDSCAPE.widthTwips - LANDSCAPE.margin.leftTwips - LANDSCAPE.margin.rightTwips, top: LANDSCAPE.margin.topTwips }
      : { left: MARGIN.leftTwips, width: TYPE_AREA.widthTwips, top: MARGIN.topTwips };
    if (placed.kind === "paragraph") {
      for (const line of placed.lines) if (!pageDecoration.has(line.page)) pageDecoration.set(line.page, section.decoration);
      addParagraph(pages, placed, box, block);
    } else {
      for (const row of placed.rows) if (!pageDecoration.has(row.page)) pageDecoration.set(row.page, section.decoration);
      addTable(pages, placed, box, block);
    }
    block++;
  }
  const result: PreviewPage[] = [];
  for (let number = 1; number <= flow.pages; number++) {
    const decoration = pageDecoration.get(number) ?? "unnumbered";
    const landscape = flow.landscapePages.has(number);
    const items = pages.items(number);
    if (decoration === "letter" && number === 1) {
      // The 信函 format's first page: the red double rule at the foot (page.ts letterFirstFooter).
      const x = MARGIN.leftTwips - Math.round((LETTER.ruleLengthTwips - TYPE_AREA.widthTwips) / 2);
      const bottom = PAGE.heightTwips - LETTER.bottomRuleAbovePageEdgeTwips;
      const thick = Math.round((LETTER.thickRuleEighths / 8) * 20);
      const thin = Math.round((LETTER.thinRuleEighths / 8) * 20);
      items.push({ kind: "rule", x, y: bottom - thick, width: LETTER.ruleLengthTwips, thickness: thick, colour: `#${COLOUR.red}` });
      items.push({ kind: "rule", x, y: bottom - thick - LETTER.ruleGapTwips - thin, width: LETTER.ruleLengthTwips, thickness: thin, colour: `#${COLOUR.red}` });
    }
    const numbered = decoration === "numbered" || decoration === "landscape" || (decoration === "letter" && number > 1);
    result.push({
      number,
      landscape,
      widthTwips: landscape ? PAGE.heightTwips : PAGE.widthTwips,
      heightTwips: landscape ? PAGE.widthTwips : PAGE.heightTwips,
      ...(numbered ? { pageNumber: pageNumberOf(number, landscape) } : {}),
      items,
    });
  }
  return { pages: result };
}

const PAGE_NUMBER_SIZE_PT = 14;

function pageNumberOf(number: number, landscape: boolean): NonNullable<PreviewPage["pageNumber"]> {
  const inset = PAGE_NUMBER_SIZE_PT * 20;
  if (landscape) {
    // Kept simple on turned pages: under the 版心, right.
    const width = LANDSCAPE.widthTwips - LANDSCAPE.margin.leftTwips - LANDSCAPE.margin.rightTwips;
    return { text: `— ${number} —`, x: LANDSCAPE.margin.leftTwips + inset, yCentre: LANDSCAPE.heightTwips - LANDSCAPE.margin.bottomTwips + mmToTwips(7), width: width - 2 * inset, align: "right", sizePt: PAGE_NUMBER_SIZE_PT };
  }
  return {
    text: `— ${number} —`,
    x: MARGIN.leftTwips + inset,
    yCentre: MARGIN.topTwips + TYPE_AREA.heightTwips + mmToTwips(7),
    width: TYPE_AREA.widthTwips - 2 * inset,
    align: number % 2 === 1 ? "right" : "left",
    sizePt: PAGE_NUMBER_SIZE_PT,
  };
}

function addParagraph(pages: Pages, placed: PlacedParagraph, box: Box, block: number): void {
  const spec = placed.spec;
  const frameBox = spec.frame ? { ...box, left: MARGIN.leftTwips + Math.round((TYPE_AREA.widthTwips - spec.frame.widthTwips) / 2), width: spec.frame.widthTwips } : box;
  const lineTwips = spec.spacing?.line ?? GRID.linePitchTwips;
  const lines = paragraphLines(spec, placed.lines.map((line) => ({ page: line.page, y: line.yTwips, text: line.text })), frameBox, block, lineTwips);
  for (const { page, line } of lines) if (line.spans.length > 0 || line.right) pages.add(page, line);
  const first = placed.lines[0];
  const last = placed.lines[placed.lines.length - 1];
  const left = box.left + (spec.indent?.left ?? 0);
  const width = box.width - (spec.indent?.left ?? 0) - (spec.indent?.right ?? 0);
  if (first && spec.border?.top) {
    pages.add(first.page, ruleOf(spec.border.top, left, box.top + first.yTwips - Math.round((spec.border.top.space ?? 0) * 20) - Math.round(spec.border.top.size * TWIPS_PER_EIGHTH), width));
  }
  if (last && spec.border?.bottom) {
    pages.add(last.page, ruleOf(spec.border.bottom, left, box.top + last.yTwips + last.heightTwips + Math.round((spec.border.bottom.space ?? 0) * 20), width));
  }
}

function addTable(pages: Pages, placed: PlacedTable, box: Box, block: number): void {
  const spec = placed.spec;
  const tableLeft = box.left + (spec.indentTwips ?? 0);
  const rows = spec.float
    ? floatRows(placed)
    : placed.rows.map((row) => ({ page: row.page, y: box.top + row.yTwips, height: row.heightTwips, row: row.row }));
  const left = spec.float ? spec.float.xTwips : tableLeft;
  rows.forEach((placedRow, index) => {
    const row = spec.rows[placedRow.row]!;
    const firstOnPage = index === 0 || rows[index - 1]!.page !== placedRow.page;
    if (firstOnPage) pages.add(placedRow.page, ruleOf(spec.borders.top, left, placedRow.y - tableTopTwips(spec), spec.widthTwips));
    const lastOnPage = index === rows.length - 1 || rows[index + 1]!.page !== placedRow.page;
    pages.add(placedRow.page, ruleOf(lastOnPage ? spec.borders.bottom : spec.borders.insideHorizontal, left, placedRow.y + placedRow.height, spec.widthTwips));
    let x = left;
    row.cells.forEach((cell, cellIndex) => {
      const sideMargin = cell.zeroMargins ? 0 : (cell.sideMarginTwips ?? 0);
      const textWidth = cell.widthTwips - 2 * sideMargin;
      const measured = cell.children.map((paragraph) => ({ paragraph, m: measureParagraph(paragraph, textWidth) }));
      const contentHeight = measured.reduce((sum, item) => sum + item.m.heightTwips, 0);
      let y = placedRow.y + (cell.verticalAlign === "center" ? Math.max(0, Math.round((placedRow.height - contentHeight) / 2)) : 0);
      for (const { paragraph, m } of measured) {
        y += m.beforeTwips + m.topTwips;
        const placements = m.lines.map((text, lineIndex) => ({ page: placedRow.page, y: y - box.top + lineIndex * m.lineTwips, text }));
        const cellBox: Box = { left: x + sideMargin, width: textWidth, top: box.top };
        for (const { page, line } of paragraphLines(paragraph, placements, cellBox, block, m.lineTwips)) {
          if (line.spans.length > 0 || line.right) pages.add(page, { ...line, ...(spec.source?.path && !line.path ? { path: spec.source.path } : {}) });
        }
        y += m.lines.length * m.lineTwips + m.afterTwips;
      }
      const sideLeft = cellIndex === 0 ? spec.borders.left : spec.borders.insideVertical;
      pages.add(placedRow.page, ruleOf(cell.borders?.left ?? sideLeft, x, placedRow.y, placedRow.height, true));
      x += cell.widthTwips;
      if (cellIndex === row.cells.length - 1) pages.add(placedRow.page, ruleOf(cell.borders?.right ?? spec.borders.right, x, placedRow.y, placedRow.height, true));
    });
  });
}

/** A floating table's rows from its fixed point on its page (the pagination leaves them unplaced). */
function floatRows(placed: PlacedTable): { page: number; y: number; height: number; row: number }[] {
  const spec = placed.spec;
  let y = spec.float?.yTwips ?? 0;
  return spec.rows.map((row, index) => {
    const height = rowHeight(row);
    const out = { page: 1, y, height, row: index };
    y += height;
    return out;
  });
}
