/**
 * Two drafts compared: paragraphs aligned, changes inside paragraphs at word level, and for two data
 * files the field-level changes of their models. The one result every output (terminal, JSON,
 * tests) is made from.
 */
import { alignParagraphs, type AlignOptions } from "./align.js";
import { diffData, type FieldChange } from "./field-diff.js";
import type { Draft, DraftKind } from "./paragraphs.js";
import { wordDiff, type Segment } from "./word-diff.js";

export interface LineRef {
  /** 1-based, as the line numbers of `gongwen text`. */
  readonly line: number;
  readonly text: string;
}

export type ParagraphChange =
  | { readonly change: "changed"; readonly old: LineRef; readonly new: LineRef; readonly similarity: number; readonly segments: readonly Segment[] }
  | { readonly change: "inserted"; readonly new: LineRef }
  | { readonly change: "deleted"; readonly old: LineRef }
  /** Shown where the paragraph now stands; `segments` are empty for an exact move. */
  | { readonly change: "moved"; readonly old: LineRef; readonly new: LineRef; readonly similarity: number; readonly segments: readonly Segment[] };

export interface DraftSummary {
  readonly file: string;
  readonly kind: DraftKind;
  readonly lines: number;
}

export interface Comparison {
  readonly old: DraftSummary;
  readonly new: DraftSummary;
  /** Same text and, for two data files, the same model. */
  readonly identical: boolean;
  /** Present only when both drafts are data files. */
  readonly fields?: readonly FieldChange[];
  /** Only the paragraphs that differ, in reading order. */
  readonly paragraphs: readonly ParagraphChange[];
  readonly counts: { readonly equal: number; readonly changed: number; readonly inserted: number; readonly deleted: number; readonly moved: number };
}

export function compareLines(oldLines: readonly string[], newLines: readonly string[], options: AlignOptions = {}): ParagraphChange[] {
  const ref = (lines: readonly string[], index: number): LineRef => ({ line: index + 1, text: lines[index] ?? "" });
  const out: ParagraphChange[] = [];
  for (const op of alignParagraphs(oldLines, newLines, options)) {
    switch (op.type) {
      case "equal":
      case "moveFrom":
        break;
      case "changed": {
        const o = ref(oldLines, op.old);
        const n = ref(newLines, op.new);
        out.push({ change: "changed", old: o, new: n, similarity: op.similarity, segments: wordDiff(o.text, n.text) });
        break;
      }
      case "moveTo": {
        const o = ref(oldLines, op.old);
        const n = ref(newLines, op.new);
        out.push({ change: "moved", old: o, new: n, similarity: op.similarity, segments: o.text === n.text ? [] : wordDiff(o.text, n.text) });
        break;
      }
      case "inserted":
        out.push({ change: "inserted", new: ref(newLines, op.new) });
        break;
      case "deleted":
        out.push({ change: "deleted", old: ref(oldLines, op.old) });
        break;
    }
  }
  return out;
}

export function compareDrafts(oldDraft: Draft, newDraft: Draft, options: AlignOptions = {}): Comparison {
  const paragraphs = compareLines(oldDraft.lines, newDraft.lines, options);
  const fields = oldDraft.loaded && newDraft.loaded ? diffData(oldDraft.loaded, newDraft.loaded) : undefined;
  const count = (kind: ParagraphChange["change"]) => paragraphs.filter((p) => p.change === kind).length;
  const counts = { changed: count("changed"), inserted: count("inserted"), deleted: count("deleted"), moved: count("moved") };
  const equal = newDraft.lines.length - counts.changed - counts.inserted - counts.moved;
  const summary = (d: Draft): DraftSummary => ({ file: d.file, kind: d.kind, lines: d.lines.length });
  return {
    old: summary(oldDraft),
    new: summary(newDraft),
    identical: paragraphs.length === 0 && (fields?.length ?? 0) === 0,
    ...(fields ? { fields } : {}),
    paragraphs,
    counts: { equal, ...counts },
  };
}
