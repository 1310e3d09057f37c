import { mkdir, mkdtemp, readFile, rename, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { diagnostic, GongwenError, type Diagnostic } from "../errors.js";
import { formatDocNumber, toDocNumberParts } from "../model/primitives.js";
import type { LoadedDocument } from "../model/validate.js";
import { renderLoaded } from "../pipeline.js";
import { formatArchivalCode, formatItemNumber, type Retention } from "./codes.js";
import { readArchiveConfig, type ArchiveConfig } from "./config.js";
import { checkDocxProperties } from "./docx-properties.js";
import { fsyncDirectory } from "./durable.js";
import { describeDocument, entryFiles, retentionInData, sealEntry, writeEntryFiles } from "./entry.js";
import { fault } from "./fault.js";
import { chooseRetention, loadExact } from "./issue-input.js";
import { sha256 } from "./hash.js";
import { documentDir, documentFolderName, tempDirPrefix, tempRoot, versionDir, WORK_DIR_PREFIX } from "./layout.js";
import { removeAbandoned, removeAbandonedWork } from "./leftovers.js";
import { withArchiveLock } from "./lock.js";
import { fileOfRole, type EntryMetadata } from "./metadata.js";
import { assertPdfA, checkPdfA } from "./pdfa.js";
import { brokenEntry, concurrentReissue, conflict, usage } from "./refusals.js";
import { renderFinal } from "./render-final.js";
import { currentVersion, readDocumentRecord, scanArchive, type DocumentRecord, type VersionRecord } from "./scan.js";
import { toolVersion } from "./tool-version.js";

/**
 * Issue = put a document into the archive, write-once:
 *
 * 1. Load the data from its exact bytes; if the 发文字号 is archived already, compare (data bytes, then the
 *    rendered .docx): identical → nothing to do; different → refused unless --reissue.
 * 2. Render the final .docx and its PDF/A (LibreOffice), check the PDF/A, write the files into a temp
 *    folder inside the archive, fsync each.
 * 3. Under the archive lock: look again (another process may have won meanwhile), assign the 件号, write
 *    metadata.json and the manifest, rename the folder into place. The rename is the commit point: before
 *    it there is no entry, after it a complete one. Renaming onto an existing non-empty folder fails, so
 *    even without the lock exactly one process can create a given entry.
 */

export interface IssueOptions {
  /** Archive root (absolute or relative to cwd). */
  readonly root: string;
  readonly reissue?: boolean;
  readonly reason?: string;
  /** 保管期限; overrides the data's; default 定期30年. */
  readonly retention?: string;
  /** LibreOffice time limit per conversion. */
  readonly timeoutMs?: number;
  /** For tests: the issue time. */
  readonly now?: () => Date;
}

export type IssueStatus = "created" | "reissued" | "unchanged";

export interface IssueOutcome {
  readonly status: IssueStatus;
  readonly docNumber: string;
  /** The entry's folder (for unchanged: the version found identical). */
  readonly dir: string;
  readonly metadata: EntryMetadata;
  /** For unchanged: what matched (the data bytes, or the rendered .docx). */
  readonly sameBy?: "data" | "docx";
  /** Another process archived the same content while this one was rendering. */
  readonly concurrent?: boolean;
  readonly warnings: readonly Diagnostic[];
  /** Abandoned temp folders of earlier, killed runs removed by this one. */
  readonly cleaned: readonly string[];
  readonly timings: { readonly totalMs: number; readonly conversionMs: readonly number[]; readonly passes: number };
  /** What the PDF declared, read back from it (new versions only). */
  readonly pdfa?: { readonly part: string; readonly conformance: string; readonly fonts: number };
}

export async function issue(dataFile: string, options: IssueOptions): Promise<IssueOutcome> {
  const started = performance.now();
  const root = options.root;
  const reason = options.reason?.trim();
  if (options.reissue && !reason) usageError("--reissue 需要用 --reason 说明原因（记入档案）", "--reissue needs --reason (it is recorded in the archive)");
  if (reason && !options.reissue) usageError("--reason 只能与 --reissue 一起使用", "--reason only goes with --reissue");

  const { loaded, bytes } = await loadExact(dataFile);
  const warnings: Diagnostic[] = [...loaded.warnings];
  const { retention, source: retentionSource } = chooseRetention(options.retention, retentionInData(loaded.document), warnings);
  const number = requireDocNumber(loaded);
  const docNumber = formatDocNumber(number);
  const year = String(toDocNumberParts(number).year);
  const docDir = documentDir(root, year, docNumber);
  const config = await readArchiveConfig(root);
  const dataHash = sha256(bytes);
  const timings = (conversionMs: readonly number[] = [], passes = 0) => ({ totalMs: performance.now() - started, conversionMs, passes });

  // Whatever a killed run left (its temp folder, its lock) goes first, whatever this run then decides.
  const cleaned = await removeAbandoned(root);
  await removeAbandonedWork();

  // 1. Cheap answers first: no LibreOffice run for a repeat or a refused conflict.
  const before = await currentOf(root, year, docNumber);
  if (before) {
    const same = sameContent(before.metadata, dataHash);
    if (same) return unchanged(before, same, false);
    const firstPass = await renderLoaded(loaded);
    const sameDocx = sameContent(before.metadata, dataHash, sha256(firstPass.bytes));
    if (sameDocx) return unchanged(before, sameDocx, false);
    if (!options.reissue) throw conflict(docNumber, before.metadata, before.dir, false);
  } else if (options.reissue) {
    warnings.push(
      diagnostic({
        severity: "warning",
        zh: `${docNumber} 尚未归档，按首次签发处理，--reissue 和原因不记录`,
        en: `${docNumber} is not archived yet: issued as version 1; --reissue and the reason are not recorded`,
        rule: "archive-reissue-new",
      }),
    );
  }

  // 2. Build the entry beside the archive.
  await mkdir(tempRoot(root), { recursive: true });
  const temp = await mkdtemp(join(tempRoot(root), tempDirPrefix()));
  const work = await mkdtemp(join(tmpdir(), `${WORK_DIR_PREFIX}${tempDirPrefix()}`));
  try {
    const final = await renderFinal(loaded, { workDir: work, timeoutMs: options.timeoutMs });
    fault("after-pdf");
    const docxHash = sha256(final.result.bytes);
    if (before) {
      const same = sameContent(before.metadata, dataHash, docxHash);
      if (same) return unchanged(before, same, false, final.conversionMs, final.passes);
    }

    const { meta } = final.result.document;
    const properties = { title: meta.title, author: meta.issuers.join("、"), subject: meta.docNumber, keywords: meta.docNumber };
    const pdfCheck = await checkPdfA(final.pdfPath, properties);
    assertPdfA(pdfCheck);
    const docxProblems = checkDocxProperties(final.result.bytes, properties, final.result.suggestedFileName);
    if (docxProblems.length > 0) throw new GongwenError(docxProblems, 70);

    const files = await writeEntryFiles(temp, entryFiles(docNumber, final.result.bytes, final.pdfBytes, bytes, dataFile));
    fault("after-files");

    // 3. Commit.
    return await withArchiveLock(root, async () => {
      const now = await currentOf(root, year, docNumber);
      if (now) {
        const same = sameContent(now.metadata, dataHash, docxHash);
        if (same) return unchanged(now, same, !before || now.version !== before.version, final.conversionMs, final.passes);
        if (!options.reissue || !before) throw conflict(docNumber, now.metadata, now.dir, !before);
        if (now.version !== before.version) throw concurrentReissue(docNumber, before.version, now.version, now.dir);
      }
      const version = now ? now.version + 1 : 1;
      const numbering = now ? keptNumbering(now.metadata) : await newNumbering(root, year, config, retention);
      const metadata: EntryMetadata = {
        format: "gongwen-archive/1",
        ...describeDocument(loaded.document, final.result),
        保管期限: now ? now.metadata.保管期限 : retention,
        页数: final.contentPages,
        ...numbering,
        version,
        ...(now && reason ? { replaces: { version: now.version, metadataSha256: sha256(now.metadataText), reason } } : {}),
        files,
        pdf: { pages: final.pdfPages, pdfa: "2B", placement: final.result.plan.placement, ...(pdfCheck.info.producer ? { producer: pdfCheck.info.producer } : {}) },
        source: { fileName: basename(dataFile), encoding: loaded.encoding, kind: loaded.document.kind },
        retentionSource: now ? now.metadata.retentionSource : retentionSource,
        tool: { name: "gongwen", version: toolVersion() },
        issuedAt: isoWithOffset((options.now ?? (() => new Date()))()),
      };
      if (now && now.metadata.保管期限 !== retention && retentionSource !== "default") {
        warnings.push(
          diagnostic({
            severity: "warning",
            zh: `重新签发沿用第 1 版的保管期限“${now.metadata.保管期限}”和档号，忽略“${retention}”`,
            en: `a reissue keeps the first version's retention (${now.metadata.保管期限}) and archival code; "${retention}" ignored`,
            rule: "archive-retention-kept",
          }),
        );
      }
      await sealEntry(temp, metadata);
      await fsyncDirectory(temp);
      fault("before-rename");

      const target = versionDir(docDir, version);
      await mkdir(dirname(target), { recursive: true });
      try {
        await rename(temp, target);
      } catch (error) {
        // ENOTEMPTY/EEXIST on POSIX, EPERM on Windows: the target appeared although we held the lock (a
        // broken lock). The rename still let only one writer in; say who won, or pass the error on.
        const winner = await currentOf(root, year, docNumber).catch(() => undefined);
        if (!winner || winner.version < version) throw error;
        const same = sameContent(winner.metadata, dataHash, docxHash);
        if (same) return unchanged(winner, same, true, final.conversionMs, final.passes);
        throw conflict(docNumber, winner.metadata, target, true);
      }
      // The new name, and for a first issue of the year the year folder's own name, must reach the disk too.
      await fsyncDirectory(dirname(target));
      await fsyncDirectory(dirname(dirname(target)));
      fault("after-rename");
      return {
        status: version === 1 ? "created" : "reissued",
        docNumber,
        dir: target,
        metadata,
        warnings,
        cleaned,
        timings: timings(final.conversionMs, final.passes),
        pdfa: { part: pdfCheck.part ?? "", conformance: pdfCheck.conformance ?? "", fonts: pdfCheck.fonts },
      } satisfies IssueOutcome;
    });
  } finally {
    await rm(work, { recursive: true, force: true });
    // Gone after a successful rename; otherwise the half-built entry must not outlive us.
    await rm(temp, { recursive: true, force: true });
  }

  function unchanged(found: Current, sameBy: "data" | "docx", concurrent: boolean, conversionMs: readonly number[] = [], passes = 0): IssueOutcome {
    if (retentionSource === "option" && retention !== found.metadata.保管期限) {
      warnings.push(
        diagnostic({
          severity: "warning",
          zh: `已归档的保管期限为“${found.metadata.保管期限}”，档案不作改动，--retention “${retention}”未采用`,
          en: `the archived retention is ${found.metadata.保管期限}; the archive is not changed, --retention "${retention}" not applied`,
          rule: "archive-retention-kept",
        }),
      );
    }
    return { status: "unchanged", docNumber, dir: found.dir, metadata: found.metadata, sameBy, concurrent, warnings, cleaned, timings: timings(conversionMs, passes) };
  }
}

function usageError(zh: string, en: string): never {
  throw usage(zh, en);
}

interface Current {
  readonly version: number;
  readonly dir: string;
  readonly metadata: EntryMetadata;
  readonly metadataText: string;
}

async function currentOf(root: string, year: string, docNumber: string): Promise<Current | undefined> {
  const record = await readDocumentRecord(root, year, documentFolderName(docNumber));
  if (!record) return undefined;
  const current = currentVersion(record);
  // (An empty folder reads as no record: the rename may take its place, as rename(2) allows.)
  if (!current?.metadata) throw brokenEntry(record.dir);
  return { version: current.version, dir: current.dir, metadata: current.metadata, metadataText: await readFile(join(current.dir, "metadata.json"), "utf8") };
}

/** The PDF never decides: LibreOffice stamps each conversion with its time, so its bytes always differ. */
function sameContent(metadata: EntryMetadata, dataHash: string, docxHash?: string): "data" | "docx" | undefined {
  if (fileOfRole(metadata, "data")?.sha256 === dataHash) return "data";
  if (docxHash !== undefined && fileOfRole(metadata, "docx")?.sha256 === docxHash) return "docx";
  return undefined;
}

function keptNumbering(previous: EntryMetadata): Pick<EntryMetadata, "件号" | "全宗号" | "档号"> {
  return { 件号: previous.件号, ...(previous.全宗号 ? { 全宗号: previous.全宗号 } : {}), ...(previous.档号 ? { 档号: previous.档号 } : {}) };
}

/** Next 件号 of the year, read from the entries under the lock (so two writers never draw the same one). */
async function newNumbering(root: string, year: string, config: ArchiveConfig, retention: Retention): Promise<Pick<EntryMetadata, "件号" | "全宗号" | "档号">> {
  const records: DocumentRecord[] = await scanArchive(root, { year });
  let highest = 0;
  for (const record of records) {
    for (const version of record.versions as VersionRecord[]) {
      const n = Number(version.metadata?.件号 ?? 0);
      if (n > highest) highest = n;
    }
  }
  const 件号 = formatItemNumber(highest + 1);
  const 档号 = formatArchivalCode(config, Number(year), retention, 件号);
  return { 件号, ...(config.全宗号 ? { 全宗号: config.全宗号 } : {}), ...(档号 ? { 档号 } : {}) };
}

/** `2026-03-07T09:30:00.123+08:00`: local time with its offset, as the clerk's clock read it. */
export function isoWithOffset(date: Date): string {
  const offset = -date.getTimezoneOffset();
  const sign = offset >= 0 ? "+" : "-";
  const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, "0");
  const local = new Date(date.getTime() + offset * 60_000);
  return `${local.toISOString().slice(0, 23)}${sign}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
}

/** Entries are filed by 发文字号 (year folder, number folder): a document without one cannot be filed. */
function requireDocNumber(loaded: LoadedDocument): NonNullable<LoadedDocument["document"]["envelope"]["docNumber"]> {
  const number = loaded.document.envelope.docNumber;
  if (number !== undefined) return number;
  throw new GongwenError([
    diagnostic({
      file: loaded.file,
      path: ["envelope", "docNumber"],
      zh: "归档按发文字号存放，此文件没有发文字号（envelope.docNumber）",
      en: "the archive files entries by 发文字号, and this document has none (envelope.docNumber)",
      rule: "archive-docno",
    }),
  ]);
}
