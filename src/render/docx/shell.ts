import type { DocumentMeta } from "../../document/blocks.js";
import type { FontProfile } from "../../layout/fonts.js";
import { PREBUILT_SHELLS } from "./prebuilt-shells.js";
import type { SectionSpec } from "./spec.js";
import { packPart, type PackedPart } from "./zip.js";

/**
 * The parts of a .docx that do not depend on the text: styles, settings, numbering, footers, theme,
 * font table, relationships, content types, and the frame of word/document.xml (root element with its
 * namespaces, each section's `w:sectPr`). The `docx` library writes them, once per font profile and
 * section layout, from a document of the same shape with no text; they are deflated once too. Every
 * later document reuses them: only document.xml's content and the two property parts are written per
 * document.
 *
 * The bundled CLI carries the shells of the built-in font profiles, made at build time by this same
 * code (scripts/bundle.mjs → installPrebuiltShells), so a one-shot render never loads the library.
 */

/** Parts written per document, in the package where the library put them. */
export type PerDocumentPart = "word/document.xml" | "docProps/core.xml" | "docProps/custom.xml";
const PER_DOCUMENT = new Set<string>(["word/document.xml", "docProps/core.xml", "docProps/custom.xml"]);

export interface PackageShell {
  /** Every part in the library's order: deflated if constant, marked if written per document. */
  readonly parts: ReadonlyArray<readonly [string, PackedPart | { readonly perDocument: PerDocumentPart }]>;
  /** document.xml up to and including `<w:body>`. */
  readonly documentStart: string;
  readonly documentEnd: string;
  /** Each section's `w:sectPr`, in order. */
  readonly sectionProperties: readonly string[];
}

const SHELL_META: DocumentMeta = { title: "-", issuers: ["-"], docNumber: "-", signedOn: "2000-01-01", printedOn: "2000-01-01", kind: "-" };
const SHELL_DATES = { created: "2000-01-01", modified: "2000-01-01" };
const cache = new Map<string, PackageShell>();
/** The bundle's prebuilt shells go into the cache on first use, not at start-up. */
let prebuiltTaken = false;

export type SectionShape = Pick<SectionSpec, "numbered" | "nextPage">;
/** The section layouts a 公文 has: one numbered section, or that plus the unnumbered 版记 section. */
const SECTION_SHAPES: readonly (readonly SectionShape[])[] = [
  [{ numbered: true, nextPage: false }],
  [{ numbered: true, nextPage: false }, { numbered: false, nextPage: true }],
];

const keyOf = (fonts: FontProfile, sections: readonly SectionShape[]) =>
  `${JSON.stringify(fonts)}|${sections.map((section) => `${section.numbered ? "n" : "u"}${section.nextPage ? "p" : ""}`).join(",")}`;

/** The shell for these fonts and this section layout, made on first use. */
export async function packageShell(fonts: FontProfile, sections: readonly SectionShape[]): Promise<PackageShell> {
  const key = keyOf(fonts, sections);
  if (!prebuiltTaken && PREBUILT_SHELLS) {
    prebuiltTaken = true;
    installPrebuiltShells(PREBUILT_SHELLS());
  }
  const known = cache.get(key);
  if (known) return known;
  const shell = await makeShell(fonts, sections);
  cache.set(key, shell);
  return shell;
}

async function makeShell(fonts: FontProfile, sections: readonly SectionShape[]): Promise<PackageShell> {
  // The library only here: a render that finds its shell made never evaluates it.
  const [{ docxDocument }, { compileParts, normalisePart }, { OFF_GRID_STYLE_IDS }] = await Promise.all([
    import("./document.js"),
    import("./package.js"),
    import("./element-styles.js"),
  ]);
  const empty = sections.map((section) => ({ ...section, children: [] }));
  const compiled = await compileParts(docxDocument(fonts, SHELL_META, empty));
  let documentXml = "";
  const parts = compiled.map(([name, data]): PackageShell["parts"][number] => {
    if (name === "word/document.xml" && typeof data === "string") documentXml = data;
    if (PER_DOCUMENT.has(name)) return [name, { perDocument: name as PerDocumentPart }];
    return [name, packPart(typeof data === "string" ? normalisePart(name, data, SHELL_DATES, OFF_GRID_STYLE_IDS) : data)];
  });
  return { parts, ...documentFrame(documentXml, sections.length) };
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

/** A shell as JSON: deflated bytes in base64. */
type SerialPart = Omit<PackedPart, "compressed"> & { readonly compressed: string };
interface SerialShell extends Omit<PackageShell, "parts"> {
  readonly parts: ReadonlyArray<readonly [string, SerialPart | { readonly perDocument: PerDocumentPart }]>;
}
/** Shells keyed as the cache is: what the build embeds in the bundle. */
export type PrebuiltShells = Record<string, SerialShell>;

export async function prebuildShells(profiles: readonly FontProfile[]): Promise<PrebuiltShells> {
  const out: PrebuiltShells = {};
  for (const fonts of profiles) {
    for (const shape of SECTION_SHAPES) {
      const shell = await packageShell(fonts, shape);
      out[keyOf(fonts, shape)] = {
        ...shell,
        parts: shell.parts.map(([name, part]) =>
          "perDocument" in part ? [name, part] : [name, { ...part, compressed: Buffer.from(part.compressed).toString("base64") }],
        ),
      };
    }
  }
  return out;
}

function installPrebuiltShells(prebuilt: PrebuiltShells): void {
  for (const [key, shell] of Object.entries(prebuilt)) {
    cache.set(key, {
      ...shell,
      parts: shell.parts.map(([name, part]) =>
        "perDocument" in part ? [name, part] : [name, { ...part, compressed: new Uint8Array(Buffer.from(part.compressed, "base64")) }],
      ),
    });
  }
}

/** Forgets every shell (tests: prove the prebuilt ones equal freshly made ones). */
export function clearShells(): void {
  cache.clear();
  prebuiltTaken = true;
}
