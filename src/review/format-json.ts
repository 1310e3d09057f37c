/**
 * `gongwen diff --json`: the comparison for tools. The shape is versioned by `format`; fields are
 * only ever added within a version.
 *
 * ```jsonc
 * {
 *   "format": "gongwen-diff/1",
 *   "identical": false,                      // same text (and same model for two data files)
 *   "old": { "file": "a.yaml", "kind": "data", "lines": 33 },   // kind: "data" | "docx"
 *   "new": { "file": "b.docx", "kind": "docx", "lines": 34 },
 *   "counts": { "equal": 30, "changed": 2, "inserted": 1, "deleted": 1, "moved": 1 },
 *   "fields": [                              // null unless both sides are data files
 *     { "change": "changed", "path": "envelope.signedOn", "pathSegments": ["envelope", "signedOn"],
 *       "old": "2022-01-27", "new": "2022-01-28" },
 *     { "change": "added",   "path": "content.results.awarded[1]", ..., "new": "…" },
 *     { "change": "removed", "path": "envelope.colophon.copyTo[0]", ..., "old": "…" },  // old index
 *     { "change": "moved",   "path": "content.baseline.points[3]", ..., "from": 2, "old": {…}, "new": {…} }
 *   ],
 *   "paragraphs": [                          // only paragraphs that differ, in reading order
 *     { "change": "changed", "old": { "line": 2, "text": "…" }, "new": { "line": 2, "text": "…" },
 *       "similarity": 0.9, "segments": [ { "op": "equal", "text": "…" }, { "op": "delete", "text": "3" },
 *                                        { "op": "insert", "text": "4" } ] },
 *     { "change": "inserted", "new": { "line": 14, "text": "…" } },
 *     { "change": "deleted",  "old": { "line": 12, "text": "…" } },
 *     { "change": "moved", "old": {…}, "new": {…}, "similarity": 1, "segments": [] }   // segments empty if unedited
 *   ],
 *   "redline": "out.docx"                    // only with --redline
 * }
 * ```
 * Lines are 1-based lines of `gongwen text`; similarity is the bigram Dice coefficient (0–1);
 * `equal` + `delete` segments spell the old text, `equal` + `insert` the new.
 */
import { formatPath } from "../errors.js";
import type { Comparison } from "./compare.js";

export const JSON_FORMAT = "gongwen-diff/1";

export interface JsonExtras {
  readonly redline?: string;
}

export function toJson(comparison: Comparison, extras: JsonExtras = {}): Record<string, unknown> {
  return {
    format: JSON_FORMAT,
    identical: comparison.identical,
    old: comparison.old,
    new: comparison.new,
    counts: comparison.counts,
    fields: comparison.fields
      ? comparison.fields.map((f) => ({
          change: f.kind,
          path: formatPath(f.path),
          pathSegments: f.path,
          ...(f.from !== undefined ? { from: f.from } : {}),
          ...(f.old !== undefined ? { old: f.old } : {}),
          ...(f.new !== undefined ? { new: f.new } : {}),
        }))
      : null,
    paragraphs: comparison.paragraphs,
    ...(extras.redline !== undefined ? { redline: extras.redline } : {}),
  };
}

export function formatJson(comparison: Comparison, extras: JsonExtras = {}): string {
  return `${JSON.stringify(toJson(comparison, extras), null, 2)}\n`;
}
