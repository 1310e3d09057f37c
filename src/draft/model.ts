/**
 * A draft .docx read into neutral facts: what a reader of the page would see (text, typeface, size,
 * alignment, indents, spacing, numbers Word draws), with every style resolved. Nothing here depends on
 * which program wrote the file or on this tool's own style names.
 */

export interface RunProps {
  /** Typeface of Chinese characters (`w:rFonts/@w:eastAsia`, or a theme slot like `(minorEastAsia)`). */
  readonly eastAsiaFont?: string;
  /** Typeface of Latin letters and digits. */
  readonly asciiFont?: string;
  readonly sizePt?: number;
  readonly bold: boolean;
  readonly italic: boolean;
  /** Character scaling `w:w` in per cent (100 = none). */
  readonly scalePct: number;
  /** Character spacing `w:spacing` in points (negative = condensed). */
  readonly spacingPt: number;
  /** `RRGGBB` upper case, or undefined for automatic (black). */
  readonly colour?: string;
}

export interface DraftRun extends RunProps {
  readonly text: string;
}

export interface Border {
  readonly colour?: string;
  /** Eighths of a point, as `w:sz`. */
  readonly sizeEighths: number;
}

export interface DraftParagraph {
  /** Position among the body's paragraphs (table cells included), from 0. */
  readonly index: number;
  /** Text as typed: runs, tabs as "\t", manual line breaks as "\n". */
  readonly text: string;
  /** The number Word draws in front (list numbering resolved through numbering.xml), e.g. `一、`. */
  readonly numberingText?: string;
  readonly runs: readonly DraftRun[];
  readonly styleId?: string;
  readonly styleName?: string;
  readonly align: "left" | "center" | "right" | "both" | "distribute";
  /** Twips; `firstLine` negative for a hanging indent. */
  readonly indent: { readonly left: number; readonly right: number; readonly firstLine: number; readonly firstLineChars?: number; readonly leftChars?: number };
  readonly spacing: { readonly line?: number; readonly lineRule: "auto" | "exact" | "atLeast"; readonly before: number; readonly after: number };
  readonly pageBreakBefore: boolean;
  readonly borders: { readonly top?: Border; readonly bottom?: Border };
  /** Shapes drawn in the paragraph (lines, rectangles), by their outline colour. */
  readonly shapes: readonly { readonly colour?: string }[];
  readonly table?: { readonly index: number; readonly row: number; readonly cell: number };
}

export interface DraftTable {
  readonly index: number;
  /** Cell text, row by row. */
  readonly rows: readonly (readonly string[])[];
  /** Index of its first paragraph. */
  readonly firstParagraph: number;
}

export interface DraftFooter {
  readonly type: "default" | "first" | "even";
  readonly text: string;
  readonly hasPageField: boolean;
  readonly align: DraftParagraph["align"];
  readonly runs: readonly DraftRun[];
}

export interface DraftSection {
  readonly pageWidthMm: number;
  readonly pageHeightMm: number;
  readonly marginMm: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  readonly footerMm?: number;
  readonly grid: { readonly type?: string; readonly linePitchTwips?: number; readonly charSpace?: number };
  readonly landscape: boolean;
}

export interface Draft {
  readonly file: string;
  readonly sections: readonly DraftSection[];
  readonly paragraphs: readonly DraftParagraph[];
  readonly tables: readonly DraftTable[];
  readonly footers: readonly DraftFooter[];
}
