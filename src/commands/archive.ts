import { existsSync, statSync } from "node:fs";
import { adoptArchive } from "../archive/adopt.js";
import { resolve } from "node:path";
import { printDiagnostics } from "./report.js";
import { diagnostic, GongwenError } from "../errors.js";
import { byNumber, catalogCells, catalogCsv, CATALOG_COLUMNS, readCatalog, type Catalog } from "../archive/catalog.js";
import { formatTable } from "../archive/catalog.js";
import { resolveArchiveRoot } from "../archive/layout.js";
import { issue, type IssueOutcome } from "../archive/store.js";
import { resolveScope } from "../archive/target.js";
import { verifyArchive } from "../archive/verify.js";
import { writeFileAtomic } from "../output/atomic-write.js";

/**
 * `gongwen issue` / `archive add|verify|list|catalog`: argument handling and printing only; the archive
 * itself is src/archive/. Results go to stdout, diagnostics (Chinese first) to stderr.
 */

/** Exit code of verify when any entry is damaged, incomplete or accompanied by stray files. */
export const EXIT_VERIFY_FAILED = 6;

export interface IssueCommandOptions {
  readonly archive?: string;
  readonly reissue?: boolean;
  readonly reason?: string;
  readonly retention?: string;
}

export async function issueCommand(data: string, options: IssueCommandOptions): Promise<number> {
  const outcome = await issue(data, { root: resolveArchiveRoot(options.archive), reissue: options.reissue, reason: options.reason, retention: options.retention });
  printDiagnostics(outcome.warnings);
  process.stdout.write(issueReport(outcome));
  return 0;
}

const SAME_BY = { data: "数据文件相同 / identical data file", docx: "生成的 .docx 相同 / identical rendered .docx" } as const;
const RETENTION_SOURCE = { option: "--retention", data: "数据文件 / data file", default: "默认 / default" } as const;

function issueReport(outcome: IssueOutcome): string {
  const { metadata: m } = outcome;
  const seconds = (ms: number) => (ms / 1000).toFixed(1);
  const cleaned =
    outcome.cleaned.length > 0
      ? `  已清理中断的签发留下的临时文件夹或锁 ${outcome.cleaned.length} 项 / removed ${outcome.cleaned.length} leftover(s) of interrupted issues (temp folders, lock)\n`
      : "";
  const completed = outcome.completed.map((dir) => `  已完成被中断的签发（已登记的条目放入原位）/ completed an interrupted issue (the registered entry put in place): ${dir}\n`).join("");
  if (outcome.status === "unchanged") {
    const concurrent = outcome.concurrent ? "（另一进程刚刚归档了相同内容 / another process archived the same content just now）" : "";
    return (
      `未改动 / unchanged: ${outcome.docNumber} 已归档（第 ${m.version} 版），内容相同（${SAME_BY[outcome.sameBy ?? "data"]}）${concurrent}，无需重复归档 / already archived with identical content; nothing to do\n` +
      `  ${outcome.dir}\n${completed}${cleaned}`
    );
  }
  const lines = [
    `${outcome.status === "created" ? "已归档 / archived" : "已重新签发 / reissued"}: ${outcome.dir}`,
    `  ${m.发文字号}  第 ${m.version} 版 / version ${m.version}  件号 ${m.件号}${m.档号 ? `  档号 ${m.档号}` : ""}`,
    `  页数 ${m.页数}${m.页数 !== m.pdf.pages ? `（PDF 共 ${m.pdf.pages} 页，含版记前空白页 / incl. the blank page before the 版记）` : ""}  保管期限 ${m.保管期限}（${RETENTION_SOURCE[m.retentionSource]}）`,
  ];
  if (m.replaces) lines.push(`  替换第 ${m.replaces.version} 版（保留未动）/ replaces version ${m.replaces.version} (kept): ${m.replaces.reason}`);
  if (outcome.pdfa) lines.push(`  PDF/A-${outcome.pdfa.part}${outcome.pdfa.conformance.toLowerCase()} 已核验（XMP pdfaid），${outcome.pdfa.fonts} 种字体全部嵌入 / PDF/A declared in XMP, all ${outcome.pdfa.fonts} fonts embedded`);
  const lo = outcome.timings.conversionMs.reduce((a, b) => a + b, 0);
  lines.push(`  用时 / took ${seconds(outcome.timings.totalMs)} s（LibreOffice ${seconds(lo)} s，${outcome.timings.passes} 遍 / pass(es)）`);
  return `${lines.join("\n")}\n${completed}${cleaned}`;
}

