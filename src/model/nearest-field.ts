import type { z } from "zod";

/**
 * The known field names of the object a schema expects at `path`, to suggest the nearest one for an
 * unknown field (「未知字段 signedon，是否应为 signedOn？」). Walks zod's own definitions through
 * optional, default, nullable, pipe, lazy, array and union wrappers; undefined where the shape is not
 * found.
 */
type Def = { type?: string; shape?: Record<string, unknown>; innerType?: unknown; in?: unknown; out?: unknown; element?: unknown; options?: unknown[]; getter?: () => unknown };
const defOf = (schema: unknown): Def | undefined => (schema as { _zod?: { def?: Def } } | undefined)?._zod?.def;

function objectsAt(schema: unknown, path: readonly (string | number)[], depth = 0): Record<string, unknown>[] {
  const def = defOf(schema);
  if (!def || depth > 64) return [];
  switch (def.type) {
    case "optional":
    case "nullable":
    case "default":
    case "prefault":
    case "readonly":
    case "catch":
      return objectsAt(def.innerType, path, depth + 1);
    case "pipe":
      return objectsAt(def.in, path, depth + 1);
    case "lazy":
      return def.getter ? objectsAt(def.getter(), path, depth + 1) : [];
    case "union":
      return (def.options ?? []).flatMap((option) => objectsAt(option, path, depth + 1));
    case "array":
      return typeof path[0] === "number" ? objectsAt(def.element, path.slice(1), depth + 1) : [];
    case "object":
      if (path.length === 0) return def.shape ? [def.shape] : [];
      return typeof path[0] === "string" && def.shape && path[0] in def.shape ? objectsAt(def.shape[path[0]], path.slice(1), depth + 1) : [];
    default:
      return [];
  }
}

export function knownFields(schema: z.ZodType, path: readonly (string | number)[]): string[] {
  return [...new Set(objectsAt(schema, path).flatMap((shape) => Object.keys(shape)))];
}

/** The known name nearest to `name` (case-insensitive edit distance ≤ 1/3 of its length, at least 1). */
export function nearestField(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(name.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 8) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}
