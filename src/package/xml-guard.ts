import type { SaxesParser } from "saxes";
import { MAX_XML_DEPTH } from "../limits.js";

/**
 * Bounds on the XML parts of a package, applied inside the parser's own callbacks so they cost nothing
 * on ordinary documents and need no recursion:
 * - no DOCTYPE (and so no ENTITY declarations): OOXML never uses one, and entity expansion is the
 *   classic way to turn kilobytes into gigabytes;
 * - element nesting at most MAX_XML_DEPTH: saxes resolves namespaces by walking the open elements, so
 *   parse time grew with the square of the depth (40,000 levels: 15 s), and the tree walks after the
 *   parse recurse (a stack overflow from about 5,000 levels).
 */
export class XmlLimitError extends Error {
  constructor(
    readonly part: string,
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${part}: ${en}`);
    this.name = "XmlLimitError";
  }
}

export function isXmlLimitError(value: unknown): value is XmlLimitError {
  return value instanceof XmlLimitError;
}

/** Installs the DOCTYPE refusal; returns the check to call on every opening tag with the new depth. */
export function guardXml(parser: SaxesParser<{ xmlns?: boolean }>, part: string, maxDepth = MAX_XML_DEPTH): (depth: number) => void {
  parser.on("doctype", () => {
    throw new XmlLimitError(part, `${part} 含有 DOCTYPE/ENTITY 声明，Office 文档不使用它们，已拒绝`, `${part} holds a DOCTYPE/ENTITY declaration, which Office documents never use; refused`);
  });
  return (depth) => {
    if (depth > maxDepth) {
      throw new XmlLimitError(part, `${part} 的元素嵌套超过 ${maxDepth} 层，已拒绝`, `${part} nests elements more than ${maxDepth} levels deep; refused`);
    }
  };
}
