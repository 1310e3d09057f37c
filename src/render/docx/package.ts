import { Packer, type Document } from "docx";
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from "fflate";

/**
 * Packs a docx Document into bytes that depend on the input only: the document's own dates replace
 * "now" in docProps/core.xml, every zip entry gets one fixed time, and ids the library draws at random
 * or from process-wide counters are renumbered in order of appearance. Reviewers diff these files and
 * archivists hash them.
 */

export interface PackageDates {
  /** ISO date the document was created (成文日期). */
  readonly created: string;
  /** ISO date it was last modified (印发日期). */
  readonly modified: string;
}

/** 1980-01-01 is the earliest time a zip entry can carry; any fixed value would do. */
const ZIP_TIME = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

export interface PackageOptions {
  /** Paragraph styles that must not snap to the line grid (docx cannot say so itself). */
  readonly offGridStyles?: readonly string[];
}

export async function packDeterministic(doc: Document, dates: PackageDates, options: PackageOptions = {}): Promise<Uint8Array> {
  const packed = await Packer.toBuffer(doc);
  const entries = unzipSync(new Uint8Array(packed));
  const files: Zippable = {};
  for (const [name, data] of Object.entries(entries)) {
    const isXml = name.endsWith(".xml") || name.endsWith(".rels");
    files[name] = [isXml ? normalisePart(name, data, dates, options.offGridStyles ?? []) : data, { mtime: ZIP_TIME }];
  }
  return zipSync(files, { level: 6, mtime: ZIP_TIME });
}

function normalisePart(name: string, data: Uint8Array, dates: PackageDates, offGridStyles: readonly string[]): Uint8Array {
  let xml = strFromU8(data);
  if (name === "docProps/core.xml") {
    xml = xml
      .replace(/(<dcterms:created[^>]*>)[^<]*(<\/dcterms:created>)/, `$1${dates.created}T00:00:00Z$2`)
      .replace(/(<dcterms:modified[^>]*>)[^<]*(<\/dcterms:modified>)/, `$1${dates.modified}T00:00:00Z$2`);
  }
  if (name === "word/styles.xml") xml = turnGridSnappingOff(xml, offGridStyles);
  // Drawing object ids come from a process-wide counter: number them per document instead.
  let drawingId = 0;
  xml = xml.replace(/(<wp:docPr\b[^>]*\bid=")\d+(")/g, (_match, start: string, end: string) => `${start}${++drawingId}${end}`);
  return strToU8(xml);
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
