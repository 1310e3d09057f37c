/**
 * Field-level changes between two data files, computed on the validated models (defaults applied,
 * so writing a default out or leaving it implicit is no change). Objects are compared key by key;
 * arrays as sequences with the paragraph aligner, so an inserted 获评单位 is one addition (not a
 * change of every later item) and reordered points are moves.
 */
import type { FieldPath } from "../errors.js";
import type { LoadedDocument } from "../model/validate.js";
import { alignParagraphs } from "./align.js";

export type FieldChangeKind = "changed" | "added" | "removed" | "moved";

export interface FieldChange {
  readonly kind: FieldChangeKind;
  /** Index segments are positions in the new list, except for removals (old list). */
  readonly path: FieldPath;
  readonly old?: unknown;
  readonly new?: unknown;
  /** Moves: index in the old list. */
  readonly from?: number;
}

/**
 * What the user means rather than how it was typed: each kind's normal form (发文字号 as written out,
 * whether given in parts or as a string; the editor's `$schema` line left out).
 */
export function normaliseData(loaded: Pick<LoadedDocument, "kind" | "document">): unknown {
  if (loaded.kind.normalise) return loaded.kind.normalise(loaded.document);
  const { $schema: _schema, ...rest } = loaded.document;
  return rest;
}

export function diffData(oldDoc: Pick<LoadedDocument, "kind" | "document">, newDoc: Pick<LoadedDocument, "kind" | "document">): FieldChange[] {
  return diffValues(normaliseData(oldDoc), normaliseData(newDoc));
}

export function diffValues(oldValue: unknown, newValue: unknown, path: FieldPath = []): FieldChange[] {
  const out: FieldChange[] = [];
  walk(oldValue, newValue, path, out);
  return out;
}

function walk(a: unknown, b: unknown, path: FieldPath, out: FieldChange[]): void {
  if (deepEqual(a, b)) return;
  if (a === undefined) out.push({ kind: "added", path, new: b });
  else if (b === undefined) out.push({ kind: "removed", path, old: a });
  else if (Array.isArray(a) && Array.isArray(b)) walkArray(a, b, path, out);
  else if (isRecord(a) && isRecord(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !(k in a))];
    for (const key of keys) walk(a[key], b[key], [...path, key], out);
  } else out.push({ kind: "changed", path, old: a, new: b });
}

function walkArray(a: readonly unknown[], b: readonly unknown[], path: FieldPath, out: FieldChange[]): void {
  const ops = alignParagraphs(a.map(itemText), b.map(itemText));
  for (const op of ops) {
    switch (op.type) {
      case "equal":
      case "moveFrom":
        break;
      case "changed":
        // A list of strings changes item by item; a list of records field by field.
        walk(a[op.old], b[op.new], [...path, op.new], out);
        break;
      case "inserted":
        out.push({ kind: "added", path: [...path, op.new], new: b[op.new] });
        break;
      case "deleted":
        out.push({ kind: "removed", path: [...path, op.old], old: a[op.old] });
        break;
      case "moveTo":
        out.push({ kind: "moved", path: [...path, op.new], from: op.old, old: a[op.old], new: b[op.new] });
        if (!deepEqual(a[op.old], b[op.new]) && !isScalar(b[op.new])) walk(a[op.old], b[op.new], [...path, op.new], out);
        else if (!deepEqual(a[op.old], b[op.new])) out.push({ kind: "changed", path: [...path, op.new], old: a[op.old], new: b[op.new] });
        break;
    }
  }
}

/** The text an item is aligned by: its words, whatever its shape (a name, a point, an attachment). */
function itemText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "object") return String(value);
  if (Array.isArray(value)) return value.map(itemText).join("\n");
  return Object.values(value).map(itemText).join("\n");
}

/** A short label of a list item for one-line summaries: a point's title, an issuer's name, a string. */
export function itemLabel(value: unknown): string {
  if (typeof value !== "object" || value === null) return String(value);
  const record = value as Record<string, unknown>;
  for (const key of ["title", "name"]) if (typeof record[key] === "string") return record[key] as string;
  return JSON.stringify(value);
}

function isScalar(value: unknown): boolean {
  return value === null || typeof value !== "object";
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  if (isRecord(a) && isRecord(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => deepEqual(a[k], b[k]));
  }
  return false;
}
