import type { Dirent } from "node:fs";
import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { diagnostic, GongwenError, type Diagnostic } from "../errors.js";
import { CONFIG_FILE } from "./config.js";
import { documentKey, INTERNAL_DIR, isYearDirName, lockPath, tempRoot } from "./layout.js";
import { registerProblems } from "./register-check.js";
import { readRegister, REGISTER_FILE, type Register } from "./register.js";
import { findLeftovers } from "./leftovers.js";
import { lockState } from "./lock.js";
import { listYears, readDocumentRecord, scanArchive, type DocumentRecord } from "./scan.js";
import { verifyVersion, type VersionReport } from "./verify-entry.js";

export type { VersionReport } from "./verify-entry.js";

/**
 * Proves the archive unaltered: every version of every entry checked against its record (verify-entry.ts),
 * the 件号 of a year running 1, 2, 3 … without holes or repeats (a hole is an entry that was removed), and
 * nothing in the archive that is not an entry. Folders being built (.gongwen/tmp) and a dead writer's lock
 * are not damage: they are reported as warnings.
 */

export interface VerifyReport {
  readonly versions: readonly VersionReport[];
  readonly documents: number;
  /** Errors: any makes verify fail. */
  readonly problems: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  readonly files: number;
  readonly bytes: number;
  readonly ms: number;
  /** The register's state: its line count and head hash, or why there is none. */
  readonly register: { readonly lines: number; readonly head: string } | "none";
}

export interface VerifyScope {
  readonly year?: string;
  /** A document folder within the year. */
  readonly folder?: string;
  /** A head hash noted down earlier: the register must still contain that line (it only ever grows). */
  readonly head?: string;
}

const PARALLEL = 8;

export async function verifyArchive(root: string, scope: VerifyScope = {}): Promise<VerifyReport> {
  const started = performance.now();
  await assertArchiveFolder(root);
  const problems: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  let files = 0;
  let bytes = 0;

  let records: DocumentRecord[];
  if (scope.year !== undefined && scope.folder !== undefined) {
    const record = await readDocumentRecord(root, scope.year, scope.folder);
    records = record ? [record] : [];
  } else {
    records = await scanArchive(root, { year: scope.year });
  }

  const jobs = records.flatMap((record) => record.versions.map((version) => ({ record, version: version.version, dir: version.dir })));
  const reports: VersionReport[] = new Array(jobs.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(PARALLEL, jobs.length) }, async () => {
      while (next < jobs.length) {
        const index = next++;
        const job = jobs[index];
        if (!job) continue;
        const result = await verifyVersion(job.record, job.version);
        files += result.files;
        bytes += result.bytes;
        reports[index] = result.report;
      }
    }),
  );
  for (const report of reports) problems.push(...report.problems);
  // Read after the folders: an issue writes its register line before its rename, so this register names
  // every version the scan saw (one committed meanwhile may be named but unseen; registerProblems looks
  // again before calling it lost).
  const register = await readRegister(root);

  if (scope.folder === undefined) {
    problems.push(...itemNumberProblems(root, records, register === undefined));
    problems.push(...(await strayProblems(root, scope.year)));
  }
  const checked = await registerProblems(root, register, scope, records, reports);
  problems.push(...checked.problems);
  warnings.push(...checked.warnings);
  for (const leftover of await findLeftovers(root)) {
    warnings.push(
      diagnostic({
        severity: "warning",
        file: leftover.path,
        zh: leftover.abandoned ? "中断的签发留下的临时文件夹（不是档案条目），下次签发时自动清理" : "正在进行的签发的临时文件夹（不是档案条目）",
        en: leftover.abandoned ? "temp folder of an interrupted issue (not an entry); the next issue removes it" : "temp folder of an issue in progress (not an entry)",
        rule: "archive-temp-leftover",
      }),
    );
  }
  if ((await lockState(root)) === "stale") {
    warnings.push(
      diagnostic({
        severity: "warning",
        file: lockPath(root),
        zh: "中断的签发留下的锁（其进程已不存在），下次签发时自动解除",
        en: "lock left by an interrupted issue (its process is gone); the next issue removes it",
        rule: "archive-stale-lock",
      }),
    );
  }
  for (const report of reports) {
    warnings.push(...report.problems.filter((d) => d.severity === "warning"));
  }
  return {
    versions: reports,
    documents: records.length,
    problems: problems.filter((d) => d.severity !== "warning"),
    warnings,
    files,
    bytes,
    ms: performance.now() - started,
    register: register ? { lines: register.lineHashes.length, head: register.head } : "none",
  };
}

/** A file, a missing path, a device given as the archive: not an archive at all (exit 66). */
async function assertArchiveFolder(root: string): Promise<void> {
  const info = await lstat(root).catch(() => undefined);
  if (info?.isDirectory()) return;
  throw new GongwenError(
    [
      diagnostic({
        file: root,
        zh: info ? "不是档案库：这是一个文件，不是文件夹" : "档案库不存在",
        en: info ? "not an archive: this is a file, not a folder" : "there is no archive here",
        rule: "archive-not-an-archive",
      }),
    ],
    66,
  );
}

/**
 * 件号 per year: unique per document, and (without a register, which names each missing entry itself)
 * 1…max without holes.
 */
