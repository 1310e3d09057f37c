import { strFromU8 } from "fflate";
import type { FontProfile } from "../../layout/fonts.js";
import type { SectionDecoration } from "../../layout/spec.js";
import { PREBUILT_SHELLS } from "./prebuilt-shells.js";
import { packPart, type PackedPart } from "./zip.js";

/**
 * The parts of a .docx that do not depend on the text — styles, settings, numbering, headers, footers,
 * theme, font table, content types, app properties — written by the `docx` library through its public
 * API (`Packer.toBuffer`), once per font profile and set of page decorations, and deflated once. From
 * the library's package we also read, never copy, what the document's own parts must refer to: each
 * decoration's header and footer references, and the relationships of word/document.xml.
 *
 * The bundled CLI carries the shells of the built-in font profiles, made at build time by this same
 * code (scripts/bundle.mjs), so a one-shot render never loads the library: it is imported only when a
 * shell must be made (its module set-up alone is 3–6 ms of every start, measured), as is the zip
 * reader (node:zlib, 4.4 ms to load).
 */

/** Shells list their sections in this order, whatever order a document uses them in. */
export const DECORATION_ORDER: readonly SectionDecoration[] = ["numbered", "unnumbered", "letter", "landscape"];

/** Parts written per document. */
export type PerDocumentPart = "word/document.xml" | "word/_rels/document.xml.rels" | "docProps/core.xml" | "docProps/custom.xml" | "word/fontTable.xml";
/** Parts this tool writes itself (the library cannot write a font table's character sets and stand-ins). */
const PER_DOCUMENT = new Set<string>(["word/document.xml", "word/_rels/document.xml.rels", "docProps/core.xml", "docProps/custom.xml", "word/fontTable.xml"]);

export interface Relationship {
  readonly id: string;
  readonly type: string;
  readonly target: string;
}

export interface PackageShell {
  /** Every part in the library's order: deflated if constant, marked if written per document. */
  readonly parts: ReadonlyArray<readonly [string, PackedPart | { readonly perDocument: PerDocumentPart }]>;
  /** document.xml's root element up to and including `<w:body>`. */
  readonly documentStart: string;
  /** Header and footer references (`w:headerReference`, `w:footerReference`) of each decoration. */
  readonly references: Readonly<Partial<Record<SectionDecoration, string>>>;
  /** Relationships of word/document.xml (styles, settings, headers, footers …). */
  readonly relationships: readonly Relationship[];
}

const cache = new Map<string, PackageShell>();
/** The bundle's prebuilt shells go into the cache on first use, not at start-up. */
let prebuiltTaken = false;

/** The decorations of a document's sections, in shell order, each once. */
export function decorationSet(decorations: Iterable<SectionDecoration>): SectionDecoration[] {
  const present = new Set(decorations);
  return DECORATION_ORDER.filter((decoration) => present.has(decoration));
}

const keyOf = (fonts: FontProfile, decorations: readonly SectionDecoration[]) => `${JSON.stringify(fonts)}|${decorations.join(",")}`;

/** The shell for these fonts and decorations, made on first use. */
export async function packageShell(fonts: FontProfile, decorations: readonly SectionDecoration[]): Promise<PackageShell> {
  const set = decorationSet(decorations);
  const key = keyOf(fonts, set);
  if (!prebuiltTaken && PREBUILT_SHELLS) {
    prebuiltTaken = true;
    installPrebuiltShells(PREBUILT_SHELLS());
  }
  const known = cache.get(key);
  if (known) return known;
  const shell = await makeShell(fonts, set);
  cache.set(key, shell);
  return shell;
}

async function makeShell(fonts: FontProfile, decorations: readonly SectionDecoration[]): Promise<PackageShell> {
  const [{ Packer }, { shellDocument }, { readZipParts }] = await Promise.all([import("docx"), import("./document.js"), import("../../package/read-zip.js")]);
  const bytes = new Uint8Array(await Packer.toBuffer(shellDocument(fonts, decorations)));
  const files = Object.fromEntries(readZipParts(bytes, "docx shell", () => true));
  const text = (name: string) => strFromU8(files[name] ?? new Uint8Array());
  const parts = Object.entries(files).map(([name, data]): PackageShell["parts"][number] => {
    if (PER_DOCUMENT.has(name)) return [name, { perDocument: name as PerDocumentPart }];
    return [name, packPart(data)];
  });
  const documentXml = text("word/document.xml");
  const bodyStart = documentXml.indexOf("<w:body>");
  const sections = documentXml.match(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g) ?? [];
  if (bodyStart < 0 || sections.length !== decorations.length) {
    throw new Error(`docx shell: unexpected document.xml from the library (${sections.length} sections for ${decorations.length})`);
  }
  const references: Partial<Record<SectionDecoration, string>> = {};
  decorations.forEach((decoration, index) => {
    references[decoration] = (sections[index]!.match(/<w:(?:header|footer)Reference\b[^>]*\/>/g) ?? []).join("");
  });
  return { parts, documentStart: documentXml.slice(0, bodyStart + "<w:body>".length), references, relationships: readRelationships(text("word/_rels/document.xml.rels")) };
}

function readRelationships(xml: string): Relationship[] {
  const out: Relationship[] = [];
  for (const match of xml.matchAll(/<Relationship\b([^>]*)\/>/g)) {
    const attribute = (name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(match[1] ?? "")?.[1] ?? "";
    out.push({ id: attribute("Id"), type: attribute("Type"), target: attribute("Target") });
  }
  return out;
}

/** A shell as JSON: deflated bytes in base64. */
type SerialPart = Omit<PackedPart, "compressed"> & { readonly compressed: string };
interface SerialShell extends Omit<PackageShell, "parts"> {
  readonly parts: ReadonlyArray<readonly [string, SerialPart | { readonly perDocument: PerDocumentPart }]>;
}
/** Shells keyed as the cache is: what the build embeds in the bundle. */
export type PrebuiltShells = Record<string, SerialShell>;

/** The decoration sets most documents use: one numbered section, or that plus the unnumbered 版记 section. */
const COMMON_SETS: readonly (readonly SectionDecoration[])[] = [["numbered"], ["numbered", "unnumbered"]];

export async function prebuildShells(profiles: readonly FontProfile[]): Promise<PrebuiltShells> {
  const out: PrebuiltShells = {};
  for (const fonts of profiles) {
    for (const set of COMMON_SETS) {
      const shell = await packageShell(fonts, set);
      out[keyOf(fonts, set)] = {
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