export interface ArchiveCommandOptions {
  readonly archive?: string;
}

function existingRoot(option: string | undefined): string {
  const root = resolveArchiveRoot(option);
  if (!existsSync(root)) {
    throw new GongwenError(
      [diagnostic({ file: root, zh: "档案库不存在（用 --archive 或环境变量 GONGWEN_ARCHIVE 指定）", en: "no archive here (choose one with --archive or GONGWEN_ARCHIVE)", rule: "archive-missing-root" })],
      66,
    );
  }
  if (!statSync(root).isDirectory()) {
    throw new GongwenError([diagnostic({ file: root, zh: "不是档案库：这是一个文件，不是文件夹", en: "not an archive: this is a file, not a folder", rule: "archive-not-an-archive" })], 66);
  }
  return root;
}

/** A year is four digits, nothing else: it becomes a path inside the archive and must never leave it. */
function yearOption(year: string | undefined): string | undefined {
  if (year === undefined || /^\d{4}$/.test(year)) return year;
  throw new GongwenError([diagnostic({ path: ["--year"], zh: `年度“${year}”无效，应为四位数字，如 2022`, en: `invalid year "${year}": four digits, e.g. 2022`, rule: "archive-usage" })], 64);
}

export interface VerifyCommandOptions extends ArchiveCommandOptions {
  readonly head?: string;
}

export async function verifyCommand(path: string | undefined, options: VerifyCommandOptions): Promise<number> {
  const root = existingRoot(options.archive);
  if (options.head !== undefined && !/^[0-9a-fA-F]{64}$/.test(options.head)) {
    throw new GongwenError([diagnostic({ path: ["--head"], zh: "--head 应为 64 位十六进制的 SHA-256", en: "--head takes a SHA-256: 64 hex digits", rule: "archive-usage" })], 64);
  }
  const scope = { ...(await resolveScope(root, path)), ...(options.head !== undefined ? { head: options.head } : {}) };
  const report = await verifyArchive(root, scope);
  printDiagnostics([...report.problems, ...report.warnings]);
  const versions = report.versions.length;
  const mb = (report.bytes / 1024 / 1024).toFixed(1);
  const summary = `${report.documents} 件 ${versions} 个版本，${report.files} 个文件（${mb} MB），用时 ${(report.ms / 1000).toFixed(1)} 秒 / ${report.documents} document(s), ${versions} version(s), ${report.files} files (${mb} MB) in ${(report.ms / 1000).toFixed(1)} s`;
  // (A registered entry that is gone is a finding, exit 6, not "no such entry".)
  if (scope.folder !== undefined && report.documents === 0 && report.problems.length === 0) {
    throw new GongwenError([diagnostic({ file: path, zh: "档案库中没有这一件", en: "no such entry in the archive", rule: "archive-not-found" })], 66);
  }
  if (report.problems.length > 0) {
    const damaged = report.versions.filter((v) => v.problems.some((d) => d.severity !== "warning")).length;
    process.stdout.write(`校验未通过 / verification FAILED: ${report.problems.length} 个问题 / problem(s)，${damaged} 个版本受影响 / version(s) affected；${summary}\n`);
    return EXIT_VERIFY_FAILED;
  }
  if (report.register === "none") {
    process.stdout.write(`各条目完好，但没有登记簿，未能检查是否有整件、版本或年度被删除（运行 gongwen archive adopt）/ every entry intact, but without a register deletions cannot be noticed (run gongwen archive adopt): ${summary}\n`);
    return 0;
  }
  process.stdout.write(`全部完好 / all intact: ${summary}\n`);
  process.stdout.write(`登记簿 / register: ${report.register.lines} 行 / lines，末行哈希 / head ${report.register.head}\n`);
  return 0;
}