function itemNumberProblems(root: string, records: readonly DocumentRecord[], holes: boolean): Diagnostic[] {
  const out: Diagnostic[] = [];
  const byYear = new Map<string, Map<number, string[]>>();
  for (const record of records) {
    const numbers = new Set(record.versions.map((v) => v.metadata?.件号).filter((n): n is string => n !== undefined));
    if (numbers.size > 1) out.push(diagnostic({ file: record.dir, zh: `同一件的各版本件号不同：${[...numbers].join("、")}`, en: `the versions of one document carry different item numbers: ${[...numbers].join(", ")}`, rule: "archive-item-number" }));
    const year = byYear.get(record.year) ?? new Map<number, string[]>();
    byYear.set(record.year, year);
    for (const n of numbers) year.set(Number(n), [...(year.get(Number(n)) ?? []), record.folder]);
  }
  for (const [year, numbers] of byYear) {
    for (const [n, folders] of numbers) {
      if (folders.length > 1) out.push(diagnostic({ file: join(root, year), zh: `件号 ${String(n).padStart(4, "0")} 重复：${folders.join("、")}`, en: `item number ${String(n).padStart(4, "0")} used twice: ${folders.join(", ")}`, rule: "archive-item-number" }));
    }
    // As ranges between the numbers present: the work follows the entries, never the size of a number.
    const missing = !holes ? [] : missingRanges([...numbers.keys()]).map(([low, high]) => (low === high ? pad(low) : `${pad(low)}–${pad(high)}`));
    if (missing.length > 0) {
      out.push(
        diagnostic({
          file: join(root, year),
          zh: `${year} 年件号不连续，缺 ${missing.join("、")}（已归档的件被移走或删除）`,
          en: `${year}: item numbers missing: ${missing.join(", ")} (archived entries were moved or deleted)`,
          rule: "archive-missing",
        }),
      );
    }
  }
  return out;
}

const pad = (n: number) => String(n).padStart(4, "0");

/** The runs missing from 1 … max(present), as [low, high] pairs; present numbers in any order. */
export function missingRanges(present: readonly number[]): Array<[number, number]> {
  const sorted = [...new Set(present)].filter((n) => n >= 1).sort((a, b) => a - b);
  const out: Array<[number, number]> = [];
  let expected = 1;
  for (const n of sorted) {
    if (n > expected) out.push([expected, n - 1]);
    expected = n + 1;
  }
  return out;
}

/** Files and folders in the archive that are no entry: at the root and in year folders. */
async function strayProblems(root: string, year?: string): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const stray = (path: string, isDir: boolean) =>
    out.push(diagnostic({ file: path, zh: `档案库中多出的${isDir ? "文件夹" : "文件"}（不是档案条目）`, en: `unexpected ${isDir ? "folder" : "file"} in the archive (not an entry)`, rule: "archive-unexpected" }));
  const link = (path: string) => out.push(diagnostic({ file: path, zh: "档案库中的符号链接（档案只能是实际的文件和文件夹）", en: "symbolic link in the archive (an archive holds real files and folders only)", rule: "archive-symlink" }));
  if (year === undefined) {
    let names: Dirent[] = [];
    try {
      names = await readdir(root, { withFileTypes: true });
    } catch {
      return out;
    }
    for (const entry of names) {
      if (entry.isSymbolicLink()) {
        link(join(root, entry.name));
        continue;
      }
      if ((entry.name === CONFIG_FILE || entry.name === REGISTER_FILE) && entry.isFile()) continue;
      if (entry.name === INTERNAL_DIR && entry.isDirectory()) continue;
      if (entry.isDirectory() && isYearDirName(entry.name)) continue;
      stray(join(root, entry.name), entry.isDirectory());
    }
    out.push(...(await internalStrays(root)));
  }
  for (const y of year !== undefined ? [year] : await listYears(root)) {
    let entries: Dirent[] = [];
    try {
      entries = await readdir(join(root, y), { withFileTypes: true });
    } catch {
      continue;
    }
    const byKey = new Map<string, string[]>();
    for (const entry of entries) {
      const path = join(root, y, entry.name);
      if (entry.isSymbolicLink()) link(path);
      else if (!entry.isDirectory()) stray(path, false);
      // Hidden folders are never read as entries (scan skips them): whatever they hold is not archived.
      else if (entry.name.startsWith(".")) out.push(diagnostic({ file: path, zh: "年度文件夹中多出的隐藏文件夹（不是档案条目）", en: "unexpected hidden folder in a year folder (not an entry)", rule: "archive-unexpected" }));
      else if ((await readdir(path)).length === 0) stray(path, true);
      else byKey.set(documentKey(entry.name), [...(byKey.get(documentKey(entry.name)) ?? []), entry.name]);
    }
    for (const folders of byKey.values()) {
      if (folders.length < 2) continue;
      out.push(
        diagnostic({
          file: join(root, y),
          zh: `同一发文字号有 ${folders.length} 个文件夹（只差大小写或字形的等价写法）：${folders.join("、")}`,
          en: `one document number has ${folders.length} folders (differing only by case or equivalent character forms): ${folders.join(", ")}`,
          rule: "archive-collision",
        }),
      );
    }
  }
  return out;
}

/** .gongwen holds the lock, entries being built, a register being replaced; nothing else. */
async function internalStrays(root: string): Promise<Diagnostic[]> {
  let names: Dirent[] = [];
  try {
    names = await readdir(join(root, INTERNAL_DIR), { withFileTypes: true });
  } catch {
    return [];
  }
  const out: Diagnostic[] = [];
  for (const entry of names) {
    const path = join(root, INTERNAL_DIR, entry.name);
    if (entry.name === "tmp" && entry.isDirectory() && path === tempRoot(root)) continue;
    if ((entry.name === "lock" || entry.name.startsWith("lock.stale-") || /^register\.\d+\.tmp$/.test(entry.name)) && entry.isFile()) continue;
    out.push(diagnostic({ file: path, zh: "档案库内部文件夹中多出的内容（不是锁、临时条目或登记簿）", en: "unexpected item in the archive's internal folder (not a lock, an entry being built or the register)", rule: "archive-unexpected" }));
  }
  return out;
}

export type { Register };
