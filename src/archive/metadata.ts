import { z } from "zod";
import { RETENTIONS } from "./codes.js";
import { MAX_ITEM_NUMBER, MAX_SERIAL } from "./limits.js";

/**
 * `metadata.json`, the record of one archived version: the archival description (DA/T 22 catalogue items,
 * DA/T 46 / GB/T 33480 core metadata, keyed by their Chinese names as the archivist reads them) and the
 * technical record (files with SHA-256, PDF facts, tool, time). Values are exactly as printed in the 公文.
 *
 * Every field is a pure function of the data file, the archive config, the options and the archive's state
 * (件号, version) except `issuedAt` and the PDF's SHA-256: LibreOffice writes the conversion time and a
 * fresh document ID into every PDF, so the PDF's bytes (and hence metadata.json's hash) differ per run.
 * That is why "same content" is judged by the data file and the .docx, never by the PDF.
 */

export const METADATA_FILE = "metadata.json";
export const METADATA_FORMAT = "gongwen-archive/1";

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const FILE_ROLES = ["docx", "pdf", "data"] as const;
export type FileRole = (typeof FILE_ROLES)[number];

export const archivedFile = z.strictObject({
  name: z.string().min(1),
  /** docx = the issued .docx; pdf = its PDF/A-2b copy (the long-term format); data = the data file as given. */
  role: z.enum(FILE_ROLES),
  bytes: z.number().int().nonnegative(),
  sha256: sha256Hex,
});

export const entryMetadata = z.strictObject({
  format: z.literal(METADATA_FORMAT),

  发文字号: z.string().min(1),
  机关代字: z.string().min(1),
  年度: z.number().int(),
  顺序号: z.number().int().positive().max(MAX_SERIAL),
  题名: z.string().min(1),
  /** 发文机关, host first (联合行文). */
  责任者: z.array(z.string().min(1)).min(1),
  成文日期: isoDate,
  印发机关: z.string().min(1),
  印发日期: isoDate,
  主送: z.array(z.string()),
  抄送: z.array(z.string()),
  密级: z.string().optional(),
  保密期限: z.string().optional(),
  紧急程度: z.string().optional(),
  信息公开属性: z.string().optional(),
  保管期限: z.enum(RETENTIONS as [string, ...string[]]),
  /** Pages with content: the PDF's pages less the blank page before the 版记 (DA/T 22: 有图文的页面为一页). */
  页数: z.number().int().positive(),
  /** Per-year sequence of the archive, assigned at first issue, kept by later versions. */
  件号: z
    .string()
    .regex(/^\d{4,6}$/)
    .refine((n) => Number(n) >= 1 && Number(n) <= MAX_ITEM_NUMBER, `件号应在 0001 至 ${MAX_ITEM_NUMBER} 之间 / item numbers run 0001 to ${MAX_ITEM_NUMBER}`),
  全宗号: z.string().optional(),
  档号: z.string().optional(),

  /** 1 for the first issue; n for the (n−1)th reissue, kept in `<发文字号>/v<n>/`. */
  version: z.number().int().positive(),
  replaces: z
    .strictObject({
      version: z.number().int().positive(),
      /** SHA-256 of the replaced version's metadata.json: chains versions so a swapped one shows. */
      metadataSha256: sha256Hex,
      reason: z.string().min(1),
    })
    .optional(),

  /**
   * The seq of this version's line in register.jsonl (written before the line, which then carries this
   * file's hash). Absent in entries made before the archive had a register (and in adopted ones): an
   * entry that has it proves the archive had a register, so a deleted register.jsonl is noticed.
   */
  registerSeq: z.number().int().positive().optional(),

  files: z.array(archivedFile).min(1).max(8),
  pdf: z.strictObject({
    pages: z.number().int().positive(),
    pdfa: z.literal("2B"),
    placement: z.enum(["same-page", "next-page", "blank-then-page"]),
    producer: z.string().optional(),
  }),
  source: z.strictObject({
    /** The data file's name when issued (its bytes are archived under `files`). */
    fileName: z.string(),
    encoding: z.string(),
    kind: z.string(),
  }),
  retentionSource: z.enum(["option", "data", "default"]),
  tool: z.strictObject({ name: z.literal("gongwen"), version: z.string() }),
  /** The one non-deterministic field: when this version entered the archive (ISO 8601 with offset). */
  issuedAt: z.string(),
});

export type EntryMetadata = z.output<typeof entryMetadata>;
export type ArchivedFile = z.output<typeof archivedFile>;

/** Stable key order and two-space indent, so the file reads well and diffs cleanly. */
export function formatMetadata(metadata: EntryMetadata): string {
  return `${JSON.stringify(entryMetadata.parse(metadata), null, 2)}\n`;
}

export function fileOfRole(metadata: EntryMetadata, role: FileRole): ArchivedFile | undefined {
  return metadata.files.find((file) => file.role === role);
}
