import type { Dirent } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { diagnostic, type Diagnostic } from "../errors.js";
import { isYearDirName, versionDir, versionOfDirName } from "./layout.js";
import { MAX_METADATA_BYTES } from "./limits.js";
import { entryMetadata, METADATA_FILE, type EntryMetadata } from "./metadata.js";
import { readSmallFile, type SmallFile } from "./small-file.js";

/** What verify says when one of an entry's own files cannot be read as one. */
export function smallFileTrouble(name: string, read: Exclude<SmallFile, { kind: "text" }>): { zh: string; en: string; rule: string } {
  switch (read.kind) {
    case "missing":
      return { zh: `缺少 ${name}，此件不完整`, en: `${name} is missing; the entry is incomplete`, rule: "archive-missing" };
    case "symlink":
      return { zh: `${name} 是符号链接，不是文件（档案条目中的文件不得指向别处）`, en: `${name} is a symbolic link, not a file (an entry's files must not point elsewhere)`, rule: "archive-symlink" };
    case "not-a-file":
      return { zh: `${name} 不是普通文件`, en: `${name} is not a regular file`, rule: "archive-tampered" };
    case "too-large":
      return { zh: `${name} 过大（超过 ${read.limit} 字节），不是本程序写的，未读取`, en: `${name} is larger than ${read.limit} bytes, not one this program wrote; not read`, rule: "archive-tampered" };
    case "unreadable":
      return { zh: `无法读取 ${name}`, en: `cannot read ${name} (${read.message})`, rule: "archive-metadata" };
  }
}

/**
 * Reads the archive from the file system itself: folders are the index, so there is no second copy to
 * drift out of step, and a half-written entry is never seen (entries appear by rename, complete).
 * Dot-folders (.gongwen: lock and entries being built) are not part of the archive.
 */

export interface VersionRecord {
  readonly version: number;
  readonly dir: string;
  readonly metadata?: EntryMetadata;
  /** Why metadata.json could not be read, when it could not. */
  readonly error?: Diagnostic;
}

export interface DocumentRecord {
  readonly year: string;
  /** The folder name: the 发文字号 made file-name safe. */
  readonly folder: string;
  readonly dir: string;
  /** Version 1 first; a version's folder exists for each record. */
  readonly versions: readonly VersionRecord[];
}

export async function readMetadataFile(dir: string): Promise<{ metadata?: EntryMetadata; error?: Diagnostic; text?: string }> {
  const file = join(dir, METADATA_FILE);
  const read = await readSmallFile(file, MAX_METADATA_BYTES);
  if (read.kind !== "text") {
    return { error: diagnostic({ file, ...smallFileTrouble(METADATA_FILE, read) }) };
  }
  const text = read.text;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { text, error: diagnostic({ file, zh: "metadata.json 不是有效的 JSON", en: "metadata.json is not valid JSON", rule: "archive-metadata" }) };
  }
  const parsed = entryMetadata.safeParse(data);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first ? first.path.join(".") : "";
    return {
      text,
      error: diagnostic({
        file,
        zh: `metadata.json 内容不符合格式（${where}：${first?.message ?? ""}）`,
        en: `metadata.json does not match its schema (${where}: ${first?.message ?? ""})`,
        rule: "archive-metadata",
      }),
    };
  }
  return { text, metadata: parsed.data };
}

async function subdirectories(dir: string): Promise<string[]> {
  try {
    return (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return [];
    throw error;
  }
}

/** undefined when the document has no folder, or an empty one. */
export async function readDocumentRecord(root: string, year: string, folder: string): Promise<DocumentRecord | undefined> {
  const dir = join(root, year, folder);
  let entries: Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return undefined;
    throw error;
  }
  // An empty folder (made by hand, or a copy aborted) holds no entry; verify reports it as a stray.
  if (entries.length === 0) return undefined;
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name);
  const numbers = [1, ...names.map(versionOfDirName).filter((n): n is number => n !== undefined)].sort((a, b) => a - b);
  const versions = await Promise.all(
    numbers.map(async (version) => {
      const vdir = versionDir(dir, version);
      return { version, dir: vdir, ...(await readMetadataFile(vdir)) };
    }),
  );
  return { year, folder, dir, versions };
}

export async function listYears(root: string): Promise<string[]> {
  return (await subdirectories(root)).filter(isYearDirName).sort();
}

export async function scanArchive(root: string, options: { year?: string } = {}): Promise<DocumentRecord[]> {
  const years = options.year !== undefined ? [options.year] : await listYears(root);
  const out: DocumentRecord[] = [];
  for (const year of years) {
    const folders = (await subdirectories(join(root, year))).filter((name) => !name.startsWith(".")).sort();
    // Bounded parallelism: a year of 1,000 entries should not open 3,000 files at once.
    for (let i = 0; i < folders.length; i += 32) {
      const batch = await Promise.all(folders.slice(i, i + 32).map((folder) => readDocumentRecord(root, year, folder)));
      for (const record of batch) if (record) out.push(record);
    }
  }
  return out;
}

/** The version in force: the highest one whose metadata reads. */
export function currentVersion(record: DocumentRecord): VersionRecord | undefined {
  return [...record.versions].reverse().find((version) => version.metadata !== undefined);
}

/** True if anything (file, folder, link) has this name. */
export async function pathExists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" || (error as NodeJS.ErrnoException).code === "ENOTDIR") return false;
    throw error;
  }
}

/** True if any year folder holds anything at all: an archive with contents (a legacy one, without a register). */
export async function hasEntries(root: string): Promise<boolean> {
  for (const year of await listYears(root)) {
    if ((await readdir(join(root, year))).length > 0) return true;
  }
  return false;
}
