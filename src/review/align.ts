/**
 * Pairs the paragraphs of two drafts, in three steps:
 *
 * 1. the common head and tail (identical paragraphs) are set aside;
 * 2. the middle is paired by dynamic programming, like a longest common subsequence in which an
 *    identical pair scores a little over 1 and an edited pair its similarity, if at least
 *    `pairThreshold`: so a rewritten sentence shows as a change inside its paragraph rather than as
 *    a deletion plus an insertion, and of two orders the one keeping more (and more alike) paragraphs
 *    wins. Middles larger than `maxPairs` pairs fall back to exact matches (jsdiff's Myers diff on
 *    whole paragraphs) with the same pairing inside each gap between them;
 * 3. moves: a deleted paragraph equal or nearly equal (`moveThreshold`) to an inserted one anywhere
 *    else, most alike first.
 *
 * The result lists every paragraph of both sides once, in reading order (old order for deleted
 * paragraphs, new order for the rest). A move appears twice: `moveFrom` where the paragraph left,
 * `moveTo` where it arrived, so renderers can show either end (tracked changes need both).
 */
import { diffArrays } from "diff";
import { MAX_PARAGRAPH_DIFF_EDITS } from "../limits.js";
import { profile, similarity, type Profile } from "./similarity.js";
import { pushAll } from "./push-all.js";

export type AlignOp =
  | { readonly type: "equal"; readonly old: number; readonly new: number }
  | { readonly type: "changed"; readonly old: number; readonly new: number; readonly similarity: number }
  | { readonly type: "inserted"; readonly new: number }
  | { readonly type: "deleted"; readonly old: number }
  | { readonly type: "moveFrom"; readonly old: number; readonly new: number; readonly similarity: number }
  | { readonly type: "moveTo"; readonly old: number; readonly new: number; readonly similarity: number };

export interface AlignOptions {
  /**
   * Edited paragraphs at least this alike pair up (default 0.5). Unrelated paragraphs of the sample
   * circular score at most 0.31; a paragraph with one sentence of three rewritten still scores ~0.7.
   */
  readonly pairThreshold?: number;
  /** A deleted and an inserted paragraph at least this alike are one paragraph moved (default 0.8). */
  readonly moveThreshold?: number;
  /** Gaps with more paragraph pairs than this skip pass 2 (quadratic); default 250 000. */
  readonly maxPairs?: number;
}

export const DEFAULT_PAIR_THRESHOLD = 0.5;
export const DEFAULT_MOVE_THRESHOLD = 0.8;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export function alignParagraphs(oldLines: readonly string[], newLines: readonly string[], options: AlignOptions = {}): AlignOp[] {
  const pairThreshold = options.pairThreshold ?? DEFAULT_PAIR_THRESHOLD;
  const moveThreshold = options.moveThreshold ?? DEFAULT_MOVE_THRESHOLD;
  const maxPairs = options.maxPairs ?? 250_000;
  const oldProfiles = new Map<number, Profile>();
  const newProfiles = new Map<number, Profile>();
  const oldProfile = (i: number) => cached(oldProfiles, i, () => profile(oldLines[i] ?? ""));
  const newProfile = (j: number) => cached(newProfiles, j, () => profile(newLines[j] ?? ""));

  let head = 0;
  while (head < oldLines.length && head < newLines.length && oldLines[head] === newLines[head]) head++;
  let tail = 0;
  while (tail < oldLines.length - head && tail < newLines.length - head && oldLines[oldLines.length - 1 - tail] === newLines[newLines.length - 1 - tail]) tail++;
  const range = (from: number, to: number) => Array.from({ length: Math.max(to - from, 0) }, (_, k) => from + k);
  const middleOld = range(head, oldLines.length - tail);
  const middleNew = range(head, newLines.length - tail);
  const pair = (olds: readonly number[], news: readonly number[]) =>
    pairGap(olds, news, oldLines, newLines, oldProfile, newProfile, pairThreshold, maxPairs);

  const ops: AlignOp[] = range(0, head).map((k): AlignOp => ({ type: "equal", old: k, new: k }));
  pushAll(ops, middleOld.length * middleNew.length <= maxPairs ? pair(middleOld, middleNew) : exactThenGaps(middleOld, middleNew, oldLines, newLines, pair));
  for (let k = tail; k > 0; k--) ops.push({ type: "equal", old: oldLines.length - k, new: newLines.length - k });
  return findMoves(ops, oldProfile, newProfile, moveThreshold, maxPairs);
}

/** Large middles: identical paragraphs first (Myers), then pairing inside each gap between them. */
function exactThenGaps(
  olds: readonly number[],
  news: readonly number[],
  oldLines: readonly string[],
  newLines: readonly string[],
  pair: (olds: readonly number[], news: readonly number[]) => AlignOp[],
): AlignOp[] {
  const ops: AlignOp[] = [];
  let i = 0;
  let j = 0;
  let gapOld: number[] = [];
  let gapNew: number[] = [];
  const closeGap = () => {
    pushAll(ops, pair(gapOld, gapNew));
    gapOld = [];
    gapNew = [];
  };
  const texts = (lines: readonly string[], indexes: readonly number[]) => indexes.map((k) => lines[k] ?? "");
  // Bounded like the word diff: past MAX_PARAGRAPH_DIFF_EDITS differing paragraphs the middle is one
  // block of deletions and insertions, found in linear time.
  const changes = diffArrays(texts(oldLines, olds), texts(newLines, news), { maxEditLength: MAX_PARAGRAPH_DIFF_EDITS });
  if (!changes) return unpaired(olds, news);
  for (const change of changes) {
    for (let k = 0; k < change.count; k++) {
      if (change.removed) gapOld.push(olds[i++]!);
      else if (change.added) gapNew.push(news[j++]!);
      else {
        closeGap();
        ops.push({ type: "equal", old: olds[i++]!, new: news[j++]! });
      }
    }
  }
  closeGap();
  return ops;
}

