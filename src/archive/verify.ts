import type { Dirent } from "node:fs";
import { readdir } from "node:fs/promises";
import { join } from "node:path";
import { diagnostic, type Diagnostic } from "../errors.js";
import { CONFIG_FILE } from "./config.js";
import { INTERNAL_DIR, isYearDirName, lockPath } from "./layout.js";
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
}

export interface VerifyScope {
  readonly year?: string;
  /** A document folder within the year. */
  readonly folder?: string;
}

const PARALLEL = 8;

export async function verifyArchive(root: string, scope: VerifyScope = {}): Promise<VerifyReport> {
  const started = performance.now();
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

  if (scope.folder === undefined) {
    problems.push(...itemNumberProblems(root, records));
    problems.push(...(await strayProblems(root, scope.year)));
  }
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
  };
}

/** 件号 per year: unique per document, and 1…max without holes. */
function itemNumberProblems(root: string, records: readonly DocumentRecord[]): Diagnostic[] {
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
    const highest = Math.max(0, ...numbers.keys());
    const missing: string[] = [];
    for (let n = 1; n <= highest; n++) if (!numbers.has(n)) missing.push(String(n).padStart(4, "0"));
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

/** Files and folders in the archive that are no entry: at the root and in year folders. */
async function strayProblems(root: string, year?: string): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const stray = (path: string, isDir: boolean) =>
    out.push(diagnostic({ file: path, zh: `档案库中多出的${isDir ? "文件夹" : "文件"}（不是档案条目）`, en: `unexpected ${isDir ? "folder" : "file"} in the archive (not an entry)`, rule: "archive-unexpected" }));
  if (year === undefined) {
    let names: Dirent[] = [];
    try {
      names = await readdir(root, { withFileTypes: true });
    } catch {
      return out;
    }
    for (const entry of names) {
      if (entry.name === CONFIG_FILE || entry.name === INTERNAL_DIR) continue;
      if (entry.isDirectory() && isYearDirName(entry.name)) continue;
      stray(join(root, entry.name), entry.isDirectory());
    }
  }
  for (const y of year !== undefined ? [year] : await listYears(root)) {
    let entries: Dirent[] = [];
    try {
      entries = await readdir(join(root, y), { withFileTypes: true });
    } catch {
      continue;
    }
    for (const entry of entries) {
      if (!entry.isDirectory()) stray(join(root, y, entry.name), false);
      else if ((await readdir(join(root, y, entry.name))).length === 0) stray(join(root, y, entry.name), true);
    }
  }
  return out;
}
