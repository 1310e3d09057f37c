/**
 * A redline: the NEW draft in its own full format, with every difference from the old draft as a
 * Word tracked change, so Accept All gives exactly the new text and Reject All exactly the old.
 *
 * Paragraphs are aligned as in `gongwen diff` (align.ts). Then, in the new main document part:
 * - an edited paragraph is rewritten word by word (redline-rewrite.ts);
 * - an inserted paragraph has its runs in `w:ins` and its mark inserted (a row holding only inserted
 *   paragraphs is an inserted row);
 * - a deleted paragraph is rebuilt from the old document, runs in `w:del`, mark deleted, just before
 *   the next paragraph that both drafts share;
 * - a moved paragraph is a deletion where it was and an insertion where it is (`w:moveFrom`/`w:moveTo`
 *   need paired range markers that editors handle unevenly; plain changes accept and reject alike
 *   everywhere).
 * Blank paragraphs are layout (their number above the 版记 follows pagination) and never marked.
 */
import { strToU8 } from "fflate";
import { diagnostic, GongwenError } from "../errors.js";
import { alignParagraphs } from "./align.js";
import { Revisions, type RevisionAuthor } from "./redline-marks.js";
import { isXmlLimitError } from "../package/xml-guard.js";
import { openPackage, repack } from "./redline-package.js";
import { collectUnits, type Unit } from "./redline-paragraphs.js";
import { rewriteChanged } from "./redline-rewrite.js";
import { elementChildren, parseLossless, serialise, WordNames, type XElement } from "./redline-xml.js";
import { wordDiff } from "./word-diff.js";

export interface RedlineOptions extends RevisionAuthor {
  /** Shown in error messages. */
  readonly oldFileName?: string;
  readonly newFileName?: string;
}

export interface RedlineResult {
  readonly bytes: Uint8Array;
  readonly counts: { readonly changed: number; readonly inserted: number; readonly deleted: number; readonly moved: number };
}

const TRACKED_CHANGES = new Set(["ins", "del", "moveFrom", "moveTo", "cellIns", "cellDel", "cellMerge"]);

interface MainDocument {
  readonly root: XElement;
  readonly body: XElement;
  readonly w: WordNames;
}

function readMain(bytes: Uint8Array, fileName: string | undefined) {
  const pkg = openPackage(bytes, fileName);
  const fail = (zh: string, en: string) =>
    new GongwenError([diagnostic({ ...(fileName ? { file: fileName } : {}), zh, en, rule: "redline-input" })]);
  let root: XElement;
  try {
    root = parseLossless(new TextDecoder().decode(pkg.parts.get(pkg.mainPart)), pkg.mainPart);
  } catch (e) {
    if (isXmlLimitError(e)) throw fail(e.zh, e.en);
    throw fail(`${pkg.mainPart} 不是格式正确的 XML：${(e as Error).message}`, `${pkg.mainPart} is not well-formed XML: ${(e as Error).message}`);
  }
  const w = WordNames.of(root);
  const body = w ? w.child(root, "body") : undefined;
  if (!w || !body) throw fail("主文档缺少 w:body，无法生成修订稿", "the main document has no w:body; cannot make a redline");
  return { pkg, main: { root, body, w } satisfies MainDocument };
}

function hasTrackedChanges(el: XElement, w: WordNames): boolean {
  return elementChildren(el).some((c) => TRACKED_CHANGES.has(w.local(c.name) ?? "") || hasTrackedChanges(c, w));
}

function maxId(el: XElement, w: WordNames): number {
  let max = Number(el.attrs[w.q("id")]);
  if (!Number.isSafeInteger(max)) max = -1;
  for (const c of elementChildren(el)) max = Math.max(max, maxId(c, w));
  return max;
}

const isBlank = (unit: Unit) => /^\s*$/u.test(unit.text);

