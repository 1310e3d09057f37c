import type { BodyNode, HeadingLevel, TableCell } from "../document/body.js";
import { plain } from "../document/inline.js";
import type { FieldPath } from "../errors.js";
import type { BodyBlockInput, TableBlockInput } from "../model/body.js";
import { HeadingNumberer, listNumber } from "./numberer.js";
import { splitRunIn } from "./run-in.js";

/**
 * A body written as YAML blocks → body nodes. Block text is plain (no markup is read in it); headings
 * are numbered by position and a heading with text after its first sentence is a run-in heading, as
 * in Markdown. Each node keeps its field path.
 */

const HEADING_KEYS = { h1: 1, h2: 2, h3: 3, h4: 4 } as const satisfies Record<string, HeadingLevel>;

function tableNode(table: TableBlockInput, path: FieldPath): BodyNode {
  const cell = (text: string): TableCell => ({ paragraphs: [plain(text)] });
  const header = table.header === undefined ? [] : Array.isArray(table.header[0]) ? (table.header as string[][]) : [table.header as string[]];
  const columns = Math.max(...[...header, ...table.rows].map((row) => row.length));
  return {
    type: "table",
    ...(table.title ? { title: table.title } : {}),
    columns: Array.from({ length: columns }, (_, index) => ({
      ...(table.widths?.[index] !== undefined ? { width: table.widths[index] } : {}),
      ...(table.align?.[index] ? { align: table.align[index] } : {}),
    })),
    header: header.map((row) => row.map(cell)),
    rows: table.rows.map((row) => row.map(cell)),
    textSize: table.size ?? "四号",
    landscape: table.landscape ?? false,
    source: { path },
  };
}

export function blockNodes(blocks: readonly BodyBlockInput[], path: FieldPath): BodyNode[] {
  const headings = new HeadingNumberer();
  return blocks.map((block, index): BodyNode => {
    const at: FieldPath = [...path, index];
    if (typeof block === "string") return { type: "paragraph", content: plain(block), source: { path: at } };
    if ("p" in block) return { type: "paragraph", content: plain(block.p), source: { path: at } };
    if ("list" in block) {
      const list = Array.isArray(block.list) ? { style: "arabic" as const, start: 1, items: block.list } : block.list;
      return {
        type: "list",
        style: list.style,
        items: list.items.map((text, item) => ({ number: listNumber(list.style, list.start - 1 + item), content: plain(text), source: { path: [...at, "list", item] } })),
        source: { path: at },
      };
    }
    if ("table" in block) return tableNode(block.table, [...at, "table"]);
    const key = (Object.keys(block) as (keyof typeof HEADING_KEYS)[])[0]!;
    const level = HEADING_KEYS[key];
    const { title, text } = splitRunIn(plain((block as Record<string, string>)[key] ?? ""));
    return { type: "heading", level, number: headings.next(level), title, ...(text ? { text } : {}), source: { path: at } };
  });
}
