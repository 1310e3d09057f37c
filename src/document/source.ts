import type { FieldPath } from "../errors.js";

/**
 * Where a node of the document came from, so that messages, the editor and reviewers can point back
 * at it: a field of the data file, and the line and column where it is written (1-based), with an
 * end where the range is known (like vfile-message's `place`).
 */
export interface SourceRef {
  readonly path?: FieldPath;
  readonly line?: number;
  readonly column?: number;
  readonly endLine?: number;
  readonly endColumn?: number;
}
