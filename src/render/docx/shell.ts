import type { DocumentMeta } from "../../document/blocks.js";
import type { FontProfile } from "../../layout/fonts.js";
import { docxDocument } from "./document.js";
import { OFF_GRID_STYLE_IDS } from "./element-styles.js";
import { compileParts, normalisePart, type PartData } from "./package.js";
import type { SectionSpec } from "./spec.js";

/**
 * The parts of a .docx that do not depend on the text: styles, settings, numbering, footers, theme,
 * font table, relationships, content types, and the frame of word/document.xml (root element with its
 * namespaces, each section's `w:sectPr`). The `docx` library writes them — once per font profile and
 * section layout, from a document of the same shape with no text — and every later document reuses
 * them. Only document.xml's content and the two property parts are written per document.
 */

/** Parts written per document, in the package where the library put them. */
export type PerDocumentPart = "word/document.xml" | "docProps/core.xml" | "docProps/custom.xml";
const PER_DOCUMENT = new Set<string>(["word/document.xml", "docProps/core.xml", "docProps/custom.xml"]);

export interface PackageShell {
  /** Every part in the library's order; per-document ones are marked, the rest are final. */
  readonly parts: ReadonlyArray<readonly [string, PartData | { readonly perDocument: PerDocumentPart }]>;
  /** document.xml up to and including `<w:body>`. */
  readonly documentStart: string;
  readonly documentEnd: string;
  /** Each section's `w:sectPr`, in order. */
  readonly sectionProperties: readonly string[];
}

const SHELL_META: DocumentMeta = { title: "-", issuers: ["-"], docNumber: "-", signedOn: "2000-01-01", printedOn: "2000-01-01", kind: "-" };
const SHELL_DATES = { created: "2000-01-01", modified: "2000-01-01" };
const cache = new Map<string, PackageShell>();

const shapeOf = (sections: readonly SectionSpec[]) =>
  sections.map((section) => `${section.numbered ? "n" : "u"}${section.nextPage ? "p" : ""}`).join(",");

/** The shell for these fonts and this section layout, made on first use. */
export async function packageShell(fonts: FontProfile, sections: readonly SectionSpec[]): Promise<PackageShell> {
  const key = `${JSON.stringify(fonts)}|${shapeOf(sections)}`;
  const known = cache.get(key);
  if (known) return known;
  const empty = sections.map((section) => ({ ...section, children: [] }));
  const compiled = await compileParts(docxDocument(fonts, SHELL_META, empty));
  let documentXml = "";
  const parts = compiled.map(([name, data]): PackageShell["parts"][number] => {
    if (name === "word/document.xml" && typeof data === "string") documentXml = data;
    if (PER_DOCUMENT.has(name)) return [name, { perDocument: name as PerDocumentPart }];
    return [name, typeof data === "string" ? normalisePart(name, data, SHELL_DATES, OFF_GRID_STYLE_IDS) : data];
  });
  const shell = { parts, ...documentFrame(documentXml, sections.length) };
  cache.set(key, shell);
  return shell;
}

/** Splits the empty document's XML into its frame and its sections' properties. */
function documentFrame(xml: string, sectionCount: number): Omit<PackageShell, "parts"> {
  const bodyStart = xml.indexOf("<w:body>");
  const bodyEnd = xml.lastIndexOf("</w:body>");
  const sectionProperties = xml.slice(bodyStart, bodyEnd).match(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g) ?? [];
  if (bodyStart < 0 || bodyEnd < 0 || sectionProperties.length !== sectionCount) {
    throw new Error(`docx shell: unexpected document.xml from the library (${sectionProperties.length} sections for ${sectionCount})`);
  }
  return { documentStart: xml.slice(0, bodyStart + "<w:body>".length), documentEnd: xml.slice(bodyEnd), sectionProperties };
}
