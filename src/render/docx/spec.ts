/**
 * What the renderer decides, as plain data: paragraphs, runs and tables with their GB/T 9704 geometry
 * already worked out (twips, half-points, colours, font faces). Two writers turn it into WordprocessingML:
 * the `docx` library's object tree (to-docx.ts, the reference) and a direct string writer
 * (xml-writer.ts, fast), which must agree byte for byte (test/render/xml-writer.test.ts).
 *
 * Only what a 公文 uses is here; a field's absence means the element is not written, so `keepNext:
 * false` (written as `w:val="false"`) and no `keepNext` at all are different things, as in `docx`.
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
export const TAB = Symbol("tab");
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
  readonly sizePixels: number;
  readonly offsetFromMarginEmu: number;
  readonly offsetFromParagraphEmu: number;
  readonly altText: { readonly name: string; readonly title: string; readonly description: string };
}

export type RunSpec = TextRunSpec | ImageRunSpec;

export interface TabStopSpec {
  readonly type: "left" | "right";
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
  readonly tabStops?: readonly TabStopSpec[];
  /** Exact line height and space before/after, in twips. */
  readonly spacing?: { readonly before: number; readonly after: number; readonly line: number };
  readonly indent?: { readonly left?: number; readonly right?: number; readonly hanging?: number; readonly firstLine?: number };
  readonly alignment?: Alignment;
  readonly runs: readonly RunSpec[];
}

export interface CellSpec {
  readonly widthTwips: number;
  readonly verticalAlign?: "center";
  /** All four margins zero. */
  readonly zeroMargins?: boolean;
  readonly borders?: { readonly top: BorderLine; readonly bottom: BorderLine; readonly left: BorderLine; readonly right: BorderLine };
  readonly children: readonly ParagraphSpec[];
}

export interface RowSpec {
  readonly cantSplit?: boolean;
  /** Exact row height in twips. */
  readonly heightTwips?: number;
  readonly cells: readonly CellSpec[];
}

export interface TableSpec {
  readonly kind: "table";
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
  readonly rows: readonly RowSpec[];
}

export type BlockSpec = ParagraphSpec | TableSpec;

export interface SectionSpec {
  /** Page numbers in the footers (false: the blank page and the 版记 page, §7.5). */
  readonly numbered: boolean;
  /** Starts on a new page (a section break of type nextPage). */
  readonly nextPage: boolean;
  readonly children: readonly BlockSpec[];
}

export function hasImage(sections: readonly SectionSpec[]): boolean {
  const inParagraph = (paragraph: ParagraphSpec) => paragraph.runs.some((run) => run.kind === "image");
  return sections.some((section) =>
    section.children.some((child) =>
      child.kind === "paragraph" ? inParagraph(child) : child.rows.some((row) => row.cells.some((cell) => cell.children.some(inParagraph))),
    ),
  );
}
