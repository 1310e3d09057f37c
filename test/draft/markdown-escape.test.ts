/**
 * Imported text goes into a Markdown body: whatever characters a draft holds, the body must read back
 * as one paragraph with exactly those characters (a paragraph starting "1." or holding "*" or "<br>"
 * stays text), and typed headings and list items keep their text.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { markdownBody } from "../../src/compose/markdown.js";
import { typedNumber } from "../../src/compose/run-in.js";
import { escapeMarkdown } from "../../src/import/markdown-body.js";

const pieces = ["#", "*", "_", "`", "[", "]", "<", ">", "&", "|", "~", "\\", "-", "+", "=", "1.", "2)", "!", "(", ")", "：", "。", "“", "”", "政务", "服务", "2022", " ", "amp;", "br", "<!--", "http://x.y"];
const text = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 12 }).map((parts) => parts.join("").trim()).filter((s) => s !== "");

const spansText = (node: unknown): string => ((node as { content?: Array<{ text: string }> }).content ?? []).map((span) => span.text).join("");

describe("escapeMarkdown", () => {
  it("a paragraph of any characters reads back as itself", () => {
    fc.assert(
      fc.property(text, (s) => {
        const { nodes, problems } = markdownBody(escapeMarkdown(s));
        expect(problems.filter((p) => p.severity === "error")).toEqual([]);
        expect(nodes).toHaveLength(1);
        expect(nodes[0]!.type).toBe("paragraph");
        expect(spansText(nodes[0])).toBe(s);
      }),
      { numRuns: 300 },
    );
  });

  it("a heading of any characters keeps them (a run-in heading split at its first sentence end)", () => {
    fc.assert(
      // (a heading's own typed number is what import removes before: the tool drops it with a warning)
      fc.property(text.filter((s) => typedNumber(s) === undefined), fc.integer({ min: 1, max: 4 }), (s, level) => {
        const { nodes } = markdownBody(`${"#".repeat(level)} ${escapeMarkdown(s)}`);
        const heading = nodes[0] as unknown as { type: string; title: Array<{ text: string }>; text?: Array<{ text: string }> };
        expect(heading.type).toBe("heading");
        expect([...heading.title, ...(heading.text ?? [])].map((span) => span.text).join("")).toBe(s);
      }),
      { numRuns: 200 },
    );
  });

  it("examples a clerk's draft holds", () => {
    for (const s of ["1.5倍的增长", "2021年度考核", "#话题", "- 号", "a*b*c", "<第一条>", "A&B", "（一）"]) {
      expect(spansText(markdownBody(escapeMarkdown(s)).nodes[0])).toBe(s);
    }
  });
});
