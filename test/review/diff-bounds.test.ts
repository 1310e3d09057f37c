import { describe, expect, it } from "vitest";
import { alignParagraphs } from "../../src/review/align.js";
import { newTextOf, oldTextOf, wordDiff } from "../../src/review/word-diff.js";
import { MAX_WORD_DIFF_EDITS } from "../../src/limits.js";

/**
 * Diff work is bounded (src/limits.ts): one rewritten 120,000-character paragraph took 672 s and
 * 1.26 GB; more than ~120,000 differing paragraphs threw RangeError (an array spread into push).
 * Past the caps the result is coarser but still exact: old and new text both recoverable.
 */
const PHRASES = ["公共资源", "交易中心", "强化", "制度建设", "积极推进", "流程模式", "打造", "公平公正", "环境", "，", "。", "的"];
/** Deterministic pseudo-random Chinese text from a seed (no Math.random: the test must be repeatable). */
function text(seed: number, chars: number): string {
  let state = seed;
  let out = "";
  while (out.length < chars) {
    state = (state * 1103515245 + 12345) % 2147483648;
    out += PHRASES[state % PHRASES.length];
  }
  return out;
}

describe("bounded diffs", () => {
  it("a 120,000-character paragraph rewritten throughout: one exact replacement past the edit cap", () => {
    const older = text(1, 120_000);
    const newer = text(2, 120_000);
    const segments = wordDiff(older, newer);
    // Compared as booleans: a failing toBe would print a diff of two 120,000-character strings.
    expect(oldTextOf(segments) === older).toBe(true);
    expect(newTextOf(segments) === newer).toBe(true);
    expect(segments.length).toBeLessThanOrEqual(2 * MAX_WORD_DIFF_EDITS + 3);
  });

  it("a long paragraph edited in one place still gets a word-level change", () => {
    const older = text(3, 120_000);
    const newer = `${older.slice(0, 60_000)}全面深化${older.slice(60_000)}`;
    const segments = wordDiff(older, newer);
    expect(oldTextOf(segments) === older && newTextOf(segments) === newer).toBe(true);
    const changed = segments.filter((s) => s.op !== "equal").map((s) => s.text);
    expect(changed.join("").length).toBeLessThan(20);
    expect(changed.join("")).toContain("全面深化");
  });

  it("segments a 40,000-character run without punctuation in linear time (ICU alone: 44 s)", () => {
    const older = "的".repeat(40_000);
    const newer = `${"的".repeat(20_000)}地${"的".repeat(20_000)}`;
    const segments = wordDiff(older, newer);
    expect(oldTextOf(segments) === older && newTextOf(segments) === newer).toBe(true);
  });

  it("aligns 150,000 differing paragraphs without RangeError, every paragraph accounted for", () => {
    const count = 150_000;
    const olds = Array.from({ length: count }, (_, k) => `旧段落${k}`);
    const news = Array.from({ length: count }, (_, k) => `新段落${k}`);
    const ops = alignParagraphs(olds, news);
    expect(ops.filter((op) => "old" in op && op.old !== undefined)).toHaveLength(count);
    expect(ops.filter((op) => "new" in op && op.new !== undefined)).toHaveLength(count);
  });
});
