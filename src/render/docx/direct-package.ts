import type { DocumentMeta } from "../../document/blocks.js";
import type { FontProfile } from "../../layout/fonts.js";
import { coreProperties, customProperties } from "./metadata.js";
import { packageShell, type PackageShell } from "./shell.js";
import type { SectionSpec } from "./spec.js";
import { blockXml, escapeXml, paragraphXml } from "./xml-writer.js";
import { packPart, zipEntries, type ZipEntry } from "./zip.js";

/**
 * A .docx from laid-out sections without the library's object tree: the constant parts come from the
 * cached shell, document.xml and the two property parts are written here, all byte-identical to what
 * the library would write (test/render/xml-writer.test.ts).
 */

export interface PackageDates {
  /** ISO date the document was created (成文日期). */
  readonly created: string;
  /** ISO date it was last modified (印发日期). */
  readonly modified: string;
}

export async function packDirect(fonts: FontProfile, meta: DocumentMeta, sections: readonly SectionSpec[], dates: PackageDates): Promise<Uint8Array> {
  const shell = await packageShell(fonts, sections);
  const entries: ZipEntry[] = shell.parts.map(([name, data]) => {
    if (!("perDocument" in data)) return { name, packed: data };
    // Deflated afresh, past the zip writer's cache: these parts differ from one document to the next.
    switch (data.perDocument) {
      case "word/document.xml":
        return { name, packed: packPart(documentXml(shell, sections)) };
      case "docProps/core.xml":
        return { name, packed: packPart(coreXml(meta, dates)) };
      case "docProps/custom.xml":
        return { name, packed: packPart(customXml(meta)) };
    }
  });
  return zipEntries(entries);
}

/**
 * Sections one after another; a section that is not the last ends in a paragraph holding its
 * `w:sectPr` (its own last paragraph, or an empty one after a table), as the library does.
 */
export function documentXml(shell: PackageShell, sections: readonly SectionSpec[]): string {
  let xml = shell.documentStart;
  sections.forEach((section, index) => {
    const properties = shell.sectionProperties[index] ?? "";
    const { children } = section;
    const last = children.at(-1);
    const endsInParagraph = index < sections.length - 1 && last?.kind === "paragraph";
    const count = endsInParagraph ? children.length - 1 : children.length;
    for (let i = 0; i < count; i++) xml += blockXml(children[i]!);
    if (index === sections.length - 1) xml += properties;
    else if (endsInParagraph) xml += paragraphXml(last, properties);
    else xml += `<w:p><w:pPr>${properties}</w:pPr></w:p>`;
  });
  return xml + shell.documentEnd;
}

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';

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
