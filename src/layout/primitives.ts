import type { FontProfile, FontRole } from "./fonts.js";
import { COLOUR, GRID } from "./gbt9704.js";
import { pointsToHalfPoints } from "./units.js";
import { ELEMENT_STYLES } from "./element-styles.js";
import type { FontFaces, ParagraphSpec, RunContent, TextRunSpec } from "./spec.js";

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
  /** Keep the run off the line grid (the mark's large type). */
  readonly offGrid?: boolean;
  /** A line break before the text (a title's later lines). */
  readonly breakBefore?: boolean;
}

/**
 * Faces on every channel. Latin letters and digits of running text go in the Latin face; a run "in its
 * role's face" (标志, 标题, 页码) has no other face at all, digits included, as a clerk setting the title in
 * 方正小标宋简体 in Word would have it. The eastAsia hint makes Word (and WPS) set the characters
 * Unicode leaves ambiguous — curly quotes, ·, —, … — in the Chinese face, so 「“2·7”」 keeps
 * full-width marks beside its digits.
 */
export function fontFor(context: RenderContext, role: FontRole, latinInRoleFace = false): FontFaces {
  const face = context.fonts[role];
  const latin = latinInRoleFace ? face : context.fonts.latin;
  return { ascii: latin, hAnsi: latin, cs: latin, eastAsia: face, hint: "eastAsia" };
}

export function run(context: RenderContext, content: string | readonly RunContent[], style: RunStyle = {}): TextRunSpec {
  return {
    kind: "text",
    font: fontFor(context, style.role ?? "fangsong", style.latinInRoleFace),
    ...(style.sizePt !== undefined ? { sizeHalfPoints: pointsToHalfPoints(style.sizePt) } : {}),
    ...(style.colour ? { colour: style.colour } : {}),
    ...(style.scalePercent !== undefined ? { scalePercent: style.scalePercent } : {}),
    ...(style.offGrid ? { snapToGrid: false as const } : {}),
    ...(style.breakBefore ? { breakBefore: true } : {}),
    content: typeof content === "string" ? [content] : content,
  };
}

/** Exact line spacing of `lines` grid lines: the grid is what gives 22 lines a page. */
export function gridSpacing(before = 0, lineTwips: number = GRID.linePitchTwips) {
  return { line: lineTwips, before, after: 0 };
}

/** A paragraph on the grid with the body defaults, overridable. */
export function gridParagraph(options: Omit<ParagraphSpec, "kind">): ParagraphSpec {
  return { kind: "paragraph", widowControl: false, spacing: gridSpacing(), ...options };
}

/** An empty grid line (空一行), optionally kept with what follows. */
export function emptyLine(keepNext = false): ParagraphSpec {
  return gridParagraph({ style: ELEMENT_STYLES.spacer.id, keepNext, alignment: "left", runs: [] });
}

export const RED = COLOUR.red;
