import { diagnostic, type Diagnostic } from "../errors.js";
import { join } from "node:path";
import { findPending, lastMissing } from "./pending.js";
import { documentKeyOf, readRegister, registeredByDocument } from "./register.js";
import { currentVersion, scanArchive, type DocumentRecord } from "./scan.js";

/**
 * What the archive holds, as rows: the 归档文件目录 of DA/T 22-2015 (序号、档号、文号、责任者、题名、日期、
 * 密级、页数、备注), the terminal listing, and the serial numbers missing from a year's run.
 */

export interface CatalogRow {
  readonly year: number;
  readonly 件号: string;
  readonly 档号?: string;
  readonly 发文字号: string;
  readonly 机关代字: string;
  readonly 顺序号: number;
  readonly 责任者: readonly string[];
  readonly 题名: string;
  readonly 成文日期: string;
  readonly 密级?: string;
  readonly 页数: number;
  readonly 保管期限: string;
  /** Version in force, and how many versions the document has. */
  readonly version: number;
  readonly 备注: string;
  readonly dir: string;
}

export interface CatalogFilter {
  readonly year?: string;
  /** Whole or part of a 发文字号; [] 【】 () are read as 〔〕. */
  readonly number?: string;
  /** Words, all of which must occur in the 题名. */
  readonly title?: string;
}

export interface Catalog {
  readonly rows: readonly CatalogRow[];
  /** Entries whose metadata cannot be read (run verify). */
  readonly problems: readonly Diagnostic[];
  /** Serial numbers missing in a year per 机关代字 (warnings). */
  readonly gaps: readonly Diagnostic[];
}

export async function readCatalog(root: string, filter: CatalogFilter = {}): Promise<Catalog> {
  const rows: CatalogRow[] = [];
  const problems: Diagnostic[] = [];
  // The folders first, then the register (written before each rename, so it names all the scan saw).
  const records = await scanArchive(root, { year: filter.year });
  problems.push(...(await registerDisagreements(root, records, filter.year)));
  for (const record of records) {
    for (const version of record.versions) if (version.error) problems.push(version.error);
    const current = currentVersion(record);
    const metadata = current?.metadata;
    if (!current || !metadata) continue;
    const replaced = metadata.replaces;
    rows.push({
      year: metadata.年度,
      件号: metadata.件号,
      档号: metadata.档号,
      发文字号: metadata.发文字号,
      机关代字: metadata.机关代字,
      顺序号: metadata.顺序号,
      责任者: metadata.责任者,
      题名: metadata.题名,
      成文日期: metadata.成文日期,
      密级: metadata.密级,
      页数: metadata.页数,
      保管期限: metadata.保管期限,
      version: metadata.version,
      备注: replaced ? `第${metadata.version}版，替换第${replaced.version}版：${replaced.reason}` : "",
      dir: current.dir,
    });
  }
  // Gaps are judged on the whole year: a title filter must not invent holes.
  const gaps = serialGaps(rows);
  return { rows: rows.filter((row) => matches(row, filter)), problems, gaps };
}

/**
 * What the register knows and the folders no longer show: a deleted entry, a deleted later version (the
 * listing would otherwise show the version it replaced as the one in force). Cheap (no hashing): verify
 * says the rest.
 */
async function registerDisagreements(root: string, records: readonly DocumentRecord[], year: string | undefined): Promise<Diagnostic[]> {
  const register = await readRegister(root);
  if (!register) return [];
  if (register.problems.length > 0) return [diagnostic({ file: register.file, zh: "登记簿已损坏", en: "the register is damaged", rule: "archive-register" })];
  const out: Diagnostic[] = [];
  const onDisk = new Map(records.map((record) => [documentKeyOf(record.year, record.folder), record]));
  // A commit cut short between its register line and its rename is not a loss: the next issue completes it.
  const pending = new Set((await findPending(root, await lastMissing(root, register))).map((p) => documentKeyOf(p.line.year, p.line.folder)));
  for (const [key, versions] of registeredByDocument(register)) {
    const latest = versions[versions.length - 1];
    if (!latest || (year !== undefined && latest.year !== year) || pending.has(key)) continue;
    const record = onDisk.get(key);
    const dir = join(root, latest.year, latest.folder);
    if (!record) {
      out.push(diagnostic({ file: dir, zh: `登记在册的 ${latest.docNumber} 不在档案库中`, en: `the registered ${latest.docNumber} is not in the archive`, rule: "archive-missing" }));
    } else if (!record.versions.some((v) => v.version === latest.version)) {
      out.push(
        diagnostic({
          file: dir,
          zh: `${latest.docNumber} 登记在册的现行版本是第 ${latest.version} 版，但它不在档案库中；列出的较早版本已被替换，不是现行版本`,
          en: `${latest.docNumber}: the registered version in force is ${latest.version}, which is not in the archive; the earlier version listed was replaced and is not in force`,
          rule: "archive-missing",
        }),
      );
    }
  }
  return out;
}

export function normalizeDocNumber(text: string): string {
  return text.replace(/\s+/g, "").replace(/[[【［(（]/g, "〔").replace(/[\]】］)）]/g, "〕");
}

