import type { HeadingLevel, ListStyle } from "../document/body.js";
import { numbering } from "./chinese.js";

/**
 * Numbers by position (GB/T 9704 §7.3.3: 一、 （一） 1. （1）): each level counts from one, restarting
 * under every heading of a higher level.
 */
export class HeadingNumberer {
  private readonly counts = [0, 0, 0, 0];

  next(level: HeadingLevel): string {
    const index = this.counts[level - 1]!;
    this.counts[level - 1] = index + 1;
    for (let deeper = level; deeper < 4; deeper++) this.counts[deeper] = 0;
    return LEVEL_NUMBER[level](index);
  }
}

const LEVEL_NUMBER: Record<HeadingLevel, (index: number) => string> = {
  1: numbering.level1,
  2: numbering.level2,
  3: numbering.level3,
  4: numbering.level4,
};

/** A list item's number: `1.`, `（1）`, `一是`. */
export function listNumber(style: ListStyle, index: number): string {
  return style === "arabic" ? numbering.level3(index) : style === "paren" ? numbering.level4(index) : numbering.ordinal(index);
}
