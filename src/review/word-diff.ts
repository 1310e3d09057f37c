/**
 * Changes inside one paragraph, at the granularity of Chinese words: the text is cut by
 * `Intl.Segmenter("zh", { granularity: "word" })` (ICU's dictionary segmentation; Node ships full
 * ICU), and the token sequences are compared with jsdiff's `diffArrays`. Character diffs of Chinese
 * read as noise (公[-共-]{+开+}); word diffs read as edits (公共→公开 as one word).
 */
import { diffArrays } from "diff";
import { MAX_WORD_DIFF_EDITS } from "../limits.js";

export type SegmentOp = "equal" | "insert" | "delete";

export interface Segment {
  readonly op: SegmentOp;
  readonly text: string;
}

const segmenter = new Intl.Segmenter("zh", { granularity: "word" });

/**
 * ICU's dictionary segmentation takes time growing with the square of an unbroken run of Chinese
 * (40,000 characters without punctuation: 44 s), so the text is handed to it in pieces: each ends
 * after punctuation or a space, and a run longer than SEGMENT_PIECE without any is cut every
 * SEGMENT_PIECE characters from the run's start. The cuts depend on the text around them only, so an
 * edit in one sentence cannot move the cuts, and the words, of another; ordinary sentences are far
 * shorter than a piece, so their words are as before.
 */
const SEGMENT_PIECE = 400;
const PIECE_END = /[。，、；：！？,.;:!?\s）)」』”]/gu;

export function segmentWords(text: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < text.length) {
    PIECE_END.lastIndex = start;
    const punctuation = PIECE_END.exec(text);
    let end = punctuation ? punctuation.index + punctuation[0].length : text.length;
    if (end - start > SEGMENT_PIECE) {
      end = start + SEGMENT_PIECE;
      // Never split a surrogate pair.
      if (/[\uD800-\uDBFF]/u.test(text[end - 1]!)) end--;
    }
    for (const s of segmenter.segment(text.slice(start, end))) out.push(s.segment);
    start = end;
  }
  return out;
}

/**
 * Segments in order; within one change, the deletion comes before the insertion. Concatenating the
 * equal and delete segments gives `oldText`, the equal and insert segments give `newText`.
 */
export function wordDiff(oldText: string, newText: string): Segment[] {
  if (oldText === newText) return oldText === "" ? [] : [{ op: "equal", text: oldText }];
  const oldWords = segmentWords(oldText);
  const newWords = segmentWords(newText);
  // The words both ends share are equal without search: a long paragraph edited in one place costs
  // nothing more than a short one.
  let head = 0;
  while (head < oldWords.length && head < newWords.length && oldWords[head] === newWords[head]) head++;
  let tail = 0;
  while (tail < oldWords.length - head && tail < newWords.length - head && oldWords[oldWords.length - 1 - tail] === newWords[newWords.length - 1 - tail]) tail++;
  const oldMiddle = oldWords.slice(head, oldWords.length - tail);
  const newMiddle = newWords.slice(head, newWords.length - tail);
  // Myers' search costs (N + M) × D: one 120,000-character paragraph rewritten took 672 s and 1.26 GB.
  // Past MAX_WORD_DIFF_EDITS differing words the middle is shown as one replacement — still exact
  // (Accept All gives the new text, Reject All the old), only coarser. A cap on edits, not on time,
  // so the same drafts always give the same result.
  const changes = diffArrays(oldMiddle, newMiddle, { maxEditLength: MAX_WORD_DIFF_EDITS });
  const middle: Segment[] = changes
    ? changes.map((c) => ({ op: c.added ? "insert" : c.removed ? "delete" : "equal", text: c.value.join("") }))
    : [
        { op: "delete", text: oldMiddle.join("") },
        { op: "insert", text: newMiddle.join("") },
      ];
  const raw: Segment[] = [{ op: "equal", text: oldWords.slice(0, head).join("") }, ...middle, { op: "equal", text: oldWords.slice(oldWords.length - tail).join("") }];
  return normalise(absorbShortEqualities(normalise(raw)));
}

/**
 * A one-character equality between two edits (a 的 or a comma both versions happen to share) splits
 * one rewrite into two; like diff-match-patch's semantic cleanup, an equality no longer than the
 * edits on both sides of it is folded into them.
 */
function absorbShortEqualities(segments: Segment[]): Segment[] {
  let out = segments;
  for (let changed = true; changed; ) {
    changed = false;
    for (let k = 1; k + 1 < out.length; k++) {
      const eq = out[k]!;
      if (eq.op !== "equal") continue;
      const before = editLength(out, k, -1);
      const after = editLength(out, k, 1);
      const length = [...eq.text].length;
      if (before > 0 && after > 0 && length <= before && length <= after && length <= 2) {
        out = [...out.slice(0, k), { op: "delete", text: eq.text }, { op: "insert", text: eq.text }, ...out.slice(k + 1)];
        out = normalise(out);
        changed = true;
        break;
      }
    }
  }
  return out;
}

/** The larger of the deleted and inserted lengths of the edit run next to position k. */
function editLength(segments: readonly Segment[], k: number, step: 1 | -1): number {
  let deleted = 0;
  let inserted = 0;
  for (let at = k + step; at >= 0 && at < segments.length && segments[at]!.op !== "equal"; at += step) {
    const length = [...segments[at]!.text].length;
    if (segments[at]!.op === "delete") deleted += length;
    else inserted += length;
  }
  return Math.max(deleted, inserted);
}

/** Merges neighbours of the same kind and orders each run of edits as all deletions, then all insertions. */
function normalise(segments: readonly Segment[]): Segment[] {
  const out: Segment[] = [];
  let deleted = "";
  let inserted = "";
  const flush = () => {
    if (deleted) out.push({ op: "delete", text: deleted });
    if (inserted) out.push({ op: "insert", text: inserted });
    deleted = "";
    inserted = "";
  };
  for (const s of segments) {
    if (s.text === "") continue;
    if (s.op === "delete") deleted += s.text;
    else if (s.op === "insert") inserted += s.text;
    else {
      flush();
      const last = out[out.length - 1];
      if (last?.op === "equal") out[out.length - 1] = { op: "equal", text: last.text + s.text };
      else out.push(s);
    }
  }
  flush();
  return out;
}

export function oldTextOf(segments: readonly Segment[]): string {
  return segments.filter((s) => s.op !== "insert").map((s) => s.text).join("");
}

export function newTextOf(segments: readonly Segment[]): string {
  return segments.filter((s) => s.op !== "delete").map((s) => s.text).join("");
}
