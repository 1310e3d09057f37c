/**
 * Per-code-point classes for text measuring: the character tables of the width model, folded into one
 * byte per code point. Measuring runs over every character of every paragraph on each render, and
 * looking a class up here costs one array read instead of set, range and Unicode-regex tests.
 */

/** Times New Roman / Liberation Serif advance widths for U+0020..U+007E, 1/1000 em. */
// prettier-ignore
export const TIMES_ASCII: readonly number[] = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // space ! " # $ % & ' ( ) * + , - . /
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0-9 : ; < = > ?
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @ A-O
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P-Z [ \ ] ^ _
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // ` a-o
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541,      // p-z { | } ~
];

export const LINE_START_FORBIDDEN = new Set(
  ":!),.:;?]}¢'\"、。〉》」』】〕〗〞︰︱︳﹐､﹒﹔﹕﹖﹗﹚﹜﹞！），．：；？｜｝︴︶︸︺︼︾﹀﹂﹄﹏～￠々‖•·ˇˉ―-′’”",
);
export const LINE_END_FORBIDDEN = new Set("([{£¥'\"‵〈《「『【〔〖（［｛￡￥〝︵︷︹︻︽︿﹁﹃﹙﹛﹝“‘");
export const HANGING = new Set("!,.:;?、。！，．：；？");

// Non-CJK-block characters that Chinese fonts (and Word with the eastAsia hint) set full width.
export const WIDE_SINGLES = new Set([0xb7, 0x2014, 0x2015, 0x2016, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0x203b, 0x2103, 0x2116]);
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

const LETTER_OR_DIGIT = /^[\p{L}\p{N}]/u;

const inRanges = (cp: number, ranges: ReadonlyArray<readonly [number, number]>): boolean =>
  ranges.some(([lo, hi]) => cp >= lo && cp <= hi);

/** True for characters typeset one em wide (ideographs, kana, full-width forms, CJK punctuation). */
export function isWide(cp: number): boolean {
  return WIDE_SINGLES.has(cp) || inRanges(cp, WIDE_RANGES);
}

export function isZeroWidth(cp: number): boolean {
  return inRanges(cp, ZERO_WIDTH_RANGES);
}

/*
 * Class bits. The low ones are also the glyph flags of glyph-run.ts, so a glyph takes its flags from
 * its character's class with one mask.
 */
/** U+0020, a break opportunity that hangs at the line end. */
export const SPACE = 1;
/** Set one em wide (kind "wide"); a character neither SPACE nor WIDE is "narrow". */
export const WIDE = 2;
/** Glyph-only flag (see glyph-run.ts); never set in a class. */
export const RUN_END = 4;
/** \p{L} or \p{N}: takes autospace next to the other script. */
export const LETTER = 8;
export const START_FORBIDDEN = 16;
export const END_FORBIDDEN = 32;
export const HANGS = 64;
/** "—" and "-" themselves; cleared on a glyph that carries zero-width marks. */
export const EM_DASH = 128;
export const HYPHEN = 256;
/** The class bits a glyph keeps as its flags. */
export const GLYPH_BITS = SPACE | WIDE | LETTER | START_FORBIDDEN | END_FORBIDDEN | HANGS | EM_DASH | HYPHEN;
/** Script-neutral: joins the script run before it (spaces, and General Punctuation set full width). */
export const WEAK = 512;
/** Zero width (combining marks, joiners, variation selectors) or CR: belongs to the character before it. */
export const ATTACHED = 1024;
/** Marks a filled table slot, so that a class of 0 can mean "not computed yet". */
const KNOWN = 0x8000;

function computeClass(cp: number): number {
  // The string sets hold single BMP characters, so an astral character (two code units) is in none of
  // them, just as its first code unit (a lone surrogate) is not.
  const ch = String.fromCodePoint(cp);
  let cls = KNOWN;
  if (cp === 0x20) cls |= SPACE | WEAK;
  else if (isWide(cp)) cls |= WIDE;
  if (WIDE_SINGLES.has(cp)) cls |= WEAK;
  if (isZeroWidth(cp) || cp === 0x0d) cls |= ATTACHED;
  if (LETTER_OR_DIGIT.test(ch)) cls |= LETTER;
  if (LINE_START_FORBIDDEN.has(ch)) cls |= START_FORBIDDEN;
  if (LINE_END_FORBIDDEN.has(ch)) cls |= END_FORBIDDEN;
  if (HANGING.has(ch)) cls |= HANGS;
  if (cp === 0x2014) cls |= EM_DASH;
  if (cp === 0x2d) cls |= HYPHEN;
  return cls;
}

// Filled on first sight of each BMP character: 128 KB, and a document touches only a few hundred slots.
const BMP_CLASSES = new Uint16Array(0x10000);
const ASTRAL_CLASSES = new Map<number, number>();

/** The class bits of a valid code point (lone surrogates included, as the string iterator yields them). */
export function classOf(cp: number): number {
  if (cp < 0x10000) {
    const cls = BMP_CLASSES[cp] as number;
    if (cls !== 0) return cls;
    return (BMP_CLASSES[cp] = computeClass(cp));
  }
  let cls = ASTRAL_CLASSES.get(cp);
  if (cls === undefined) ASTRAL_CLASSES.set(cp, (cls = computeClass(cp)));
  return cls;
}

// The same quotients as TIMES_ASCII[i] / 1000 computed per character, so widths stay bit-identical.
const ASCII_EM = Float64Array.from(TIMES_ASCII, (w) => w / 1000);

/** Advance in em of a character that is not zero width, given its class. */
export function advanceEm(cp: number, cls: number): number {
  if (cp >= 0x20 && cp <= 0x7e) return ASCII_EM[cp - 0x20] as number;
  if (cp === 0xa0) return 0.25;
  // Unlisted non-CJK characters (Latin-1 letters, symbols): a Times-like average.
  return cls & WIDE ? 1 : 0.5;
}
