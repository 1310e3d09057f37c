/**
 * `target.push(...items)` passes every item as a call argument: past about 120,000 items (paragraphs of
 * a long draft, lines of a cell) it throws RangeError. This appends without that limit.
 */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}
