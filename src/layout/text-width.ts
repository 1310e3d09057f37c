/**
 * Width measurement and greedy line filling for 公文 text (GB/T 9704 grid: 28 字 × 22 lines).
 *
 * Model, checked against LibreOffice 7.4 rendering docx files made with the spec §1.4 defaults
 * (240 random mixed paragraphs: every line count and 234 of 240 line-by-line breaks agree):
 * - CJK/full-width characters advance 1 em, ASCII uses Times New Roman widths, and every character
 *   gets the run tracking (w:spacing, default −0.25 pt), so one 3号 字 is 15.75 pt.
 * - Autospace (w:autoSpaceDE/DN, on when omitted): 0.2 em where an Asian letter/digit meets a
 *   Western one (LibreOffice uses 20 % of the font height).
 * - LibreOffice gives no tracking to the last character of a script run or of a line.
 * - Hanging punctuation (w:overflowPunct, on when omitted): one , . 、。，etc. that would start
 *   the next line hangs past the margin instead.
 * - Kinsoku lists are LibreOffice's zh-CN ForbiddenCharacters.
 * Known gap: LibreOffice sets curly quotes after digits or at a paragraph start in the Western
 * font (half width); we always count them full width, as Word with the eastAsia hint does.
 *
 * The character tables are in glyph-class.ts and the per-character pass in glyph-run.ts: every render
 * measures every paragraph, so measuring works on typed arrays instead of an object per character.
 */

import {
  HANGING,
  HANGS,
  isWide,
  isZeroWidth,
  LINE_END_FORBIDDEN,
  LINE_START_FORBIDDEN,
  RUN_END,
  SPACE,
  TIMES_ASCII,
} from "./glyph-class.js";
import { canBreakBefore, glyphs, scanGlyphs } from "./glyph-run.js";

export const BODY_FONT_SIZE_PT = 16;
export const DEFAULT_TRACKING_PT = -0.25;
/** 版心 width: 8845 twips. */
export const TYPE_AREA_WIDTH_PT = 442.25;
export const DEFAULT_ASIAN_LATIN_SPACING_EM = 0.2;

export { isWide };

/** Advance of one code point in em, without tracking. */
export function charAdvanceEm(cp: number): number {
  if (isZeroWidth(cp)) return 0;
  if (cp >= 0x20 && cp <= 0x7e) return (TIMES_ASCII[cp - 0x20] ?? 500) / 1000;
  if (cp === 0xa0) return 0.25;
  // Unlisted non-CJK characters (Latin-1 letters, symbols): a Times-like average.
  return isWide(cp) ? 1 : 0.5;
}

export const isLineStartForbidden = (ch: string): boolean => LINE_START_FORBIDDEN.has(ch);
export const isLineEndForbidden = (ch: string): boolean => LINE_END_FORBIDDEN.has(ch);
export const isHangingPunctuation = (ch: string): boolean => HANGING.has(ch);

/**
 * "libreoffice" (default, measured with 7.4): autospace 0.2 em, and the last character of a
 * script run (Asian/Western) or of a line gets no tracking. "word": autospace ¼ em (spec §1.6,
 * not measured here) and tracking on every character.
 */
export type LayoutEngine = "libreoffice" | "word";

export interface WidthOptions {
  fontSizePt?: number;
  /** Added to every character, like w:spacing. Default −0.25 pt. */
  trackingPt?: number;
  /** Space between Asian and Western letters/digits, in em; 0 turns autospace off. */
  asianLatinSpacingEm?: number;
  engine?: LayoutEngine;
}

export interface LineOptions extends WidthOptions {
  lineWidthPt?: number;
  /** First-line indent in 字 of this font size (2 for body paragraphs). */
  firstLineIndentChars?: number;
  /** Let , . 、。，etc. hang past the right margin instead of pulling a character down. */
  hangingPunctuation?: boolean;
}

function autospaceEm(opts: WidthOptions): number {
  return opts.asianLatinSpacingEm ?? (opts.engine === "word" ? 0.25 : DEFAULT_ASIAN_LATIN_SPACING_EM);
}

/** Width in pt of `text` on one line: advance + tracking for every character, plus autospace. */
export function textWidth(text: string, opts: WidthOptions = {}): number {
  const size = opts.fontSizePt ?? BODY_FONT_SIZE_PT;
  const tracking = opts.trackingPt ?? DEFAULT_TRACKING_PT;
  // Removed, not skipped: a surrogate pair split by "\n" joins into one character, as it always has.
  const flat = text.includes("\n") ? text.replace(/\n/g, "") : text;
  const n = scanGlyphs(flat, 0, flat.length, size, autospaceEm(opts) * size);
  const { advance, kern } = glyphs;
  let sum = 0;
  // Summed in the original order ((sum + advance) + tracking) + kern, so the result is bit-identical.
  for (let i = 0; i < n; i++) sum = sum + (advance[i] as number) + tracking + (i > 0 ? (kern[i] as number) : 0);
  return sum;
}

