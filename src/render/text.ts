import type { Block, GongwenDocument } from "../document/blocks.js";

/**
 * Plain text of a document: one paragraph per line, in reading order, the same paragraphs the .docx
 * holds (so `gongwen text` gives the same lines for a data file and for its rendered .docx).
 * Title lines stand one per line; the 印发 line keeps its tabs (空一字, then the date flush right).
 */
export function blockToLines(block: Block): string[] {
  switch (block.type) {
    case "copyNumber":
    case "secrecy":
    case "urgency":
    case "docNumber":
    case "addressees":
    case "paragraph":
    case "note":
      return [block.text];
    case "issuerMark":
      return [block.names.join(" ") + block.suffix];
    case "title":
      return [...block.lines];
    case "heading":
      return [`${block.number}${block.text}`];
    case "point":
      return [`${block.number}${block.title}${block.text}`];
    case "attachmentNote":
      return block.items.map((item, index) => (index === 0 ? `附件：${item}` : item));
    case "signature":
      return [...block.names, block.date];
    case "attachment":
      return [block.label, block.title, ...block.paragraphs];
    case "colophon":
      return [...block.lines.map((line) => line.text), `\t${block.printer}\t${block.printDate}`];
  }
}

export function renderText(document: GongwenDocument): string {
  return `${document.blocks.flatMap(blockToLines).join("\n")}\n`;
}
