import type { GongwenDocument } from "../document/document.js";
import { ELEMENT_STYLES } from "../layout/element-styles.js";
import { FONT_PROFILES } from "../layout/fonts.js";
import { layOutDocument } from "../layout/lay-out.js";
import { paragraphText } from "../layout/measure.js";
import type { BlockSpec, SectionSpec } from "../layout/spec.js";

/**
 * Plain text of laid-out sections: one paragraph per line in reading order, table cells one paragraph a
 * line, row by row — the paragraphs the .docx holds, so `gongwen text` prints the same lines for a data
 * file and for its rendered .docx (git textconv, diff). Title lines stand one per line; the 印发 line
 * keeps its tabs (空一字, then the date flush right). Empty paragraphs give empty lines.
 */
export function blockLines(block: BlockSpec): string[] {
  if (block.kind === "paragraph") return paragraphText(block).split("\n");
  return block.rows.flatMap((row) => row.cells.flatMap((cell) => cell.children.flatMap((paragraph) => paragraphText(paragraph).split("\n"))));
}

export function sectionLines(sections: readonly SectionSpec[]): string[] {
  const lines: string[] = [];
  for (const block of sections.flatMap((section) => section.children)) {
    // The layout's split of the last 正文 paragraph is not a paragraph of the text (as the .docx reader joins it).
    if (block.kind === "paragraph" && block.style === ELEMENT_STYLES.bodyContinued.id && lines.length > 0) {
      lines[lines.length - 1] += paragraphText(block);
      continue;
    }
    lines.push(...blockLines(block));
  }
  return lines;
}

/** One line per paragraph, empty (spacing) lines left out; ends with a line end. */
export function renderText(sections: readonly SectionSpec[]): string {
  return `${sectionLines(sections).filter((line) => !/^\s*$/u.test(line)).join("\n")}\n`;
}

/** The lines of a composed document, laid out with the default fonts (fonts do not change the text). */
export function documentLines(document: GongwenDocument): string[] {
  return sectionLines(layOutDocument(document, { fonts: FONT_PROFILES.default }).sections);
}
