import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { renderFile } from "../../src/pipeline.js";
import { docxToPlainText } from "../../src/review/docx-text.js";
import { buildRedline } from "../../src/review/redline.js";
import { sampleText, sampleWith, writeTemp } from "../helpers/data.js";

/**
 * Whatever staff do to a draft, the redline accepts to the new text and rejects to the old:
 * random rewrites, insertions and deletions inside paragraphs, points added, removed and
 * reordered, list and date changes, in any combination, rendered for real.
 */

interface Point {
  title: string;
  text: string;
}
type Sample = {
  envelope: { signedOn: string; colophon: { copyTo: string[]; distribution: string[] } };
  content: {
    baseline: { summary: string; points: Point[] };
    highlights: { points: Point[] };
    problems: { intro: string; points: Point[] };
    results: { awarded: string[]; closing: string };
  };
};

const HANZI = [..."的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"];
const words = fc.array(fc.constantFrom(...HANZI), { minLength: 1, maxLength: 12 }).map((chars) => chars.join(""));

const textEdit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true }), remove: fc.nat({ max: 30 }), insert: fc.option(words, { nil: "" }) });

function applyEdit(text: string, edit: { at: number; remove: number; insert: string }): string {
  const chars = [...text];
  const at = Math.floor(edit.at * chars.length);
  chars.splice(at, edit.remove, ...edit.insert);
  const out = chars.join("").trim();
  return out === "" ? "空" : out;
}

const scenario = fc.record({
  edits: fc.array(fc.tuple(fc.nat({ max: 20 }), textEdit), { maxLength: 5 }),
  removePoint: fc.option(fc.nat({ max: 4 }), { nil: undefined }),
  addPoint: fc.option(fc.record({ at: fc.nat({ max: 5 }), title: words.map((w) => `${w}。`), text: words }), { nil: undefined }),
  movePoint: fc.option(fc.tuple(fc.nat({ max: 4 }), fc.nat({ max: 4 })), { nil: undefined }),
  copyTo: fc.array(fc.constantFrom("省政府办公厅", "省发展改革委", "省财政厅"), { maxLength: 3 }),
  signedOn: fc.constantFrom("2022-01-27", "2022-01-28"),
});

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function thirdDraft(s: Scenario): string {
  const data = parse(sampleText()) as Sample;
  const c = data.content;
  const texts: Array<[Record<string, unknown>, string]> = [
    [c.baseline, "summary"],
    [c.problems, "intro"],
    [c.results, "closing"],
    ...[...c.baseline.points, ...c.highlights.points, ...c.problems.points].flatMap((p): Array<[Record<string, unknown>, string]> => [
      [p as unknown as Record<string, unknown>, "text"],
      [p as unknown as Record<string, unknown>, "title"],
    ]),
  ];
  for (const [which, edit] of s.edits) {
    const [holder, key] = texts[which % texts.length]!;
    holder[key] = applyEdit(String(holder[key]), edit);
  }
  const points = c.baseline.points;
  if (s.removePoint !== undefined && points.length > 1) points.splice(s.removePoint % points.length, 1);
  if (s.addPoint) points.splice(s.addPoint.at % (points.length + 1), 0, { title: s.addPoint.title, text: s.addPoint.text });
  if (s.movePoint) {
    const [from, to] = s.movePoint;
    const [moved] = points.splice(from % points.length, 1);
    points.splice(to % (points.length + 1), 0, moved!);
  }
  return sampleWith([
    [["content"], c],
    [["envelope", "signedOn"], s.signedOn],
    [["envelope", "colophon", "copyTo"], s.copyTo],
  ]);
}

const plain = (bytes: Uint8Array, view?: "accepted" | "rejected") => docxToPlainText(bytes, { dropEmptyLines: true, ...(view ? { view } : {}) });

describe("redline property", () => {
  it("Accept All gives the new text and Reject All the old, for random drafts", async () => {
    const second = (await renderFile(writeTemp(sampleText(), "second.yaml"))).bytes;
    await fc.assert(
      fc.asyncProperty(scenario, async (s) => {
        const third = (await renderFile(writeTemp(thirdDraft(s), "third.yaml"))).bytes;
        for (const [older, newer] of [[second, third], [third, second]] as const) {
          const redline = buildRedline(older, newer, { author: "测试" }).bytes;
          expect(plain(redline, "accepted")).toBe(plain(newer));
          expect(plain(redline, "rejected")).toBe(plain(older));
        }
      }),
      { numRuns: 25, seed: 20220127 },
    );
  }, 120_000);
});
