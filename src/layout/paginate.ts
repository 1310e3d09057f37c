import { COLOPHON, GRID, MARGIN, TYPE_AREA } from "./gbt9704.js";
import { measureParagraph, rowHeight, tableTopTwips, type ParagraphMeasure } from "./measure.js";
import { isLandscape, type BlockSpec, type ParagraphSpec, type SectionSpec, type TableSpec } from "./spec.js";

/**
 * Where the pages break, found by filling the laid-out specs into pages the way Word and LibreOffice
 * fill them: exact line heights, lines placed while they fit in the 版心, keep-with-next chains moved
 * whole (LibreOffice moves a kept paragraph entire, measured), table rows kept whole with their header
 * rows repeated. The estimate decides where the 版记 goes; `render --pdf` checks it on a real layout.
 */

export interface PlacedLine {
  readonly page: number;
  /** Top of the line from the 版心's top edge. */
  readonly yTwips: number;
  readonly heightTwips: number;
  readonly text: string;
}

export interface PlacedParagraph {
  readonly kind: "paragraph";
  readonly section: number;
  readonly index: number;
  readonly spec: ParagraphSpec;
  readonly lines: readonly PlacedLine[];
}

export interface PlacedRow {
  readonly page: number;
  readonly yTwips: number;
  readonly heightTwips: number;
  /** Index into the table's rows; a header row repeated on a later page has `repeated`. */
  readonly row: number;
  readonly repeated?: boolean;
}

export interface PlacedTable {
  readonly kind: "table";
  readonly section: number;
  readonly index: number;
  readonly spec: TableSpec;
  readonly rows: readonly PlacedRow[];
}

export type PlacedBlock = PlacedParagraph | PlacedTable;

export interface PageFlow {
  readonly pages: number;
  readonly blocks: readonly PlacedBlock[];
  /** Where the flow ends: the last page and the height used on it. */
  readonly end: { readonly page: number; readonly yTwips: number };
  /** Sections' first pages, and whether each page is landscape. */
  readonly landscapePages: ReadonlySet<number>;
}

/** 版心 height of a page: landscape pages turn the 156 × 225 mm 版心 on its side (§8). */
export const pageHeightTwips = (section: Pick<SectionSpec, "decoration">): number =>
  isLandscape(section) ? TYPE_AREA.widthTwips : TYPE_AREA.heightTwips;

export const typeAreaWidthTwips = (section: Pick<SectionSpec, "decoration">): number =>
  isLandscape(section) ? TYPE_AREA.heightTwips : TYPE_AREA.widthTwips;

class Cursor {
  page = 1;
  y = 0;
  constructor(public height: number) {}
  newPage(): void {
    this.page++;
    this.y = 0;
  }
  fits(height: number): boolean {
    return this.y + height <= this.height;
  }
}

/** Height from a block's start to the end of its first line (or first rows): what keep-with-next needs. */
function leadHeight(block: BlockSpec, measure: (p: ParagraphSpec) => ParagraphMeasure): number {
  if (block.kind === "paragraph") {
    const m = measure(block);
    return m.beforeTwips + m.topTwips + m.lineTwips;
  }
  if (block.float) return 0;
  let height = tableTopTwips(block);
  for (const row of block.rows) {
    height += rowHeight(row);
    if (!row.header) break;
  }
  return height;
}

/**
 * Paragraph measures by type-area width, kept by a caller that paginates several candidate layouts
 * of one document (lay-out.ts's fit steps): they share all but a few paragraphs, and measuring is
 * most of paginating. An ordinary Map, dropped with the layout: a WeakMap measured slower (its
 * ephemerons cost every garbage collection more than the lookups saved).
 */
export type MeasureCache = Map<number, Map<ParagraphSpec, ParagraphMeasure>>;

export function paginate(sections: readonly SectionSpec[], cache: MeasureCache = new Map()): PageFlow {
  const blocks: PlacedBlock[] = [];
  const landscapePages = new Set<number>();
  const cursor = new Cursor(pageHeightTwips(sections[0] ?? { decoration: "numbered" }));
  sections.forEach((section, sectionIndex) => {
    if (sectionIndex > 0 && section.nextPage) cursor.newPage();
    cursor.height = pageHeightTwips(section);
    const width = typeAreaWidthTwips(section);
    const measures = cache.get(width) ?? new Map<ParagraphSpec, ParagraphMeasure>();
    cache.set(width, measures);
    const measure = (p: ParagraphSpec) => {
      let m = measures.get(p);
      if (!m) measures.set(p, (m = measureParagraph(p, width)));
      return m;
    };
    const startPage = cursor.page;
    const children = section.children;
    for (let index = 0; index < children.length; index++) {
      const block = children[index]!;
      if (block.kind === "table") {
        blocks.push(placeTable(cursor, block, sectionIndex, index));
        continue;
      }
      const m = measure(block);
      if (block.pageBreakBefore && cursor.y > 0) cursor.newPage();
      if (block.keepNext && cursor.y > 0) {
        // The chain: this paragraph, every kept paragraph after it, and the first line of the next block.
        let chain = m.heightTwips;
        let next = index + 1;
        for (; next < children.length; next++) {
          const follower = children[next]!;
          if (follower.kind === "paragraph" && follower.keepNext) chain += measure(follower).heightTwips;
          else {
            chain += leadHeight(follower, measure);
            break;
          }
        }
        if (!cursor.fits(chain) && chain <= cursor.height) cursor.newPage();
      } else if (block.keepLines && cursor.y > 0 && !cursor.fits(m.heightTwips) && m.heightTwips <= cursor.height) {
        cursor.newPage();
      }
      blocks.push(placeParagraph(cursor, block, m, sectionIndex, index));
    }
    if (isLandscape(section)) for (let page = startPage; page <= cursor.page; page++) landscapePages.add(page);
  });
  return { pages: cursor.page, blocks, end: { page: cursor.page, yTwips: cursor.y }, landscapePages };
}

