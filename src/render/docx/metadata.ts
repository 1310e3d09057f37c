import type { DocumentMeta } from "../../document/document.js";

/** What a .docx says about itself: docProps/core.xml and GB/T 33480 items in docProps/custom.xml. */

/** Dublin Core items of docProps/core.xml. */
export function coreProperties(meta: DocumentMeta) {
  return {
    title: meta.title,
    creator: meta.issuers.join("、"),
    lastModifiedBy: meta.issuers[0] ?? "",
    subject: meta.docNumber,
    keywords: meta.docNumber,
    description: `${meta.docNumber} ${meta.title}`,
  };
}

/** GB/T 33480 core metadata as custom properties, values exactly as printed. */
export function customProperties(meta: DocumentMeta): { name: string; value: string }[] {
  const entries: [string, string | undefined][] = [
    ["发文字号", meta.docNumber],
    ["发文机关", meta.issuers.join("、")],
    ["标题", meta.title],
    ["成文日期", meta.signedOn],
    ["印发日期", meta.printedOn],
    ["信息公开属性", meta.publicity],
    ["密级", meta.secrecy],
    ["文种", meta.kind],
  ];
  return entries.filter((entry): entry is [string, string] => Boolean(entry[1])).map(([name, value]) => ({ name, value }));
}