export function buildRedline(oldBytes: Uint8Array, newBytes: Uint8Array, options: RedlineOptions): RedlineResult {
  const older = readMain(oldBytes, options.oldFileName);
  const newer = readMain(newBytes, options.newFileName);
  const w = newer.main.w;
  if (hasTrackedChanges(newer.main.body, w)) {
    throw new GongwenError([
      diagnostic({
        ...(options.newFileName ? { file: options.newFileName } : {}),
        zh: "新稿中已有未处理的修订，请先在 Word/WPS 中接受或拒绝全部修订，再生成修订稿",
        en: "the new draft already holds tracked changes; accept or reject them all in Word/WPS first, then make the redline",
        rule: "redline-tracked-input",
      }),
    ]);
  }

  const oldUnits = collectUnits(older.main.body, older.main.w, { skipDeleted: true }).filter((u) => !isBlank(u));
  const newUnits = collectUnits(newer.main.body, w).filter((u) => !isBlank(u));
  const revisions = new Revisions(w, options, older.main.w, newer.pkg.styleIds, maxId(newer.main.root, w) + 1);
  const counts = { changed: 0, inserted: 0, deleted: 0, moved: 0 };

  // Deleted paragraphs wait for the next paragraph that stands in the new draft and go in before it.
  let pending: Unit[] = [];
  // A row that receives deleted paragraphs must survive Reject All, so it is never an inserted row.
  const rowsWithDeletions = new Set<XElement>();
  const placeBefore = (anchor: Unit) => {
    const siblings = anchor.parent.children;
    siblings.splice(siblings.indexOf(anchor.p), 0, ...pending.map((u) => revisions.deletedParagraph(u)));
    if (anchor.row) rowsWithDeletions.add(anchor.row);
    pending = [];
  };
  const inserted = new Set<Unit>();
  for (const op of alignParagraphs(oldUnits.map((u) => u.text), newUnits.map((u) => u.text))) {
    if (op.type === "deleted" || op.type === "moveFrom") {
      pending.push(oldUnits[op.old]!);
      counts[op.type === "deleted" ? "deleted" : "moved"]++;
      continue;
    }
    const unit = newUnits[op.new]!;
    if (pending.length > 0) placeBefore(unit);
    if (op.type === "changed") {
      rewriteChanged(unit, oldUnits[op.old]!, wordDiff(oldUnits[op.old]!.text, unit.text), revisions);
      counts.changed++;
    } else if (op.type === "inserted" || op.type === "moveTo") {
      revisions.insertRuns(unit.p);
      revisions.markParagraph(unit.p, "ins");
      inserted.add(unit);
      if (op.type === "inserted") counts.inserted++;
    }
  }
  if (pending.length > 0) {
    const last = newUnits.at(-1);
    appendAtEnd(newer.main, last, pending.map((u) => revisions.deletedParagraph(u)));
    if (last?.row) rowsWithDeletions.add(last.row);
  }

  for (const row of new Set(newUnits.flatMap((u) => (u.row ? [u.row] : [])))) {
    const units = newUnits.filter((u) => u.row === row);
    if (!rowsWithDeletions.has(row) && units.every((u) => inserted.has(u))) revisions.markRowInserted(row);
  }

  const parts = new Map(newer.pkg.parts);
  parts.set(newer.pkg.mainPart, strToU8(serialise(newer.main.root)));
  return { bytes: repack(parts), counts };
}

/** After the last paragraph of the new draft, or at the end of the body (before its section properties). */
function appendAtEnd(main: MainDocument, last: Unit | undefined, paragraphs: XElement[]): void {
  if (last) {
    const siblings = last.parent.children;
    siblings.splice(siblings.indexOf(last.p) + 1, 0, ...paragraphs);
    return;
  }
  const siblings = main.body.children;
  const sectPr = siblings.findIndex((c) => main.w.is(c, "sectPr"));
  siblings.splice(sectPr < 0 ? siblings.length : sectPr, 0, ...paragraphs);
}
