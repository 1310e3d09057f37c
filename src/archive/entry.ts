import { chmod } from "node:fs/promises";
import { extname, join } from "node:path";
import type { DataFile } from "../kinds/kind.js";
import { toDocNumberParts } from "../model/primitives.js";
import type { RenderResult } from "../pipeline.js";
import { writeOnce } from "./durable.js";
import { formatManifest, MANIFEST_FILE, sha256 } from "./hash.js";
import { documentFolderName } from "./layout.js";
import { formatMetadata, METADATA_FILE, type ArchivedFile, type EntryMetadata, type FileRole } from "./metadata.js";

/**
 * The contents of one entry: which files, under which names, and the archival description drawn from
 * the document. Writing happens in a temp folder; store.ts decides when it becomes an entry.
 */

export interface EntryFile {
  readonly name: string;
  readonly role: FileRole;
  readonly bytes: Uint8Array;
}

/** Files are named after the 发文字号 like the folder, so a copied-out file still says what it is. */
export function entryFiles(docNumber: string, docx: Uint8Array, pdf: Uint8Array, data: Uint8Array, dataFile: string): EntryFile[] {
  const stem = documentFolderName(docNumber);
  const dataExt = /^\.ya?ml$/i.test(extname(dataFile)) ? extname(dataFile).toLowerCase() : ".yaml";
  return [
    { name: `${stem}.docx`, role: "docx", bytes: docx },
    { name: `${stem}.pdf`, role: "pdf", bytes: pdf },
    { name: `${stem}${dataExt}`, role: "data", bytes: data },
  ];
}

/** The files named in metadata.json and the manifest; nothing else belongs in an entry's folder. */
export const ENTRY_BOOKKEEPING = [METADATA_FILE, MANIFEST_FILE] as const;

export async function writeEntryFiles(dir: string, files: readonly EntryFile[]): Promise<ArchivedFile[]> {
  const out: ArchivedFile[] = [];
  for (const file of files) {
    await writeOnce(join(dir, file.name), file.bytes);
    out.push({ name: file.name, role: file.role, bytes: file.bytes.byteLength, sha256: sha256(file.bytes) });
  }
  return out;
}

/** metadata.json, then the manifest covering it and the files; returns metadata.json's SHA-256. */
export async function sealEntry(dir: string, metadata: EntryMetadata): Promise<string> {
  const text = formatMetadata(metadata);
  await writeOnce(join(dir, METADATA_FILE), text);
  const metadataHash = sha256(text);
  await writeOnce(join(dir, MANIFEST_FILE), formatManifest([...metadata.files.map((f) => ({ name: f.name, sha256: f.sha256 })), { name: METADATA_FILE, sha256: metadataHash }]));
  // mkdtemp made the folder private (0700); an archive is read by others.
  await chmod(dir, 0o755);
  return metadataHash;
}

export type DocumentDescription = Pick<
  EntryMetadata,
  | "发文字号"
  | "机关代字"
  | "年度"
  | "顺序号"
  | "题名"
  | "责任者"
  | "成文日期"
  | "印发机关"
  | "印发日期"
  | "主送"
  | "抄送"
  | "密级"
  | "保密期限"
  | "紧急程度"
  | "信息公开属性"
>;

/** The archival description, values exactly as the 公文 prints them (the block tree's meta). */
export function describeDocument(document: DataFile, rendered: RenderResult): DocumentDescription {
  const { envelope } = document;
  if (envelope.docNumber === undefined) throw new Error("describeDocument: the archive keys entries by 发文字号");
  const parts = toDocNumberParts(envelope.docNumber);
  const { meta } = rendered.document;
  return {
    发文字号: meta.docNumber,
    机关代字: parts.code,
    年度: parts.year,
    顺序号: parts.serial,
    题名: meta.title,
    责任者: [...meta.issuers],
    成文日期: meta.signedOn,
    印发机关: envelope.colophon?.printer ?? meta.issuers[0] ?? "",
    印发日期: meta.printedOn,
    主送: [...(envelope.addressees ?? [])],
    抄送: [...(envelope.colophon?.copyTo ?? [])],
    ...(envelope.secrecy ? { 密级: envelope.secrecy.level } : {}),
    ...(envelope.secrecy?.term ? { 保密期限: envelope.secrecy.term } : {}),
    ...(envelope.urgency ? { 紧急程度: envelope.urgency } : {}),
    ...(envelope.note?.publicity ? { 信息公开属性: envelope.note.publicity } : {}),
  };
}

/**
 * 保管期限 from the data, once the model has a field for it. The schema is strict, so today no data file
 * can carry one; reading it here keeps issue working unchanged when `retention` is added to the model.
 */
export function retentionInData(document: DataFile): string | undefined {
  return document.envelope.retention;
}
