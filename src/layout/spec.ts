import type { SourceRef } from "../document/source.js";

/**
 * What the layout decides, as plain data: paragraphs, runs and tables with their GB/T 9704 geometry
 * already worked out (twips, half-points, colours, font faces), in sections. The writers read these
 * specs and nothing else; pagination measures them (measure.ts), so geometry is decided once.
 *
 * A field's absence means the element is not written, so `keepNext: false` (written as
 * `w:val="false"`) and no `keepNext` at all are different things.
 */

export type Alignment = "left" | "center" | "right" | "both" | "distribute";

export interface BorderLine {
  readonly style: "single" | "none";
  /** Eighths of a point. */
  readonly size: number;
  /** Hex RGB, or "auto". */
  readonly color: string;
  /** Points between the border and the text. */
  readonly space?: number;
}

export interface FontFaces {
  readonly ascii: string;
  readonly hAnsi: string;
  readonly cs: string;
  readonly eastAsia: string;
  readonly hint?: "eastAsia";
}

/** A tab character inside a run. */
export const TAB = Symbol.for("gongwen.tab");
export type RunContent = string | typeof TAB;

export interface TextRunSpec {
  readonly kind: "text";
  readonly font: FontFaces;
  readonly sizeHalfPoints?: number;
  readonly colour?: string;
  readonly scalePercent?: number;
  /** `false` keeps the run's characters off the document grid (the mark's large type). */
  readonly snapToGrid?: false;
  /** A line break (`w:br`) before the text: a title's second and later lines. */
  readonly breakBefore?: boolean;
  readonly content: readonly RunContent[];
}

/** A floating PNG (the seal), positioned from the margin and the paragraph, in EMU. */
export interface ImageRunSpec {
  readonly kind: "image";
  readonly png: Uint8Array;
  /** Square size in EMU. */
  readonly sizeEmu: number;
  readonly offsetFromMarginEmu: number;
  readonly offsetFromParagraphEmu: number;
  readonly altText: { readonly name: string; readonly title: string; readonly description: string };
}

export type RunSpec = TextRunSpec | ImageRunSpec;

export interface TabStopSpec {
  readonly type: "left" | "right" | "center";
  readonly position: number;
}

export interface ParagraphSpec {
  readonly kind: "paragraph";
  readonly style?: string;
  readonly keepNext?: boolean;
  readonly keepLines?: boolean;
  readonly pageBreakBefore?: boolean;
  readonly widowControl?: boolean;
  readonly border?: { readonly top?: BorderLine; readonly bottom?: BorderLine };
  /**
   * `false` keeps the paragraph off the document grid: paragraphs whose height is not a whole number of
   * grid lines (the mark, the rule under the 文号, the 版记's rules), which LibreOffice would round up.
   */
  readonly snapToGrid?: false;
  readonly tabStops?: readonly TabStopSpec[];
  /** Exact line height and space before/after, in twips. */
  readonly spacing?: { readonly before: number; readonly after: number; readonly line: number };
  readonly indent?: { readonly left?: number; readonly right?: number; readonly hanging?: number; readonly firstLine?: number };
  readonly alignment?: Alignment;
  /**
   * A paragraph placed at a fixed height of the page, centred on the 版心, out of the text flow
   * (w:framePr): the 信函 format's 标志 above the 版心.
   */
  readonly frame?: { readonly yFromPageTwips: number; readonly heightTwips: number; readonly widthTwips: number };
  readonly runs: readonly RunSpec[];
  /** Where the paragraph's text came from (not written to the file). */
  readonly source?: SourceRef;
}

export interface CellSpec {
  readonly widthTwips: number;
  /** Columns the cell spans (w:gridSpan). */
  readonly span?: number;
  readonly verticalAlign?: "center";
  /** All four margins zero. */
  readonly zeroMargins?: boolean;
  /** Left and right margins in twips, top and bottom zero. */
  readonly sideMarginTwips?: number;
  readonly borders?: { readonly top: BorderLine; readonly bottom: BorderLine; readonly left: BorderLine; readonly right: BorderLine };
  readonly children: readonly ParagraphSpec[];
}

export interface RowSpec {
  readonly cantSplit?: boolean;
  /** Repeated at the top of each page (w:tblHeader). */
  readonly header?: boolean;
  /** Row height in twips: exact, or at least (the row grows with its text). */
  readonly heightTwips?: number;
  readonly heightRule?: "exact" | "atLeast";
  readonly cells: readonly CellSpec[];
}

/** A table placed at a fixed point of the page, out of the text flow (the 信函 format's 版头). */
export interface FloatSpec {
  /** From the page's left edge and top edge. */
  readonly xTwips: number;
  readonly yTwips: number;
}

export interface TableSpec {
  readonly kind: "table";
  readonly style?: string;
  readonly widthTwips: number;
  readonly columnWidths: readonly number[];
  readonly borders: {
    readonly top: BorderLine;
    readonly bottom: BorderLine;
    readonly left: BorderLine;
    readonly right: BorderLine;
    readonly insideHorizontal: BorderLine;
    readonly insideVertical: BorderLine;
  };
  /** Left indent of the table from the margin (negative: it reaches past the 版心). */
  readonly indentTwips?: number;
  readonly float?: FloatSpec;
  readonly rows: readonly RowSpec[];
  readonly source?: SourceRef;
}

export type BlockSpec = ParagraphSpec | TableSpec;

/**
 * What a section's pages carry outside the 版心 (§7.5): page numbers in the footers, none (the blank
 * page and the 版记 page), the 信函 format's first page (its red double rule at the foot, no number),
 * or landscape pages whose numbers stand turned on the long side (§8 横排表格).
 */
export type SectionDecoration = "numbered" | "unnumbered" | "letter" | "landscape";

export interface SectionSpec {
  readonly decoration: SectionDecoration;
  /** Starts on a new page (a section break of type nextPage). */
  readonly nextPage: boolean;
  readonly children: readonly BlockSpec[];
}

export const isLandscape = (section: Pick<SectionSpec, "decoration">): boolean => section.decoration === "landscape";

export function hasImage(sections: readonly SectionSpec[]): boolean {
  const inParagraph = (paragraph: ParagraphSpec) => paragraph.runs.some((run) => run.kind === "image");
  return sections.some((section) =>
    section.children.some((child) =>
      child.kind === "paragraph" ? inParagraph(child) : child.rows.some((row) => row.cells.some((cell) => cell.children.some(inParagraph))),
    ),
  );
}
