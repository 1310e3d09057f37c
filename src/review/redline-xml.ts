/**
 * A lossless XML tree for rewriting a WordprocessingML part: every element, attribute (in order),
 * text and comment survives a parse → serialise round trip, so the parts of the document the redline
 * does not touch stay as they were. (docx-xml.ts keeps only what text extraction needs.)
 *
 * Names stay as written (`w:p`); `WordNames` maps local names to whatever prefix the document binds
 * to the WordprocessingML namespace, because editors may bind another one.
 */
import { SaxesParser } from "saxes";
import { guardXml } from "../package/xml-guard.js";

export interface XElement {
  kind: "element";
  name: string;
  attrs: Record<string, string>;
  children: XNode[];
}

export interface XText {
  kind: "text";
  text: string;
}

/** Comments and processing instructions, kept verbatim. */
export interface XRaw {
  kind: "raw";
  xml: string;
}

export type XNode = XElement | XText | XRaw;

export function parseLossless(xml: string, fileName: string): XElement {
  const parser = new SaxesParser({ xmlns: false, fileName });
  const checkDepth = guardXml(parser, fileName);
  const root: XElement = { kind: "element", name: "#document", attrs: {}, children: [] };
  const stack: XElement[] = [root];
  const top = () => stack[stack.length - 1]!;
  parser.on("opentag", (tag) => {
    checkDepth(stack.length);
    const el: XElement = { kind: "element", name: tag.name, attrs: { ...(tag.attributes as Record<string, string>) }, children: [] };
    top().children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", (text) => void top().children.push({ kind: "text", text }));
  parser.on("cdata", (text) => void top().children.push({ kind: "text", text }));
  parser.on("comment", (text) => void top().children.push({ kind: "raw", xml: `<!--${text}-->` }));
  parser.on("processinginstruction", (pi) => {
    if (stack.length > 1) top().children.push({ kind: "raw", xml: `<?${pi.target} ${pi.body}?>` });
  });
  parser.write(xml).close();
  const element = root.children.find((c): c is XElement => c.kind === "element");
  if (!element) throw new Error(`${fileName}: no root element`);
  return element;
}

const escapeText = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
const escapeAttr = (text: string) =>
  escapeText(text).replace(/"/g, "&quot;").replace(/\t/g, "&#9;").replace(/\n/g, "&#10;").replace(/\r/g, "&#13;");

export function serialise(root: XElement): string {
  const parts: string[] = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'];
  const write = (node: XNode): void => {
    if (node.kind === "text") parts.push(escapeText(node.text));
    else if (node.kind === "raw") parts.push(node.xml);
    else {
      parts.push(`<${node.name}`);
      for (const [name, value] of Object.entries(node.attrs)) parts.push(` ${name}="${escapeAttr(value)}"`);
      if (node.children.length === 0) parts.push("/>");
      else {
        parts.push(">");
        for (const c of node.children) write(c);
        parts.push(`</${node.name}>`);
      }
    }
  };
  write(root);
  return parts.join("");
}

export function elementChildren(el: XElement): XElement[] {
  return el.children.filter((c): c is XElement => c.kind === "element");
}

export function cloneElement(el: XElement): XElement {
  return {
    kind: "element",
    name: el.name,
    attrs: { ...el.attrs },
    children: el.children.map((c) => (c.kind === "element" ? cloneElement(c) : { ...c })),
  };
}

export const W_NAMESPACES = [
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
];

/** Qualified names in the WordprocessingML namespace of one document. */
export class WordNames {
  private constructor(readonly prefix: string) {}

  /** The prefix the root binds to WordprocessingML; undefined when it is bound only as the default namespace (never seen from real editors). */
  static of(root: XElement): WordNames | undefined {
    for (const [name, value] of Object.entries(root.attrs)) {
      if (name.startsWith("xmlns:") && W_NAMESPACES.includes(value)) return new WordNames(name.slice(6));
    }
    return undefined;
  }

  q(local: string): string {
    return `${this.prefix}:${local}`;
  }

  /** The local name of a WordprocessingML element or attribute, else undefined. */
  local(name: string): string | undefined {
    return name.startsWith(`${this.prefix}:`) ? name.slice(this.prefix.length + 1) : undefined;
  }

  /** A plain boolean, not a type guard: a false answer says nothing about the node's kind. */
  is(el: XNode | undefined, local: string): boolean {
    return el?.kind === "element" && el.name === this.q(local);
  }

  child(el: XElement | undefined, local: string): XElement | undefined {
    return el?.children.find((c): c is XElement => c.kind === "element" && this.is(c, local));
  }

  el(local: string, attrs: Record<string, string> = {}, children: XNode[] = []): XElement {
    const qualified: Record<string, string> = {};
    for (const [k, v] of Object.entries(attrs)) qualified[k.includes(":") ? k : this.q(k)] = v;
    return { kind: "element", name: this.q(local), attrs: qualified, children };
  }
}
