import { hostname } from "node:os";
import { join, resolve } from "node:path";
import { safeFileName } from "../output/file-name.js";

/**
 * Where things live in an archive:
 *
 *   <root>/archive.json                      optional settings (全宗号, 机构代码)
 *   <root>/<年度>/<发文字号>/                 version 1 of a document: its files, metadata.json, manifest.sha256
 *   <root>/<年度>/<发文字号>/v2/              a reissued version, beside the first (and v3, …)
 *   <root>/.gongwen/lock                     held while an entry is committed
 *   <root>/.gongwen/tmp/<host>-<pid>-<rand>/ entries being built; renamed into place when complete
 *
 * The temp folders are inside the root so the final rename stays on one file system, hence atomic.
 */

export const DEFAULT_ARCHIVE_DIR = join("output", "archive");
export const INTERNAL_DIR = ".gongwen";

export function resolveArchiveRoot(option?: string, cwd = process.cwd()): string {
  // An empty value (GONGWEN_ARCHIVE= in a script) means unset, never "the current folder".
  return resolve(cwd, option || process.env.GONGWEN_ARCHIVE || DEFAULT_ARCHIVE_DIR);
}

export const tempRoot = (root: string) => join(root, INTERNAL_DIR, "tmp");
export const lockPath = (root: string) => join(root, INTERNAL_DIR, "lock");

/** The folder of a document: its 发文字号 made safe for Windows (〔〕 stay, they are legal everywhere). */
export function documentFolderName(docNumber: string): string {
  return safeFileName(docNumber);
}

export function documentDir(root: string, year: number | string, docNumber: string): string {
  return join(root, String(year), documentFolderName(docNumber));
}

/** Version 1 is the document folder itself; later versions sit inside it as v2, v3, … */
export function versionDir(documentDirectory: string, version: number): string {
  return version === 1 ? documentDirectory : join(documentDirectory, `v${version}`);
}

/** `v2` → 2; anything else (including `v1`, `v02`) → undefined. */
export function versionOfDirName(name: string): number | undefined {
  const match = /^v([2-9]|[1-9]\d+)$/.exec(name);
  return match?.[1] ? Number(match[1]) : undefined;
}

export const isYearDirName = (name: string) => /^\d{4}$/.test(name);

/** Host and pid in the temp folder's name tell a later run whether its owner may still be alive. */
export function tempDirPrefix(): string {
  return `${hostTag()}-${process.pid}-`;
}

/** Scratch folders of LibreOffice runs, in the OS temp folder: `gongwen-issue-<host>-<pid>-<rand>`. */
export const WORK_DIR_PREFIX = "gongwen-issue-";

export function hostTag(): string {
  return hostname().replace(/[^0-9A-Za-z.]/g, "_").slice(0, 40) || "host";
}

export function parseTempDirName(name: string): { host: string; pid: number } | undefined {
  const match = /^(.+)-(\d+)-[^-]+$/.exec(name);
  return match?.[1] && match[2] ? { host: match[1], pid: Number(match[2]) } : undefined;
}
