/**
 * One edited paragraph rewritten in place: runs are split where the word diff's edits begin and end,
 * each part keeps its run's properties (a run-in heading stays 楷体, its text 仿宋), inserted parts are
 * wrapped in `w:ins`, and the old words are put back as `w:del` where they stood. Content that shows
 * no text (drawings, page breaks, field characters) is never marked, so neither Accept nor Reject
 * All can remove it.
 */
import type { Revisions } from "./redline-marks.js";
import type { Unit } from "./redline-paragraphs.js";
import { cloneElement, type XElement, type XNode } from "./redline-xml.js";
import type { Segment } from "./word-diff.js";

interface Edits {
  /** Inserted ranges of the new text, [start, end). */
  readonly inserted: ReadonlyArray<readonly [number, number]>;
  /** Old ranges deleted at a position of the new text. */
  readonly deleted: ReadonlyMap<number, readonly [number, number]>;
  /** Every position where a run must be split. */
  readonly cuts: readonly number[];
}

function editsOf(segments: readonly Segment[]): Edits {
  const inserted: Array<[number, number]> = [];
  const deleted = new Map<number, [number, number]>();
  const cuts = new Set<number>();
  let at = 0;
  let old = 0;
  for (const s of segments) {
    const length = s.text.length;
    if (s.op === "equal") {
      at += length;
      old += length;
    } else if (s.op === "insert") {
      inserted.push([at, at + length]);
      cuts.add(at).add(at + length);
      at += length;
    } else {
      const before = deleted.get(at);
      deleted.set(at, before ? [before[0], old + length] : [old, old + length]);
      cuts.add(at);
      old += length;
    }
  }
  return { inserted, deleted, cuts: [...cuts].sort((a, b) => a - b) };
}

export function rewriteChanged(unit: Unit, oldUnit: Unit, segments: readonly Segment[], revisions: Revisions): void {
  const w = revisions.w;
  const edits = editsOf(segments);
  const isInserted = (at: number) => edits.inserted.some(([s, e]) => at >= s && at < e);
  const nextCut = (at: number, end: number) => Math.min(end, edits.cuts.find((c) => c > at) ?? end);
  const emitted = new Set<number>();
  const total = unit.text.length;
  const lastVisible = unit.runs.flatMap((r) => r.pieces).filter((p) => p.text !== "").at(-1);

  for (const info of unit.runs) {
    const replacement: XNode[] = [];
    let group: { inserted: boolean; nodes: XElement[] } | undefined;
    const flush = () => {
      if (!group || group.nodes.length === 0) return;
      const run: XElement = { kind: "element", name: info.run.name, attrs: { ...info.run.attrs }, children: [] };
      if (info.rPr) run.children.push(cloneElement(info.rPr));
      run.children.push(...group.nodes);
      replacement.push(group.inserted ? revisions.mark("ins", [run]) : run);
      group = undefined;
    };
    const add = (inserted: boolean, node: XElement) => {
      if (group?.inserted !== inserted) {
        flush();
        group = { inserted, nodes: [] };
      }
      group!.nodes.push(node);
    };
    const deletionsAt = (at: number) => {
      const range = edits.deleted.get(at);
      if (!range || emitted.has(at)) return;
      emitted.add(at);
      const del = revisions.deletedRuns(oldUnit, range[0], range[1], info.rPr);
      if (!del) return;
      flush();
      replacement.push(del);
    };

    for (const piece of info.pieces) {
      if (piece.text === "") {
        add(false, cloneElement(piece.node));
        continue;
      }
      const end = piece.start + piece.text.length;
      if (w.is(piece.node, "t")) {
        for (let at = piece.start; at < end; ) {
          deletionsAt(at);
          const cut = nextCut(at, end);
          const text = piece.text.slice(at - piece.start, cut - piece.start);
          add(isInserted(at), { ...piece.node, attrs: { ...piece.node.attrs, "xml:space": "preserve" }, children: [{ kind: "text", text }] });
          at = cut;
        }
      } else {
        deletionsAt(piece.start);
        add(isInserted(piece.start), cloneElement(piece.node));
      }
      if (piece === lastVisible) {
        flush();
        deletionsAt(total);
      }
    }
    flush();
    const siblings = info.parent.children;
    siblings.splice(siblings.indexOf(info.run), 1, ...replacement);
  }
}
