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
  return safeFileName(canonicalDocNumber(docNumber));
}

/**
 * The one spelling of a 发文字号 the archive keeps: NFC, which maps each CJK compatibility ideograph to
 * the unified one it is canonically equivalent to (U+F900 豈 → U+8C48 豈), and the Kangxi and supplementary
 * radicals, which look exactly like ideographs, to those ideographs (U+2F08 ⼈ → U+4EBA 人). Two numbers
 * with the same canonical form are one number: they would otherwise print alike and share one folder.
 */
export function canonicalDocNumber(docNumber: string): string {
  return docNumber.normalize("NFC").replace(/[\u2e80-\u2fdf\uf900-\ufaff\u{2f800}-\u{2fa1f}]/gu, (char) => char.normalize("NFKC"));
}

/**
 * Two folders that are one on Windows or macOS (case-insensitive) or one number to a reader (canonical
 * equivalence) share this key; the archive never holds two folders with one key in a year.
 */
export function documentKey(folderOrNumber: string): string {
  return canonicalDocNumber(folderOrNumber).toLowerCase();
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
