import {
  advanceEm,
  ATTACHED,
  classOf,
  EM_DASH,
  END_FORBIDDEN,
  GLYPH_BITS,
  HYPHEN,
  LETTER,
  RUN_END,
  SPACE,
  START_FORBIDDEN,
  WEAK,
  WIDE,
} from "./glyph-class.js";

/**
 * A paragraph as glyphs (a character with the zero-width marks that follow it), held in shared typed
 * arrays: measuring allocates nothing per character, and the arrays are reused from call to call.
 * Valid until the next scanGlyphs call; measuring is synchronous and never re-enters itself.
 */

/**
 * Glyph flags are the character's class bits (SPACE, WIDE, LETTER, START_FORBIDDEN, END_FORBIDDEN,
 * HANGS, EM_DASH, HYPHEN) plus RUN_END: the next glyph is in another script, so LibreOffice ends a
 * text portion here. EM_DASH and HYPHEN mean the glyph is exactly "—" or "-", with no marks.
 */

export const glyphs = {
  /** Advance in pt without tracking. */
  advance: new Float64Array(256),
  /** Autospace in pt before the glyph; dropped at the start of a line. */
  kern: new Float64Array(256),
  flags: new Uint16Array(256),
  /** UTF-16 offset of the glyph's character in the scanned text. */
  offset: new Int32Array(256),
};

/** Glyphs kept allocated between calls (1.4 MB); a longer paragraph gets arrays of its own size. */
const RETAINED = 1 << 16;

function reserve(count: number): void {
  const length = glyphs.flags.length;
  // Grow for a long paragraph; after a huge one, give the memory back on the next ordinary call.
  if (count <= length && (length <= RETAINED || count > RETAINED)) return;
  const size = count > RETAINED ? count : Math.min(RETAINED, Math.max(count, 2 * Math.min(length, RETAINED)));
  glyphs.advance = new Float64Array(size);
  glyphs.kern = new Float64Array(size);
  glyphs.flags = new Uint16Array(size);
  glyphs.offset = new Int32Array(size);
}

const NO_SCRIPT = -1;
const WESTERN = 0;
const ASIAN = 1;

/** Reads text[from, to) into `glyphs` and returns their count. */
export function scanGlyphs(text: string, from: number, to: number, sizePt: number, autospacePt: number): number {
  reserve(to - from);
  const { advance, kern, flags, offset } = glyphs;
  let n = 0;
  let prevScript = NO_SCRIPT;
  let prevLetter = false;
  for (let i = from; i < to; ) {
    const at = i;
    // Code points as the string iterator yields them: a pair inside the range, else a lone unit.
    let cp = text.charCodeAt(i++);
    if (cp >= 0xd800 && cp <= 0xdbff && i < to) {
      const low = text.charCodeAt(i);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = (cp - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
        i++;
      }
    }
    const cls = classOf(cp);
    if (cls & ATTACHED) {
      // Marks belong to their base character and never take tracking; before any glyph they vanish.
      if (n > 0) flags[n - 1] = (flags[n - 1] as number) & ~(EM_DASH | HYPHEN);
      continue;
    }
    const letter = (cls & LETTER) !== 0;
    // Spaces and General Punctuation (quotes, dashes, …) are script-neutral: they join the run
    // before them; LibreOffice treats a paragraph-initial one as Western.
    const script = cls & WEAK ? (prevScript === ASIAN ? ASIAN : WESTERN) : cls & WIDE ? ASIAN : WESTERN;
    const change = prevScript !== NO_SCRIPT && script !== prevScript;
    if (change) flags[n - 1] = (flags[n - 1] as number) | RUN_END;
    kern[n] = change && letter && prevLetter ? autospacePt : 0;
    advance[n] = advanceEm(cp, cls) * sizePt;
    offset[n] = at;
    flags[n] = cls & GLYPH_BITS;
    n++;
    prevScript = script;
    prevLetter = letter;
  }
  return n;
}

/** Whether a line may break before glyph `i` of `n` (kinsoku, Western words, 破折号). */
export function canBreakBefore(n: number, i: number): boolean {
  if (i <= 0 || i >= n) return true;
  const prev = glyphs.flags[i - 1] as number;
  const cur = glyphs.flags[i] as number;
  if (cur & SPACE) return false; // spaces stay at the end of the line they follow
  if (cur & START_FORBIDDEN) return false;
  if (prev & SPACE) return true;
  if (prev & cur & EM_DASH) return false; // a 破折号 is one mark drawn with two dashes
  if (prev & END_FORBIDDEN) return false;
  // A Western word is one unit; only a hyphen offers a break inside it (LibreOffice: "COVID-|19").
  if (!(prev & WIDE) && !(cur & WIDE)) return (prev & HYPHEN) !== 0 && (cur & LETTER) !== 0;
  return true;
}
