/**
 * Recognised body elements → the Markdown body of a general-kind data file (README: 正文的写法).
 * Text is escaped so that Markdown reads back exactly the characters of the draft: a paragraph that
 * happens to start with "1." or contain "*" stays a paragraph with those characters.
 */
import type { Draft } from "../draft/model.js";
import type { Element } from "../draft/recognise.js";

/** Characters Markdown would read as markup anywhere in a line. */
const INLINE = /[\\`*_[\]<>&|~#]/g;

export function escapeMarkdown(text: string): string {
  const out = text.replace(INLINE, (c) => `\\${c}`);
  // Markup that only counts at the start of a line: an ordered list, a heading, a bullet.
  const ordered = /^(\d+)([.)])/u.exec(out);
  if (ordered) return `${ordered[1]}\\${ordered[2]}${out.slice(ordered[0].length)}`;
  if (/^(#|[-+=](\s|$))/u.test(out)) return `\\${out}`;
  return out;
}

function tableMarkdown(draft: Draft, index: number): string {
  const table = draft.tables[index];
  if (!table || table.rows.length === 0) return "";
  const cell = (text: string) => escapeMarkdown(text.split("\n").map((l) => l.trim()).join("")).replace(/\|/g, "\\|") || " ";
  const width = Math.max(...table.rows.map((r) => r.length));
  const row = (cells: readonly string[]) => `| ${Array.from({ length: width }, (_, i) => cell(cells[i] ?? "")).join(" | ")} |`;
  const [header, ...rows] = table.rows;
  return [row(header!), `|${" --- |".repeat(width)}`, ...rows.map(row)].join("\n");
}

/** Body elements in order → Markdown; consecutive list items of one style make one list. */
export function bodyMarkdown(draft: Draft, elements: readonly Element[]): string {
  const blocks: string[] = [];
  let list: { style: string; items: string[] } | undefined;
  const closeList = () => {
    if (!list) return;
    blocks.push(list.items.join("\n"));
    list = undefined;
  };
  for (const e of elements) {
    if (e.role === "list-item" || (e.role === "attachment-body" && e.listStyle)) {
      const style = e.listStyle ?? "arabic";
      if (list && list.style !== style) closeList();
      list ??= { style, items: [] };
      const n = list.items.length + 1;
      const bullet = style === "ordinal" ? "-" : style === "paren" ? `${n})` : `${n}.`;
      list.items.push(`${bullet} ${escapeMarkdown(e.text)}`);
      continue;
    }
    closeList();
    if (e.table !== undefined) blocks.push(tableMarkdown(draft, e.table));
    else if (e.level !== undefined) blocks.push(`${"#".repeat(e.level)} ${escapeMarkdown(e.text)}`);
    else blocks.push(escapeMarkdown(e.text));
  }
  closeList();
  return `${blocks.filter((b) => b !== "").join("\n\n")}\n`;
}
