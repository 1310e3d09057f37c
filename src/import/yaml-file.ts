/**
 * The imported data file as YAML text: a header saying where it came from, the fields in the order of
 * the README's examples, the Markdown body as a literal block, comments beside fields the import changed.
 */
import { Document, isMap, isScalar, isSeq, type Node } from "yaml";
import type { Imported } from "./to-data.js";

export function importedYaml(imported: Imported, source: string): string {
  const doc = new Document(imported.data);
  for (const { path, text } of imported.comments) {
    const node = doc.getIn(path, true) as Node | undefined;
    if (node && (isScalar(node) || isMap(node) || isSeq(node))) node.comment = text;
  }
  const body = doc.get("body", true);
  if (isScalar(body)) body.type = "BLOCK_LITERAL";
  doc.commentBefore = [
    ` 由 gongwen import 从 ${source} 导入；编号按位置自动生成，版式按 GB/T 9704-2012。`,
    ` Imported by gongwen import from ${source}; numbering follows from position, layout from GB/T 9704-2012.`,
    " 请核对导入报告中“推断”和“注意”的各项 / check the items the import report marks guessed or attention.",
  ].join("\n");
  return doc.toString({ lineWidth: 0, minContentWidth: 0 });
}
