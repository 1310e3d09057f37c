/**
 * The text-width model as it was before the measuring was rewritten for speed (git f99db55,
 * src/layout/text-width.ts), kept verbatim as the reference the fast version must match bit for bit.
 * Test-only: nothing in src/ imports it.
 */
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
 */

export const BODY_FONT_SIZE_PT = 16;
export const DEFAULT_TRACKING_PT = -0.25;
/** 版心 width: 8845 twips. */
export const TYPE_AREA_WIDTH_PT = 442.25;
export const DEFAULT_ASIAN_LATIN_SPACING_EM = 0.2;

/** Times New Roman / Liberation Serif advance widths for U+0020..U+007E, 1/1000 em. */
// prettier-ignore
const TIMES_ASCII: readonly number[] = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // space ! " # $ % & ' ( ) * + , - . /
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0-9 : ; < = > ?
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @ A-O
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P-Z [ \ ] ^ _
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // ` a-o
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,      // p-z { | } ~
];

const LINE_START_FORBIDDEN = new Set(
  ":!),.:;?]}¢'\"、。〉》」』】〕〗〞︰︱︳﹐､﹒﹔﹕﹖﹗﹚﹜﹞！），．：；？｜｝︴︶︸︺︼︾﹀﹂﹄﹏～￠々‖•·ˇˉ―-′’”",
);
const LINE_END_FORBIDDEN = new Set("([{£¥'\"‵〈《「『【〔〖（［｛￡￥〝︵︷︹︻︽︿﹁﹃﹙﹛﹝“‘");
const HANGING = new Set("!,.:;?、。！，．：；？");

// Non-CJK-block characters that Chinese fonts (and Word with the eastAsia hint) set full width.
const WIDE_SINGLES = new Set([0xb7, 0x2014, 0x2015, 0x2016, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0x203b, 0x2103, 0x2116]);
// prettier-ignore
const WIDE_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x1100, 0x115f], [0x2160, 0x217f], [0x2190, 0x2199], [0x2460, 0x24ff], [0x2500, 0x257f],
  [0x25a0, 0x26ff], [0x2e80, 0x303e], [0x3041, 0x33ff], [0x3400, 0x4dbf], [0x4e00, 0x9fff],
  [0xa000, 0xa4cf], [0xac00, 0xd7a3], [0xf900, 0xfaff], [0xfe10, 0xfe19], [0xfe30, 0xfe6f],
  [0xff01, 0xff60], [0xffe0, 0xffe6], [0x1f300, 0x1f64f], [0x1f900, 0x1f9ff], [0x20000, 0x3fffd],
];
// prettier-ignore
const ZERO_WIDTH_RANGES: ReadonlyArray<readonly [number, number]> = [
  [0x0300, 0x036f], [0x200b, 0x200f], [0x2060, 0x2064], [0xfe00, 0xfe0f], [0xfeff, 0xfeff], [0xe0100, 0xe01ef],
];

const inRanges = (cp: number, ranges: ReadonlyArray<readonly [number, number]>): boolean =>
  ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

/** True for characters typeset one em wide (ideographs, kana, full-width forms, CJK punctuation). */
export function isWide(cp: number): boolean {
  return WIDE_SINGLES.has(cp) || inRanges(cp, WIDE_RANGES);
}

function isZeroWidth(cp: number): boolean {
  return inRanges(cp, ZERO_WIDTH_RANGES);
}

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

type Kind = "wide" | "narrow" | "space";
interface Glyph {
  text: string;
  kind: Kind;
  /** Advance without tracking. */
  advance: number;
  /** Autospace before this glyph; dropped at the start of a line. */
  kern: number;
  /** Next glyph is in another script, so LibreOffice ends a text portion here. */
  runEnd: boolean;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

function autospaceEm(opts: WidthOptions): number {
  return opts.asianLatinSpacingEm ?? (opts.engine === "word" ? 0.25 : DEFAULT_ASIAN_LATIN_SPACING_EM);
}

function toGlyphs(text: string, opts: WidthOptions): Glyph[] {
  const size = opts.fontSizePt ?? BODY_FONT_SIZE_PT;
  const autospace = autospaceEm(opts) * size;
  const glyphs: Glyph[] = [];
  let prevAsian: boolean | undefined;
  let prevLetter = false;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    const prev = glyphs[glyphs.length - 1];
    if (isZeroWidth(cp) || ch === "\r") {
      if (prev) prev.text += ch; // marks belong to their base character and never take tracking
      continue;
    }
    const kind: Kind = ch === " " ? "space" : isWide(cp) ? "wide" : "narrow";
    const letter = LETTER_OR_DIGIT.test(ch);
    // Spaces and General Punctuation (quotes, dashes, …) are script-neutral: they join the run
    // before them; LibreOffice treats a paragraph-initial one as Western.
    const weak = kind === "space" || WIDE_SINGLES.has(cp);
    const asian = weak ? (prevAsian ?? false) : kind === "wide";
    const change = prevAsian !== undefined && asian !== prevAsian;
    if (prev && change) prev.runEnd = true;
    const kern = change && letter && prevLetter ? autospace : 0;
    glyphs.push({ text: ch, kind, advance: charAdvanceEm(cp) * size, kern, runEnd: false });
    prevAsian = asian;
    prevLetter = letter;
  }
  return glyphs;
}