export function matches(row: CatalogRow, filter: CatalogFilter): boolean {
  if (filter.year !== undefined && String(row.year) !== filter.year) return false;
  if (filter.number !== undefined && !row.发文字号.includes(normalizeDocNumber(filter.number))) return false;
  if (filter.title !== undefined) {
    const words = filter.title.split(/\s+/).filter(Boolean);
    if (!words.every((word) => row.题名.includes(word))) return false;
  }
  return true;
}

/** The order to find things by number: year, 机关代字, 顺序号. */
export function byNumber(a: CatalogRow, b: CatalogRow): number {
  return a.year - b.year || compareText(a.机关代字, b.机关代字) || a.顺序号 - b.顺序号;
}

/** The catalogue's order (DA/T 22): year, then 件号, the order the entries were filed in. */
export function byItemNumber(a: CatalogRow, b: CatalogRow): number {
  return a.year - b.year || compareText(a.件号, b.件号) || byNumber(a, b);
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Serial numbers a year's run lacks, per 机关代字: 3号 missing between 2号 and 4号. Numbers before the first
 * archived one are reported once as a range (the archive may have started mid-year). Warnings, not errors:
 * a number may have been cancelled, or the document filed on paper.
 */
export function serialGaps(rows: readonly CatalogRow[]): Diagnostic[] {
  const runs = new Map<string, { year: number; code: string; serials: Set<number> }>();
  for (const row of rows) {
    const key = `${row.year}\u0000${row.机关代字}`;
    const run = runs.get(key) ?? { year: row.year, code: row.机关代字, serials: new Set<number>() };
    run.serials.add(row.顺序号);
    runs.set(key, run);
  }
  const out: Diagnostic[] = [];
  const sorted = [...runs.values()].sort((a, b) => a.year - b.year || compareText(a.code, b.code));
  for (const { year, code, serials } of sorted) {
    const numbers = [...serials].sort((a, b) => a - b);
    const first = numbers[0] ?? 1;
    const name = (n: number) => `${code}〔${year}〕${n}号`;
    if (first > 1) {
      const range = first === 2 ? "1号" : `1号至${first - 1}号`;
      out.push(warning(`${code}〔${year}〕${range}未归档（最早归档的是 ${name(first)}）`, `${code} ${year}: serial(s) ${first === 2 ? "1" : `1–${first - 1}`} not archived (the first archived is ${name(first)})`));
    }
    // One warning per gap, a range when it spans several numbers: 〔2022〕20220003号 after 2号 is one
    // warning, not twenty million (the work and the output follow the entries, never a number's size).
    for (let i = 1; i < numbers.length; i++) {
      const low = numbers[i - 1] ?? 0;
      const high = numbers[i] ?? 0;
      if (high - low === 2) {
        out.push(warning(`缺号：${name(low + 1)}（${low}号与${high}号之间）未归档`, `gap: ${name(low + 1)} is not archived (between ${low} and ${high})`));
      } else if (high - low > 2) {
        const count = high - low - 1;
        out.push(warning(`缺号：${name(low + 1)}至${high - 1}号，共 ${count} 个，未归档（${low}号与${high}号之间）`, `gap: ${name(low + 1)} to ${high - 1}, ${count} numbers, not archived (between ${low} and ${high})`));
      }
    }
  }
  return out;
}

function warning(zh: string, en: string): Diagnostic {
  return diagnostic({ severity: "warning", zh, en, rule: "archive-serial-gap" });
}

export const CATALOG_COLUMNS = ["序号", "档号", "文号", "责任者", "题名", "日期", "密级", "页数", "备注"] as const;

/** The 归档文件目录 as rows of cells; 序号 restarts with each year's 目录, 日期 is YYYYMMDD. */
export function catalogCells(rows: readonly CatalogRow[]): string[][] {
  const sorted = [...rows].sort(byItemNumber);
  const counters = new Map<number, number>();
  return sorted.map((row) => {
    const serial = (counters.get(row.year) ?? 0) + 1;
    counters.set(row.year, serial);
    return [String(serial), row.档号 ?? "", row.发文字号, row.责任者.join("、"), row.题名, row.成文日期.replaceAll("-", ""), row.密级 ?? "", String(row.页数), row.备注];
  });
}

/**
 * RFC 4180 CSV for Excel on a Chinese Windows: UTF-8 with a BOM (without it Excel decodes the file in the
 * ANSI code page, GBK, and shows mojibake), CRLF line ends, fields quoted when they hold , " or a line end.
 */
export function catalogCsv(rows: readonly CatalogRow[]): string {
  const lines = [[...CATALOG_COLUMNS], ...catalogCells(rows)].map((cells) => cells.map(csvField).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Terminal columns: CJK characters take two cells. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    const wide =
      (code >= 0x1100 && code <= 0x115f) ||
      (code >= 0x2e80 && code <= 0xa4cf) ||
      (code >= 0xac00 && code <= 0xd7a3) ||
      (code >= 0xf900 && code <= 0xfaff) ||
      (code >= 0xfe30 && code <= 0xfe4f) ||
      (code >= 0xff00 && code <= 0xff60) ||
      (code >= 0xffe0 && code <= 0xffe6) ||
      code >= 0x20000;
    width += wide ? 2 : 1;
  }
  return width;
}

export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((cell, column) => Math.max(displayWidth(cell), ...rows.map((row) => displayWidth(row[column] ?? ""))));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, column) => (column === cells.length - 1 ? cell : cell + " ".repeat((widths[column] ?? 0) - displayWidth(cell))))
      .join("  ")
      .trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n") + "\n";
}
