/**
 * Where the words of a text begin, as ICU's word segmenter (`Intl.Segmenter`, dictionary-based for
 * Chinese) finds them: the basis of title line breaking and of the title checks.
 *
 * Building the segmenter costs ~7 ms in every process that uses it (ICU loads its Chinese dictionary),
 * as much as a tenth of a one-shot render. A store may remember the answers between processes: the
 * CLI keeps one in the user's cache folder (src/platform/word-boundary-cache.ts), keyed by Node's ICU
 * version, so the same title gives the same boundaries whether they come from the store or from ICU.
 */

export interface WordBoundaryStore {
  get(text: string): readonly number[] | undefined;
  set(text: string, starts: readonly number[]): void;
}

let store: WordBoundaryStore | undefined;
let segmenter: Intl.Segmenter | undefined;

/** Installs (or, with undefined, removes) the store asked before ICU. */
export function useWordBoundaryStore(next: WordBoundaryStore | undefined): void {
  store = next;
}

/** UTF-16 offsets where the words of `text` begin, ascending, the first 0 (none for ""). */
export function wordStarts(text: string): readonly number[] {
  const known = store?.get(text);
  if (known) return known;
  const starts = segmentedWordStarts(text);
  store?.set(text, starts);
  return starts;
}

/** ICU's answer, never a store's. */
export function segmentedWordStarts(text: string): number[] {
  segmenter ??= new Intl.Segmenter("zh", { granularity: "word" });
  return Array.from(segmenter.segment(text), (segment) => segment.index);
}

/** Whether `starts` can be word starts of `text`: what a store's answer must be to be used. */
export function validWordStarts(text: string, starts: unknown): starts is readonly number[] {
  if (!Array.isArray(starts)) return false;
  if (text.length === 0) return starts.length === 0;
  if (starts[0] !== 0) return false;
  for (let i = 1; i < starts.length; i++) {
    const at: unknown = starts[i];
    if (typeof at !== "number" || !Number.isInteger(at) || at <= (starts[i - 1] as number) || at >= text.length) return false;
  }
  return true;
}