export async function adoptCommand(options: ArchiveCommandOptions): Promise<number> {
  const root = existingRoot(options.archive);
  const outcome = await adoptArchive(root);
  process.stdout.write(
    `已建立登记簿 / register adopted: ${outcome.file}\n` +
      `  登记 ${outcome.documents} 件 ${outcome.versions} 个版本 / ${outcome.documents} document(s), ${outcome.versions} version(s) registered\n` +
      `  末行哈希 / head ${outcome.head}（请另处记下，日后用 archive verify --head 核对 / note it elsewhere; check later with archive verify --head）\n`,
  );
  return 0;
}

export interface ListCommandOptions extends ArchiveCommandOptions {
  readonly year?: string;
  readonly number?: string;
  readonly title?: string;
}

export async function listCommand(options: ListCommandOptions): Promise<number> {
  const catalog = await readCatalog(existingRoot(options.archive), { year: yearOption(options.year), number: options.number, title: options.title });
  reportCatalogDiagnostics(catalog, options.number === undefined && options.title === undefined);
  const rows = [...catalog.rows].sort(byNumber);
  if (rows.length === 0) {
    process.stdout.write("没有符合条件的已归档公文 / nothing archived matches\n");
    return 0;
  }
  const header = ["年度", "件号", "发文字号", "成文日期", "页数", "版本", "保管期限", "题名"];
  const cells = rows.map((row) => [String(row.year), row.件号, row.发文字号, row.成文日期, String(row.页数), `v${row.version}`, row.保管期限, row.题名]);
  process.stdout.write(formatTable(header, cells));
  process.stdout.write(`共 ${rows.length} 件 / ${rows.length} document(s)\n`);
  return catalogExit(catalog);
}

export interface CatalogCommandOptions extends ArchiveCommandOptions {
  readonly year?: string;
  /** true: CSV to stdout; a string: CSV to that file. */
  readonly csv?: string | boolean;
}

export async function catalogCommand(options: CatalogCommandOptions): Promise<number> {
  const catalog = await readCatalog(existingRoot(options.archive), { year: yearOption(options.year) });
  reportCatalogDiagnostics(catalog, true);
  if (typeof options.csv === "string") {
    const target = resolve(options.csv);
    await writeFileAtomic(target, catalogCsv(catalog.rows));
    process.stdout.write(`已生成归档文件目录 / catalogue written: ${target}（${catalog.rows.length} 件，UTF-8 BOM，CRLF）\n`);
    return catalogExit(catalog);
  }
  if (options.csv === true) {
    process.stdout.write(catalogCsv(catalog.rows));
    return catalogExit(catalog);
  }
  process.stdout.write(formatTable([...CATALOG_COLUMNS], catalogCells(catalog.rows)));
  return catalogExit(catalog);
}

/** Entries the listing cannot show as they were archived (unreadable, or missing per the register): exit 6. */
function catalogExit(catalog: Catalog): number {
  return catalog.problems.length > 0 ? EXIT_VERIFY_FAILED : 0;
}

function reportCatalogDiagnostics(catalog: Catalog, withGaps: boolean): void {
  printDiagnostics([...catalog.problems, ...(withGaps ? catalog.gaps : [])]);
  if (catalog.problems.length > 0) {
    process.stderr.write("有条目无法读取或缺失，请运行 gongwen archive verify / some entries cannot be read or are missing; run gongwen archive verify\n");
  }
}
