import { assessmentCircular } from "./assessment-circular/index.js";
import { general } from "./general/index.js";
import type { DataFile, DocumentKind } from "./kind.js";

/**
 * The kinds a data file may name in `kind`. Shipped kinds are registered here; a program using gongwen
 * as a library (or a test) registers its own with `registerKind`, touching nothing else.
 */
const kinds = new Map<string, DocumentKind>([
  [assessmentCircular.id, assessmentCircular as unknown as DocumentKind],
  [general.id, general as unknown as DocumentKind],
]);

export function registerKind<T extends DataFile>(kind: DocumentKind<T>): void {
  kinds.set(kind.id, kind as unknown as DocumentKind);
}

export function findKind(id: string): DocumentKind | undefined {
  return kinds.get(id);
}

export function allKinds(): readonly DocumentKind[] {
  return [...kinds.values()];
}
