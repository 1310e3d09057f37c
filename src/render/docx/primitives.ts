import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions, type IRunOptions } from "docx";
import type { FontProfile, FontRole } from "../../layout/fonts.js";
import { COLOUR, GRID } from "../../layout/gbt9704.js";
import { pointsToHalfPoints } from "../../layout/units.js";
import { ELEMENT_STYLES } from "./element-styles.js";

/**
 * Small factories shared by the renderer's modules: a run in a role's face, a grid line, an empty line.
 * Fonts are set on every channel (eastAsia for Chinese, the Latin face for letters and digits) so
 * nothing falls back to theme fonts.
 */

export interface RenderContext {
  readonly fonts: FontProfile;
}

export interface RunStyle {
  readonly role?: FontRole;
  readonly sizePt?: number;
  readonly colour?: string;
  /** Latin text in the Chinese face too (page numbers are 宋体 throughout, §7.5). */
  readonly latinInRoleFace?: boolean;
  /** Horizontal scale; the document default condenses body text to fit 28 characters a line. */
  readonly scalePercent?: number;
}

export function fontFor(context: RenderContext, role: FontRole, latinInRoleFace = false) {
  const face = context.fonts[role];
  const latin = latinInRoleFace ? face : context.fonts.latin;
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia: face, ...(latinInRoleFace ? { hint: "eastAsia" } : {}) };
}

export function run(context: RenderContext, text: string, style: RunStyle = {}, extra: Partial<IRunOptions> = {}): TextRun {
  return new TextRun({
    text,
    font: fontFor(context, style.role ?? "fangsong", style.latinInRoleFace),
    ...(style.sizePt !== undefined ? { size: pointsToHalfPoints(style.sizePt), sizeComplexScript: pointsToHalfPoints(style.sizePt) } : {}),
    ...(style.colour ? { color: style.colour } : {}),
    ...(style.scalePercent !== undefined ? { scale: style.scalePercent } : {}),
    ...extra,
  });
}

/** Exact line spacing of `lines` grid lines: the grid is what gives 22 lines a page. */
export function gridSpacing(before = 0, lineTwips: number = GRID.linePitchTwips) {
  return { line: lineTwips, lineRule: LineRuleType.EXACT, before, after: 0 };
}

/** A paragraph on the grid with the body defaults, overridable. */
export function gridParagraph(options: IParagraphOptions): Paragraph {
  return new Paragraph({
    widowControl: false,
    spacing: gridSpacing(),
    ...options,
  });
}

/** An empty grid line (空一行), optionally kept with what follows. */
export function emptyLine(keepNext = false): Paragraph {
  return gridParagraph({ style: ELEMENT_STYLES.spacer.id, keepNext, alignment: AlignmentType.LEFT, children: [] });
}

export const RED = COLOUR.red;
