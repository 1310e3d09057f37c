import { access, readFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { z } from "zod";
import { STARTER_FILES } from "../commands/new.js";
import { readDraft } from "../draft/read-draft.js";
import { isGongwenError, type Diagnostic } from "../errors.js";
import { importDraft, type ReportItem } from "../import/to-data.js";
import { importedYaml } from "../import/yaml-file.js";
import { readInputFile } from "../load/read-input.js";
import { findKind } from "../kinds/registry.js";
import { nextYearDraft } from "../model/next-year.js";
import { SAMPLE_DATA_FILE } from "../pipeline.js";
import { versionOfBytes, type DiskVersion } from "./disk-version.js";
import type { Folder } from "./folder.js";

/**
 * Where a draft starts (the editor's start screen): the sample, a blank document of a kind and format,
 * a shipped starter, next year's draft of a file (`gongwen new --from`), a data file of the folder, or a
 * Word draft (a .docx of the folder, or one uploaded) read by the same import as `gongwen import`.
 */

export const FORMATS = ["file", "letter", "order", "minutes"] as const;

export const StartRequest = z.discriminatedUnion("from", [
  z.object({ from: z.literal("sample") }),
  z.object({ from: z.literal("blank"), format: z.enum(FORMATS).optional() }),
  z.object({ from: z.literal("starter"), name: z.string().max(40) }),
  z.object({ from: z.literal("next-year"), file: z.string().max(1000).optional() }),
  z.object({ from: z.literal("file"), file: z.string().max(1000) }),
  // `content`: an uploaded .docx, base64 (bounded by the request size limit); `file` is then only its name.
  z.object({ from: z.literal("word"), file: z.string().min(1).max(1000), content: z.string().optional() }),
]);
export type StartRequest = z.infer<typeof StartRequest>;

export interface Started {
  /** Suggested name inside the folder to save to; an existing file for `file`. */
  readonly file: string;
  readonly text: string;
  /** The draft is an existing file of the folder (save writes it back). */
  readonly existing: boolean;
  /** What is on disk under `file` now (src/serve/disk-version.ts): save asks before overwriting anything else. */
  readonly version: DiskVersion;
  /** For a Word draft: how each element was read (the import report of `gongwen import`). */
  readonly report?: readonly ReportItem[];
}

export class StartError extends Error {
  constructor(
    readonly status: number,
    readonly zh: string,
    readonly en: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(en);
  }
}

const today = () => new Date().toISOString().slice(0, 10);

/** A blank general document: only what every 公文 needs, each a placeholder to overwrite. */
function blankText(format: (typeof FORMATS)[number]): string {
  const docType = { file: "通知", letter: "函", order: "令", minutes: "纪要" }[format];
  return [
    "# yaml-language-server: $schema=./gongwen.schema.json",
    `# 空白${docType}：替换每一项内容 / a blank ${docType}: replace every value`,
    "kind: general",
    `docType: ${docType}`,
    `format: ${format}`,
    "envelope:",
    "  issuers:",
    "    - name: 某某局",
    `  title: 某某局关于某某事项的${docType}`,
    ...(format === "order" ? ["  orderNumber: 1", "  signers:", "    - name: 某某", "      title: 局长"] : ["  addressees:", "    - 各有关单位"]),
    ...(format === "minutes" ? ["  issueNumber: 1"] : []),
    `  signedOn: ${today()}`,
    "body: |",
    "  正文第一段。",
    "",
  ].join("\n");
}

async function readInside(folder: Folder, name: string): Promise<{ path: string; text: string; version: string }> {
  const path = await folder.resolve(name);
  if (!path) throw new StartError(403, `文件不在所选文件夹内：${name}`, `the file is not inside the chosen folder: ${name}`);
  try {
    const bytes = await readFile(path);
    return { path, text: new TextDecoder().decode(bytes), version: versionOfBytes(bytes) };
  } catch {
    throw new StartError(404, `找不到文件：${name}`, `file not found: ${name}`);
  }
}

/** A name in the folder not taken yet: `stem.yaml`, `stem-2.yaml` … (also not on disk beyond the listing). */
async function freeName(folder: Folder, stem: string, taken: ReadonlySet<string>): Promise<string> {
  for (let index = 1; ; index++) {
    const name = `${stem}${index === 1 ? "" : `-${index}`}.yaml`;
    if (taken.has(name)) continue;
    const onDisk = await access(join(folder.root, name)).then(() => true, () => false);
    if (!onDisk) return name;
  }
}

/** The .docx bytes of a Word-draft request: a file of the folder, or the upload. */
async function wordBytes(folder: Folder, request: { file: string; content?: string }): Promise<{ bytes: Uint8Array; stem: string; source: string }> {
  if (request.content !== undefined) {
    // Only the upload's own name counts; it is saved beside the folder's top, never where the name points.
    const source = basename(request.file.replace(/\\/gu, "/"));
    return { bytes: Buffer.from(request.content, "base64"), stem: basename(source, extname(source)) || "imported", source };
  }
  const path = await folder.resolve(request.file);
  if (!path) throw new StartError(403, `文件不在所选文件夹内：${request.file}`, `the file is not inside the chosen folder: ${request.file}`);
  const name = folder.nameOf(path);
  return { bytes: await readInputFile(path), stem: name.slice(0, name.length - extname(name).length), source: basename(path) };
}

/** A Word draft → the general-kind data file and the import report, exactly as `gongwen import` makes them. */
async function importWord(folder: Folder, request: { file: string; content?: string }, taken: ReadonlySet<string>): Promise<Started> {
  try {
    const { bytes, stem, source } = await wordBytes(folder, request);
    const imported = importDraft(readDraft(bytes, source));
    return { file: await freeName(folder, stem, taken), text: importedYaml(imported, source), existing: false, version: null, report: imported.report };
  } catch (error) {
    if (!isGongwenError(error)) throw error;
    // The CLI's own refusal (not a docx, encrypted, too large, a zip bomb), Chinese first, English beside.
    const first = error.diagnostics[0];
    throw new StartError(422, first?.zh ?? "无法导入 Word 草稿", first?.en ?? "cannot import the Word draft", error.diagnostics);
  }
}

export async function startDraft(folder: Folder, request: StartRequest): Promise<Started> {
  const taken = new Set(await folder.dataFiles());
  switch (request.from) {
    case "sample":
      return { file: await freeName(folder, "new-circular", taken), text: await readFile(SAMPLE_DATA_FILE, "utf8"), existing: false, version: null };
    case "blank":
      return { file: await freeName(folder, "new-document", taken), text: blankText(request.format ?? "file"), existing: false, version: null };
    case "starter": {
      const starter = STARTER_FILES[request.name];
      if (!starter) throw new StartError(400, `没有名为“${request.name}”的起始文件`, `no starter named "${request.name}"`);
      const text = await readFile(join(dirname(SAMPLE_DATA_FILE), starter.file), "utf8");
      return { file: await freeName(folder, `new-${request.name}`, taken), text, existing: false, version: null };
    }
    case "next-year": {
      const source = request.file ? await readInside(folder, request.file) : { path: SAMPLE_DATA_FILE, text: await readFile(SAMPLE_DATA_FILE, "utf8") };
      const text = nextYearDraft(source.text, basename(source.path), (kind) => findKind(kind)?.nextYear);
      return { file: await freeName(folder, `${basename(source.path, extname(source.path))}-next-year`, taken), text, existing: false, version: null };
    }
    case "file": {
      const { path, text, version } = await readInside(folder, request.file);
      return { file: folder.nameOf(path), text, existing: true, version };
    }
    case "word":
      return importWord(folder, request, taken);
  }
}