/** Width in pt of `text` on one line: advance + tracking for every character, plus autospace. */
export function textWidth(text: string, opts: WidthOptions = {}): number {
  const tracking = opts.trackingPt ?? DEFAULT_TRACKING_PT;
  const glyphs = toGlyphs(text.replace(/\n/g, ""), opts);
  return glyphs.reduce((sum, g, i) => sum + g.advance + tracking + (i > 0 ? g.kern : 0), 0);
}

/** Width in 字 of 3号 body text (15.75 pt per 字 with the default tracking). */
export function charUnits(text: string): number {
  return textWidth(text) / (BODY_FONT_SIZE_PT + DEFAULT_TRACKING_PT);
}

function canBreakBefore(glyphs: readonly Glyph[], i: number): boolean {
  const prev = glyphs[i - 1];
  const cur = glyphs[i];
  if (!prev || !cur) return true;
  if (cur.kind === "space") return false; // spaces stay at the end of the line they follow
  if (LINE_START_FORBIDDEN.has(cur.text[0] ?? "")) return false;
  if (prev.kind === "space") return true;
  if (prev.text === "—" && cur.text === "—") return false; // a 破折号 is one mark drawn with two dashes
  if (LINE_END_FORBIDDEN.has(prev.text[0] ?? "")) return false;
  // A Western word is one unit; only a hyphen offers a break inside it (LibreOffice: "COVID-|19").
  if (prev.kind === "narrow" && cur.kind === "narrow") return prev.text === "-" && LETTER_OR_DIGIT.test(cur.text);
  return true;
}

const EPSILON = 1e-6;

function breakParagraph(glyphs: readonly Glyph[], opts: LineOptions): string[] {
  const size = opts.fontSizePt ?? BODY_FONT_SIZE_PT;
  const tracking = opts.trackingPt ?? DEFAULT_TRACKING_PT;
  const lineWidth = opts.lineWidthPt ?? TYPE_AREA_WIDTH_PT;
  const hanging = opts.hangingPunctuation ?? true;
  const word = opts.engine === "word";
  const n = glyphs.length;
  const lines: string[] = [];
  const join = (a: number, b: number) => glyphs.slice(a, b).map((g) => g.text).join("");
  let available = lineWidth - (opts.firstLineIndentChars ?? 0) * (size + tracking);
  let start = 0;
  while (start < n) {
    let x = 0;
    let j = start;
    for (; j < n; j++) {
      const g = glyphs[j] as Glyph;
      const kern = j > start ? g.kern : 0;
      // The candidate is the line's last character: LibreOffice leaves it untracked.
      if (x + kern + g.advance + (word ? tracking : 0) > available + EPSILON) break;
      x += kern + g.advance + (word || !g.runEnd ? tracking : 0);
    }
    if (j >= n) {
      lines.push(join(start, n));
      break;
    }
    let end = j;
    const over = glyphs[j] as Glyph;
    if (over.kind === "space") {
      while (end < n && glyphs[end]?.kind === "space") end++; // trailing spaces do not need room
    } else if (hanging && j > start && !glyphs[j - 1]?.runEnd && HANGING.has(over.text[0] ?? "") && canBreakBefore(glyphs, j + 1)) {
      // Only punctuation inside a script run can hang: LibreOffice decides it per text portion.
      end = j + 1;
    } else {
      while (end > start && !canBreakBefore(glyphs, end)) end--;
      if (end === start) end = Math.max(j, start + 1); // unbreakable run wider than the line
    }
    lines.push(join(start, end));
    start = end;
    available = lineWidth;
  }
  return lines.length > 0 ? lines : [""];
}

/** Lines a paragraph is broken into by greedy CJK filling; "\n" is a hard line break. */
export function breakLines(text: string, opts: LineOptions = {}): string[] {
  const out: string[] = [];
  text.split("\n").forEach((part, i) => {
    out.push(...breakParagraph(toGlyphs(part, opts), i === 0 ? opts : { ...opts, firstLineIndentChars: 0 }));
  });
  return out;
}

/** Number of lines a paragraph occupies (an empty paragraph still takes one). */
export function linesNeeded(text: string, opts: LineOptions = {}): number {
  return breakLines(text, opts).length;
}
