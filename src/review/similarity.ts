/**
 * How alike two paragraphs are, from 0 to 1: the Dice coefficient of their character bigrams.
 * Chinese has no spaces, so words cannot be counted cheaply, but bigrams catch most two-character
 * words; the measure is linear in the text length, so every pair of paragraphs in a gap can be tried.
 */

export interface Profile {
  readonly text: string;
  readonly bigrams: ReadonlyMap<string, number>;
  readonly size: number;
}

export function profile(text: string): Profile {
  const chars = [...text];
  const bigrams = new Map<string, number>();
  for (let i = 0; i + 1 < chars.length; i++) {
    const key = chars[i]! + chars[i + 1]!;
    bigrams.set(key, (bigrams.get(key) ?? 0) + 1);
  }
  return { text, bigrams, size: Math.max(chars.length - 1, 0) };
}

export function similarity(a: Profile, b: Profile): number {
  if (a.text === b.text) return 1;
  // A single character has no bigram: only equality can make it alike.
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.bigrams.size <= b.bigrams.size ? [a, b] : [b, a];
  let shared = 0;
  for (const [key, count] of small.bigrams) shared += Math.min(count, large.bigrams.get(key) ?? 0);
  return (2 * shared) / (a.size + b.size);
}
