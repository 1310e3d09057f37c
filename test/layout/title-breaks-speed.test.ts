import { describe, expect, it } from "vitest";
import { breakTitle } from "../../src/layout/title-breaks.js";

/** A title is broken by a search over layouts; it must stay quick however long the title is. */
describe("breakTitle on long titles", () => {
  const random = (n: number, seed: number) => {
    let state = seed;
    return Array.from({ length: n }, () => {
      state = (state * 1103515245 + 12345) % 2 ** 31;
      return String.fromCodePoint(0x4e00 + (state % 2000));
    }).join("");
  };

  it.each([100, 200])("breaks %i random characters in well under a second, deterministically", (n) => {
    const title = random(n, n);
    const started = performance.now();
    const lines = breakTitle(title, { trackingPt: 0 });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(lines.join("")).toBe(title);
    expect(breakTitle(title, { trackingPt: 0 })).toEqual(lines);
  });
});
