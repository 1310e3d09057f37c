import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a benchmark helper in plain JavaScript, run against the built modules
import { toMarkdown } from "../../bench/lib/alternatives.js";
import type { BodyNode, GongwenDocument } from "../../src/document/document.js";
import { inlineText } from "../../src/document/inline.js";
import { parseDocumentText } from "../../src/model/validate.js";
import { renderLoaded } from "../../src/pipeline.js";
import { SAMPLE } from "../helpers/paths.js";
import { STARTERS } from "../helpers/starters.js";

/**
 * `npm run bench` compares gongwen with pandoc on the same content, written as Markdown from the
 * document model. bench/ is not type-checked, so this keeps its reading of the model in step: once it
 * still read a block list the model had dropped, and the benchmark crashed only where pandoc was
 * installed.
 */

function bodyTexts(nodes: readonly BodyNode[]): string[] {
  return nodes.flatMap((node): string[] => {
    switch (node.type) {
      case "heading":
        return [node.number + inlineText(node.title)];
      case "paragraph":
        return [inlineText(node.content)];
      case "list":
        return node.items.map((item) => inlineText(item.content));
      case "table":
        return [...node.header, ...node.rows].flatMap((row) => row.flatMap((cell) => cell.paragraphs.map(inlineText)));
      case "div":
        return bodyTexts(node.children);
    }
  });
}

/** Markdown as pandoc reads it back: backslash escapes and emphasis marks taken out. */
const unescaped = (markdown: string) => markdown.replace(/\\(.)/gu, "$1").replace(/\*\*/gu, "");

describe("the benchmark's Markdown of a document", () => {
  for (const [name, file] of Object.entries({ sample: SAMPLE, ...STARTERS })) {
    it(`holds every title, heading, paragraph and cell of ${name}`, async () => {
      const { document } = (await renderLoaded(parseDocumentText(readFileSync(file, "utf8"), file))) as { document: GongwenDocument };
      const markdown = toMarkdown(document) as string;
      const text = unescaped(markdown);
      const title = document.frame.title;
      if (title) expect(markdown).toMatch(new RegExp(`^# .+$`, "mu"));
      if (title) expect(text).toContain(typeof title === "string" ? title : title.join(""));
      const texts = [...bodyTexts(document.body), ...document.attachments.flatMap((attachment) => bodyTexts(attachment.body))].filter((t) => t.trim() !== "");
      expect(texts.length).toBeGreaterThan(0);
      for (const expected of texts) expect(text).toContain(expected);
    });
  }
});