/** Width in 字 of 3号 body text (15.75 pt per 字 with the default tracking). */
export function charUnits(text: string): number {
  return textWidth(text) / (BODY_FONT_SIZE_PT + DEFAULT_TRACKING_PT);
}

/** LineOptions with their defaults, read once per call: option objects come in many shapes. */
interface LineSettings {
  readonly size: number;
  readonly tracking: number;
  readonly autospace: number;
  readonly lineWidth: number;
  readonly indentChars: number;
  readonly hanging: boolean;
  readonly word: boolean;
}

function lineSettings(opts: LineOptions): LineSettings {
  const size = opts.fontSizePt ?? BODY_FONT_SIZE_PT;
  return {
    size,
    tracking: opts.trackingPt ?? DEFAULT_TRACKING_PT,
    autospace: autospaceEm(opts) * size,
    lineWidth: opts.lineWidthPt ?? TYPE_AREA_WIDTH_PT,
    indentChars: opts.firstLineIndentChars ?? 0,
    hanging: opts.hangingPunctuation ?? true,
    word: opts.engine === "word",
  };
}

/** Lines a paragraph is broken into by greedy CJK filling; "\n" is a hard line break. */
export function breakLines(text: string, opts: LineOptions = {}): string[] {
  const out: string[] = [];
  breakText(text, lineSettings(opts), out);
  return out;
}

/** Number of lines a paragraph occupies (an empty paragraph still takes one). */
export function linesNeeded(text: string, opts: LineOptions = {}): number {
  return breakText(text, lineSettings(opts), undefined);
}

/** linesNeeded with fixed options, for callers that measure many strings alike. */
export function lineCounter(opts: LineOptions = {}): (text: string) => number {
  const settings = lineSettings(opts);
  return (text) => breakText(text, settings, undefined);
}

/**
 * Breaks every "\n"-separated part (only the first has the first-line indent) and returns the number
 * of lines; with `out`, also the lines' text.
 */
function breakText(text: string, s: LineSettings, out: string[] | undefined): number {
  let lines = 0;
  let from = 0;
  let indentChars = s.indentChars;
  for (;;) {
    const newline = text.indexOf("\n", from);
    const to = newline < 0 ? text.length : newline;
    const n = scanGlyphs(text, from, to, s.size, s.autospace);
    if (n === 0) {
      lines++;
      out?.push("");
    } else if (out) {
      const ends: number[] = [];
      lines += fillLines(n, s, indentChars, ends);
      // A line is the source text from its first glyph to the next line's first glyph: the zero-width
      // marks attached to a glyph follow it in the source, so no per-glyph strings are needed.
      const { offset } = glyphs;
      let a = 0;
      for (const b of ends) {
        out.push(text.slice(offset[a] as number, b < n ? (offset[b] as number) : to));
        a = b;
      }
    } else lines += fillLines(n, s, indentChars, undefined);
    if (newline < 0) return lines;
    from = newline + 1;
    indentChars = 0;
  }
}

const EPSILON = 1e-6;

/**
 * Greedy line filling over the scanned glyphs; returns the number of lines and, when `ends` is given,
 * pushes the glyph index where each line ends. The arithmetic is kept term for term, so that every
 * comparison with the line width rounds as it always has.
 */
function fillLines(n: number, s: LineSettings, indentChars: number, ends: number[] | undefined): number {
  const { tracking, lineWidth, hanging, word } = s;
  const { advance, kern, flags } = glyphs;
  let lines = 0;
  let available = lineWidth - indentChars * (s.size + tracking);
  let start = 0;
  while (start < n) {
    let x = 0;
    let j = start;
    for (; j < n; j++) {
      const k = j > start ? (kern[j] as number) : 0;
      const a = advance[j] as number;
      // The candidate is the line's last character: LibreOffice leaves it untracked.
      if (x + k + a + (word ? tracking : 0) > available + EPSILON) break;
      x += k + a + (word || !((flags[j] as number) & RUN_END) ? tracking : 0);
    }
    lines++;
    if (j >= n) {
      ends?.push(n);
      break;
    }
    let end = j;
    const over = flags[j] as number;
    if (over & SPACE) {
      while (end < n && (flags[end] as number) & SPACE) end++; // trailing spaces do not need room
    } else if (hanging && j > start && !((flags[j - 1] as number) & RUN_END) && over & HANGS && canBreakBefore(n, j + 1)) {
      // Only punctuation inside a script run can hang: LibreOffice decides it per text portion.
      end = j + 1;
    } else {
      while (end > start && !canBreakBefore(n, end)) end--;
      if (end === start) end = Math.max(j, start + 1); // unbreakable run wider than the line
    }
    ends?.push(end);
    start = end;
    available = lineWidth;
  }
  return lines;
}