function placeParagraph(cursor: Cursor, spec: ParagraphSpec, m: ParagraphMeasure, section: number, index: number): PlacedParagraph {
  const lines: PlacedLine[] = [];
  // A framed paragraph (the 信函 标志) stands at a fixed height of the page and takes no flow space:
  // its lines are placed where the frame puts them (negative above the 版心).
  if (spec.frame) {
    const top = spec.frame.yFromPageTwips - MARGIN.topTwips;
    m.lines.forEach((text, lineIndex) => lines.push({ page: cursor.page, yTwips: top + lineIndex * m.lineTwips, heightTwips: m.lineTwips, text }));
    return { kind: "paragraph", section, index, spec, lines };
  }
  if (cursor.y > 0 && !cursor.fits(m.beforeTwips + m.topTwips + m.lineTwips)) cursor.newPage();
  cursor.y += m.beforeTwips + m.topTwips;
  m.lines.forEach((text, lineIndex) => {
    if (lineIndex > 0 && !cursor.fits(m.lineTwips)) cursor.newPage();
    lines.push({ page: cursor.page, yTwips: cursor.y, heightTwips: m.lineTwips, text });
    cursor.y += m.lineTwips;
  });
  cursor.y += m.afterTwips;
  return { kind: "paragraph", section, index, spec, lines };
}

function placeTable(cursor: Cursor, spec: TableSpec, section: number, index: number): PlacedTable {
  if (spec.float) return { kind: "table", section, index, spec, rows: [] };
  const rows: PlacedRow[] = [];
  const headerRows = spec.rows.filter((row) => row.header);
  cursor.y += tableTopTwips(spec);
  spec.rows.forEach((row, rowIndex) => {
    const height = rowHeight(row);
    if (cursor.y > 0 && !cursor.fits(height) && height <= cursor.height) {
      cursor.newPage();
      if (!row.header) {
        // Header rows are repeated at the top of the page the table runs onto.
        headerRows.forEach((header) => {
          const headerIndex = spec.rows.indexOf(header);
          rows.push({ page: cursor.page, yTwips: cursor.y, heightTwips: rowHeight(header), row: headerIndex, repeated: true });
          cursor.y += rowHeight(header);
        });
      }
    }
    rows.push({ page: cursor.page, yTwips: cursor.y, heightTwips: height, row: rowIndex });
    cursor.y += height;
  });
  return { kind: "table", section, index, spec, rows };
}

/** The grid line (1-based) a height used on a page ends on. */
export function gridLineAt(yTwips: number): number {
  return Math.ceil(yTwips / GRID.linePitchTwips - 1e-9);
}

export type ColophonPlacement =
  /** The 版记 fits below the text on an even last page. */
  | "same-page"
  /** The text ends on an odd page: the 版记 goes to the bottom of the next (even) page. */
  | "next-page"
  /** The text fills an even page: a blank page, then the 版记 page; neither is numbered (§7.5). */
  | "blank-then-page";

export interface PaginationPlan {
  /** Page and line (1-based) where the last text line before the 版记 stands. */
  readonly contentEnd: { readonly page: number; readonly line: number };
  readonly colophonLines: number;
  readonly placement: ColophonPlacement;
  /** Empty grid lines between the text (or the page top) and the 版记's first rule. */
  readonly fillerLines: number;
  readonly totalPages: number;
  /** The page whose body paragraphs were set narrower to keep the 署名 with the text (fit-closing.ts). */
  readonly tightenedPage?: number;
  /** Pages whose body paragraphs were set wider to fill the page before the 署名 (fit-closing.ts): lines hold fewer than 28 characters. */
  readonly filledPages?: readonly number[];
}

const PAGE_LINES = GRID.linesPerPage;

/**
 * Where the 版记 goes once the text's end is known (estimated, or measured on a real layout): at the foot
 * of the last page, which must be even (printed two-sided, the 版记 is on the back cover) unless the
 * format lets it stand on any last page (the 信函 format).
 */
export function placeColophon(
  contentEnd: { readonly page: number; readonly line: number },
  colophonLines: number,
  evenPage = true,
): Pick<PaginationPlan, "placement" | "fillerLines" | "totalPages"> {
  const room = PAGE_LINES - contentEnd.line - COLOPHON.minimumGapLines;
  const onEven = contentEnd.page % 2 === 0 || !evenPage;
  if (onEven && room >= colophonLines) {
    return { placement: "same-page", fillerLines: PAGE_LINES - contentEnd.line - colophonLines, totalPages: contentEnd.page };
  }
  const filler = Math.max(0, PAGE_LINES - colophonLines);
  if (contentEnd.page % 2 !== 0 || !evenPage) return { placement: "next-page", fillerLines: filler, totalPages: contentEnd.page + 1 };
  return { placement: "blank-then-page", fillerLines: filler, totalPages: contentEnd.page + 2 };
}
