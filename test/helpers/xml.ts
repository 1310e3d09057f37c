import { unzipSync, strFromU8 } from "fflate";
import { SaxesParser } from "saxes";

/** A tiny element tree for asserting on OOXML parts in tests. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Record<string, string>;
  readonly children: XmlElement[];
  text: string;
  parent?: XmlElement;
}

export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: false });
  const root: XmlElement = { name: "#root", attributes: {}, children: [], text: "" };
  let current = root;
  parser.on("opentag", (tag) => {
    const element: XmlElement = { name: tag.name, attributes: tag.attributes as Record<string, string>, children: [], text: "", parent: current };
    current.children.push(element);
    current = element;
  });
  parser.on("text", (text) => {
    current.text += text;
  });
  parser.on("closetag", () => {
    current = current.parent ?? root;
  });
  parser.write(xml).close();
  return root;
}

/** All descendants named `name` (e.g. "w:p"), in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = [];
  const visit = (node: XmlElement) => {
    for (const child of node.children) {
      if (child.name === name) out.push(child);
      visit(child);
    }
  };
  visit(element);
  return out;
}

export function find(element: XmlElement, name: string): XmlElement | undefined {
  return findAll(element, name)[0];
}

/** Follows a path of child names: child(p, "w:pPr", "w:spacing"). */
export function child(element: XmlElement | undefined, ...names: string[]): XmlElement | undefined {
  let current = element;
  for (const name of names) current = current?.children.find((c) => c.name === name);
  return current;
}

export function attr(element: XmlElement | undefined, name: string): string | undefined {
  return element?.attributes[name];
}

/** Concatenated w:t text of a paragraph or run. */
export function textOf(element: XmlElement): string {
  return findAll(element, "w:t").map((t) => t.text).join("");
}

export interface DocxParts {
  readonly files: Record<string, Uint8Array>;
  part(name: string): XmlElement;
  raw(name: string): string;
}

export function openDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const cache = new Map<string, XmlElement>();
  return {
    files,
    raw(name) {
      const data = files[name];
      if (!data) throw new Error(`no part ${name}`);
      return strFromU8(data);
    },
    part(name) {
      let parsed = cache.get(name);
      if (!parsed) {
        parsed = parseXml(this.raw(name));
        cache.set(name, parsed);
      }
      return parsed;
    },
  };
}

/** Body paragraphs (not those inside tables), with their text. */
export function bodyParagraphs(docx: DocxParts): XmlElement[] {
  const body = find(docx.part("word/document.xml"), "w:body");
  return body ? body.children.filter((c) => c.name === "w:p") : [];
}