function cached<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

/** An identical pair outweighs any edited one, so exact matches are kept whenever the order allows. */
const IDENTICAL_SCORE = 1.001;

/** Step 2: dynamic programming over (old prefix, new prefix), like an LCS weighted by similarity. */
function pairGap(
  olds: readonly number[],
  news: readonly number[],
  oldLines: readonly string[],
  newLines: readonly string[],
  oldProfile: (i: number) => Profile,
  newProfile: (j: number) => Profile,
  threshold: number,
  maxPairs: number,
): AlignOp[] {
  const n = olds.length;
  const m = news.length;
  if (n === 0 || m === 0 || n * m > maxPairs) return unpaired(olds, news);
  const sim: number[][] = olds.map((i) => news.map((j) => {
    if (oldLines[i] === newLines[j]) return IDENTICAL_SCORE;
    const s = similarity(oldProfile(i), newProfile(j));
    return s >= threshold ? s : 0;
  }));
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let a = 1; a <= n; a++) {
    for (let b = 1; b <= m; b++) {
      const pair = sim[a - 1]![b - 1]!;
      best[a]![b] = Math.max(best[a - 1]![b]!, best[a]![b - 1]!, pair > 0 ? best[a - 1]![b - 1]! + pair : 0);
    }
  }
  // Trace back from the end, then emit in reading order: deletions before insertions between pairs.
  const pairs: Array<[number, number, number]> = [];
  let a = n;
  let b = m;
  while (a > 0 && b > 0) {
    const pair = sim[a - 1]![b - 1]!;
    if (pair > 0 && best[a]![b] === best[a - 1]![b - 1]! + pair) {
      pairs.push([a - 1, b - 1, pair]);
      a--;
      b--;
    } else if (best[a]![b] === best[a - 1]![b]) a--;
    else b--;
  }
  pairs.reverse();
  const ops: AlignOp[] = [];
  let nextOld = 0;
  let nextNew = 0;
  for (const [pa, pb, s] of pairs) {
    pushAll(ops, unpaired(olds.slice(nextOld, pa), news.slice(nextNew, pb)));
    const old = olds[pa]!;
    const n = news[pb]!;
    ops.push(oldLines[old] === newLines[n] ? { type: "equal", old, new: n } : { type: "changed", old, new: n, similarity: round(s) });
    nextOld = pa + 1;
    nextNew = pb + 1;
  }
  pushAll(ops, unpaired(olds.slice(nextOld), news.slice(nextNew)));
  return ops;
}

function unpaired(olds: readonly number[], news: readonly number[]): AlignOp[] {
  const ops = olds.map((old): AlignOp => ({ type: "deleted", old }));
  for (const n of news) ops.push({ type: "inserted", new: n });
  return ops;
}

/** Pass 3: greedy, most alike pair first; ties go to the earliest paragraphs, so the result is stable. */
function findMoves(
  ops: AlignOp[],
  oldProfile: (i: number) => Profile,
  newProfile: (j: number) => Profile,
  threshold: number,
  maxPairs: number,
): AlignOp[] {
  const deleted = ops.flatMap((op) => (op.type === "deleted" ? [op.old] : []));
  const inserted = ops.flatMap((op) => (op.type === "inserted" ? [op.new] : []));
  if (deleted.length === 0 || inserted.length === 0 || deleted.length * inserted.length > maxPairs) return ops;
  const candidates: Array<{ old: number; new: number; similarity: number }> = [];
  for (const old of deleted) {
    for (const n of inserted) {
      const s = similarity(oldProfile(old), newProfile(n));
      if (s >= threshold) candidates.push({ old, new: n, similarity: round(s) });
    }
  }
  candidates.sort((x, y) => y.similarity - x.similarity || x.old - y.old || x.new - y.new);
  const byOld = new Map<number, Mutable<{ new: number; similarity: number }>>();
  const takenNew = new Set<number>();
  for (const c of candidates) {
    if (byOld.has(c.old) || takenNew.has(c.new)) continue;
    byOld.set(c.old, { new: c.new, similarity: c.similarity });
    takenNew.add(c.new);
  }
  if (byOld.size === 0) return ops;
  const oldOf = new Map([...byOld].map(([old, to]) => [to.new, { old, similarity: to.similarity }]));
  return ops.map((op): AlignOp => {
    if (op.type === "deleted") {
      const to = byOld.get(op.old);
      if (to) return { type: "moveFrom", old: op.old, new: to.new, similarity: to.similarity };
    }
    if (op.type === "inserted") {
      const from = oldOf.get(op.new);
      if (from) return { type: "moveTo", old: from.old, new: op.new, similarity: from.similarity };
    }
    return op;
  });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
