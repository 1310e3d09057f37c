import type { DocumentMeta } from "../../document/document.js";
import type { FontProfile } from "../../layout/fonts.js";
import type { SectionSpec } from "../../layout/spec.js";
import { fontTableXml } from "./font-table.js";
import { coreProperties, customProperties } from "./metadata.js";
import { sectionPropertiesXml } from "./section-xml.js";
import { packageShell, type PackageShell, type Relationship } from "./shell.js";
import { blockXml, escapeXml, paragraphXml, type ImageRegistry } from "./xml-writer.js";
import { packPart, zipEntries, type ZipEntry } from "./zip.js";

/**
 * A .docx from laid-out sections: the constant parts come from the cached shell; word/document.xml,
 * its relationships, the media and the two property parts are written here, and only here.
 */

export interface PackageDates {
  /** ISO date the document was created (成文日期). */
  readonly created: string;
  /** ISO date it was last modified (印发日期). */
  readonly modified: string;
}

const IMAGE_RELATIONSHIP = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

/** Images numbered in document order; the same picture used twice is stored once. */
class Images implements ImageRegistry {
  readonly media: { name: string; data: Uint8Array }[] = [];
  readonly relationships: Relationship[] = [];
  private drawings = 0;
  /** By content: the same seal named for several 署名 is one picture in the package. */
  private readonly known = new Map<string, string>();
  constructor(private readonly firstFreeId: number) {}
  add(png: Uint8Array) {
    const key = Buffer.from(png.buffer, png.byteOffset, png.byteLength).toString("base64");
    let relationshipId = this.known.get(key);
    if (!relationshipId) {
      const n = this.media.length + 1;
      relationshipId = `rId${this.firstFreeId + n - 1}`;
      this.known.set(key, relationshipId);
      this.media.push({ name: `word/media/image${n}.png`, data: png });
      this.relationships.push({ id: relationshipId, type: IMAGE_RELATIONSHIP, target: `media/image${n}.png` });
    }
    return { relationshipId, drawingId: ++this.drawings };
  }
}

export async function packDirect(fonts: FontProfile, meta: DocumentMeta, sections: readonly SectionSpec[], dates: PackageDates): Promise<Uint8Array> {
  const shell = await packageShell(fonts, sections.map((section) => section.decoration));
  const maxId = Math.max(0, ...shell.relationships.map((rel) => Number(/^rId(\d+)$/.exec(rel.id)?.[1] ?? 0)));
  const images = new Images(maxId + 1);
  const document = documentXml(shell, sections, images);
  const entries: ZipEntry[] = shell.parts.map(([name, data]) => {
    if (!("perDocument" in data)) return { name, packed: data };
    // Deflated afresh, past the zip writer's cache: these parts differ from one document to the next.
    switch (data.perDocument) {
      case "word/document.xml":
        return { name, packed: packPart(document) };
      case "word/_rels/document.xml.rels":
        // The same for every document of a shell (and set of images): deflated once, through the zip writer's cache.
        return { name, data: relationshipsXml([...shell.relationships, ...images.relationships]) };
      case "docProps/core.xml":
        return { name, packed: packPart(coreXml(meta, dates)) };
      case "docProps/custom.xml":
        return { name, packed: packPart(customXml(meta)) };
      case "word/fontTable.xml":
        // The same for every document of a profile: deflated once, through the zip writer's cache.
        return { name, data: fontTableXml(fonts) };
    }
  });
  for (const image of images.media) entries.push({ name: image.name, packed: packPart(image.data) });
  return zipEntries(entries);
}

/**
 * Sections one after another; a section that is not the last ends in a paragraph holding its
 * `w:sectPr` (its own last paragraph, or an empty one after a table); the last one's closes the body.
 */
export function documentXml(shell: PackageShell, sections: readonly SectionSpec[], images: ImageRegistry): string {
  let xml = shell.documentStart;
  sections.forEach((section, index) => {
    const properties = sectionPropertiesXml(section, shell.references[section.decoration] ?? "");
    const { children } = section;
    const last = children.at(-1);
    const endsInParagraph = index < sections.length - 1 && last?.kind === "paragraph";
    const count = endsInParagraph ? children.length - 1 : children.length;
    for (let i = 0; i < count; i++) xml += blockXml(children[i]!, images);
    if (index === sections.length - 1) xml += properties;
    else if (endsInParagraph) xml += paragraphXml(last, images, properties);
    else xml += `<w:p><w:pPr>${properties}</w:pPr></w:p>`;
  });
  return `${xml}</w:body></w:document>`;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

function relationshipsXml(relationships: readonly Relationship[]): string {
  const items = relationships.map((rel) => `<Relationship Id="${escapeXml(rel.id)}" Type="${escapeXml(rel.type)}" Target="${escapeXml(rel.target)}"/>`).join("");
  return `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${items}</Relationships>`;
}

const element = (name: string, value: string) => (value ? `<${name}>${escapeXml(value)}</${name}>` : "");

export function coreXml(meta: DocumentMeta, dates: PackageDates): string {
  const core = coreProperties(meta);
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    element("dc:title", core.title) +
    element("dc:subject", core.subject) +
    element("dc:creator", core.creator) +
    element("cp:keywords", core.keywords) +
    element("dc:description", core.description) +
    element("cp:lastModifiedBy", core.lastModifiedBy) +
    "<cp:revision>1</cp:revision>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${dates.created}T00:00:00Z</dcterms:created>` +
    `<dcterms:modified xsi:type="dcterms:W3CDTF">${dates.modified}T00:00:00Z</dcterms:modified>` +
    "</cp:coreProperties>"
  );
}

export function customXml(meta: DocumentMeta): string {
  const properties = customProperties(meta)
    .map(({ name, value }, index) => `<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="${index + 2}" name="${escapeXml(name)}"><vt:lpwstr>${escapeXml(value)}</vt:lpwstr></property>`)
    .join("");
  return `${XML_DECLARATION}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">${properties}</Properties>`;
}
