import { Packer, type Document } from "docx";
import { strFromU8, unzipSync } from "fflate";
import type { PackageDates } from "./direct-package.js";
import { zipEntries, type ZipEntry } from "./zip.js";

/**
 * Packs a docx Document into bytes that depend on the input only: the document's own dates replace
 * "now" in docProps/core.xml, every zip entry gets one fixed time, and ids the library draws at random
 * or from process-wide counters are renumbered in order of appearance. Reviewers diff these files and
 * archivists hash them.
 *
 * Speed: the library's compiler gives the parts as XML strings, which are normalised and zipped once.
 * (Packing with `Packer.toBuffer` deflated every part, then we inflated and deflated them again: two
 * thirds of a cold render.) The compiler is not public API, so without it we fall back to that path.
 */


export interface PackageOptions {
  /** Paragraph styles that must not snap to the line grid (docx cannot say so itself). */
  readonly offGridStyles?: readonly string[];
}

type PartData = string | Uint8Array;
interface DocxCompiler {
  compile(file: Document, prettify?: string, overrides?: unknown[]): Map<string, PartData | ArrayBufferView>;
}

function libraryCompiler(): DocxCompiler | undefined {
  const compiler = (Packer as unknown as { compiler?: Partial<DocxCompiler> }).compiler;
  return typeof compiler?.compile === "function" ? (compiler as DocxCompiler) : undefined;
}

/** The package's parts in the library's order: XML as strings, media as bytes. */
export async function compileParts(doc: Document): Promise<Array<[string, PartData]>> {
  const compiler = libraryCompiler();
  if (compiler) {
    return [...compiler.compile(doc, undefined, [])].map(([name, data]) => [
      name,
      typeof data === "string" ? data : new Uint8Array(data.buffer, data.byteOffset, data.byteLength),
    ]);
  }
  const entries = unzipSync(new Uint8Array(await Packer.toBuffer(doc)));
  return Object.entries(entries).map(([name, data]) => [name, isXmlPart(name) ? strFromU8(data) : data]);
}

const isXmlPart = (name: string) => name.endsWith(".xml") || name.endsWith(".rels");

export async function packDeterministic(doc: Document, dates: PackageDates, options: PackageOptions = {}): Promise<Uint8Array> {
  const parts = await compileParts(doc);
  const entries: ZipEntry[] = parts.map(([name, data]) => ({
    name,
    data: typeof data === "string" && isXmlPart(name) ? normalisePart(name, data, dates, options.offGridStyles ?? []) : data,
  }));
  return zipEntries(entries);
}

export function normalisePart(name: string, text: string, dates: PackageDates, offGridStyles: readonly string[]): string {
  let xml = text;
  if (name === "docProps/core.xml") {
    xml = xml
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${dates.created}T00:00:00Z$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${dates.modified}T00:00:00Z$2`);
  }
  if (name === "word/styles.xml") xml = turnGridSnappingOff(xml, offGridStyles);
  // Drawing object ids come from a process-wide counter: number them per document instead.
  if (xml.includes("<wp:docPr")) {
    let drawingId = 0;
    xml = xml.replace(/(<wp:docPr\b[^>]*\bid=")\d+(")/g, (_match, start: string, end: string) => `${start}${++drawingId}${end}`);
  }
  return xml;
}

/**
 * Adds `<w:snapToGrid w:val="0"/>` to the named paragraph styles. They are written without paragraph
 * properties of their own, so the pPr goes where the schema wants it: before the style's rPr or end.
 */
function turnGridSnappingOff(xml: string, styleIds: readonly string[]): string {
  let out = xml;
  for (const id of styleIds) {
    const pattern = new RegExp(`(<w:style\\b[^>]*w:styleId="${id}"[^>]*>)([\\s\\S]*?)(<w:rPr>|</w:style>)`);
    out = out.replace(pattern, (_match, open: string, inner: string, close: string) => {
      if (inner.includes("<w:pPr>")) return `${open}${inner.replace("<w:pPr>", '<w:pPr><w:snapToGrid w:val="0"/>')}${close}`;
      return `${open}${inner}<w:pPr><w:snapToGrid w:val="0"/></w:pPr>${close}`;
    });
  }
  return out;
}
