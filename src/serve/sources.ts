import { readFile } from "node:fs/promises";
import { basename, dirname, extname, join } from "node:path";
import { z } from "zod";
import { STARTER_FILES } from "../commands/new.js";
import { findKind } from "../kinds/registry.js";
import { nextYearDraft } from "../model/next-year.js";
import { SAMPLE_DATA_FILE } from "../pipeline.js";
import type { Folder } from "./folder.js";

/**
 * Where a draft starts (the editor's start screen): the sample, a blank document of a kind and format,
 * a shipped starter, next year's draft of a file (`gongwen new --from`), or a data file of the folder.
 * Importing a Word draft is a seam for `gongwen import` (issue 12): the request is accepted and answered
 * 501 until that command exists.
 */

export const FORMATS = ["file", "letter", "order", "minutes"] as const;

export const StartRequest = z.discriminatedUnion("from", [
  z.object({ from: z.literal("sample") }),
  z.object({ from: z.literal("blank"), format: z.enum(FORMATS).optional() }),
  z.object({ from: z.literal("starter"), name: z.string().max(40) }),
  z.object({ from: z.literal("next-year"), file: z.string().max(1000).optional() }),
  z.object({ from: z.literal("file"), file: z.string().max(1000) }),
  z.object({ from: z.literal("word"), file: z.string().max(1000) }),
]);
export type StartRequest = z.infer<typeof StartRequest>;

export interface Started {
  /** Suggested name inside the folder to save to; an existing file for `file`. */
  readonly file: string;
  readonly text: string;
  /** The draft is an existing file of the folder (save writes it back). */
  readonly existing: boolean;
}

export class StartError extends Error {
  constructor(
    readonly status: number,
    readonly zh: string,
    readonly en: string,
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

async function readInside(folder: Folder, name: string): Promise<{ path: string; text: string }> {
  const path = await folder.resolve(name);
  if (!path) throw new StartError(403, `文件不在所选文件夹内：${name}`, `the file is not inside the chosen folder: ${name}`);
  try {
    return { path, text: await readFile(path, "utf8") };
  } catch {
    throw new StartError(404, `找不到文件：${name}`, `file not found: ${name}`);
  }
}

/** A name in the folder not taken yet: `stem.yaml`, `stem-2.yaml` … */
async function freeName(folder: Folder, stem: string, taken: ReadonlySet<string>): Promise<string> {
  for (let index = 1; ; index++) {
    const name = `${stem}${index === 1 ? "" : `-${index}`}.yaml`;
    if (!taken.has(name)) return name;
  }
}

export async function startDraft(folder: Folder, request: StartRequest): Promise<Started> {
  const taken = new Set(await folder.dataFiles());
  switch (request.from) {
    case "sample":
      return { file: await freeName(folder, "new-circular", taken), text: await readFile(SAMPLE_DATA_FILE, "utf8"), existing: false };
    case "blank":
      return { file: await freeName(folder, "new-document", taken), text: blankText(request.format ?? "file"), existing: false };
    case "starter": {
      const starter = STARTER_FILES[request.name];
      if (!starter) throw new StartError(400, `没有名为“${request.name}”的起始文件`, `no starter named "${request.name}"`);
      const text = await readFile(join(dirname(SAMPLE_DATA_FILE), starter.file), "utf8");
      return { file: await freeName(folder, `new-${request.name}`, taken), text, existing: false };
    }
    case "next-year": {
      const source = request.file ? await readInside(folder, request.file) : { path: SAMPLE_DATA_FILE, text: await readFile(SAMPLE_DATA_FILE, "utf8") };
      const text = nextYearDraft(source.text, basename(source.path), (kind) => findKind(kind)?.nextYear);
      return { file: await freeName(folder, `${basename(source.path, extname(source.path))}-next-year`, taken), text, existing: false };
    }
    case "file": {
      const { path, text } = await readInside(folder, request.file);
      return { file: folder.nameOf(path), text, existing: true };
    }
    case "word":
      throw new StartError(501, "导入 Word 草稿尚未提供（见 gongwen import）", "importing a Word draft is not available yet (see gongwen import)");
  }
}
