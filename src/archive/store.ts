import { mkdir, mkdtemp, readdir, readFile, rename, rm } from "node:fs/promises";
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
import { MANIFEST_FILE, sha256 } from "./hash.js";
import { canonicalDocNumber, documentDir, documentFolderName, documentKey, tempDirPrefix, tempRoot, versionDir, WORK_DIR_PREFIX } from "./layout.js";
import { removeAbandoned, removeAbandonedWork } from "./leftovers.js";
import { withArchiveLock } from "./lock.js";
import { fileOfRole, type EntryMetadata } from "./metadata.js";
import { assertPdfA, checkPdfA } from "./pdfa.js";
import { brokenEntry, concurrentReissue, conflict, numberCollision, registerUntrusted, usage, versionsDisagree } from "./refusals.js";
import { renderFinal } from "./render-final.js";
import { currentVersion, hasEntries, readDocumentRecord, scanArchive, type DocumentRecord, type VersionRecord } from "./scan.js";
import { MAX_ITEM_NUMBER, MAX_NAME_BYTES, MAX_SERIAL } from "./limits.js";
import { completePending, lastMissing } from "./pending.js";
import { appendRegister, nextSeq, readRegister, registerPath, type Register } from "./register.js";
import { asWriteError } from "./write-errors.js";
import { isoWithOffset } from "./time.js";

export { isoWithOffset } from "./time.js";
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
  /** Entries of a commit killed between its register line and its rename, put in place by this run. */
  readonly completed: readonly string[];
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
  try {
    return await issueLoaded(dataFile, loaded, bytes, options, started, reason);
  } catch (error) {
    throw asWriteError(error, root);
  }
}

async function issueLoaded(dataFile: string, loaded: LoadedDocument & { encoding: string }, bytes: Uint8Array, options: IssueOptions, started: number, reason: string | undefined): Promise<IssueOutcome> {
  const root = options.root;
  const warnings: Diagnostic[] = [...loaded.warnings];
  const { retention, source: retentionSource } = chooseRetention(options.retention, retentionInData(loaded.document), warnings);
  const number = requireDocNumber(loaded);
  const docNumber = formatDocNumber(number);
  const year = String(toDocNumberParts(number).year);
  const docDir = documentDir(root, year, docNumber);
  checkNumberForArchive(loaded, docNumber, toDocNumberParts(number).serial, docDir);
  const config = await readArchiveConfig(root);
  const dataHash = sha256(bytes);
  const timings = (conversionMs: readonly number[] = [], passes = 0) => ({ totalMs: performance.now() - started, conversionMs, passes });

  // A commit cut short between its two renames is completed first (under the lock), then whatever a
  // killed run left (its temp folder, its lock) goes, whatever this run then decides.
  const completed = await completeInterruptedCommit(root);
  const cleaned = await removeAbandoned(root);
  await removeAbandonedWork();
  await refuseCollision(root, year, docNumber);

  // 1. Cheap answers first: no LibreOffice run for a repeat, a refused conflict, a damaged register or a
  // number whose registered versions are gone (all checked again under the lock, where it counts).
  const early = await registerForWriting(root, []);
  const before = await currentOf(root, year, docNumber, early);
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
      const register = await registerForWriting(root, warnings);
      await refuseCollision(root, year, docNumber);
      const now = await currentOf(root, year, docNumber, register);
      if (now) {
        const same = sameContent(now.metadata, dataHash, docxHash);
        if (same) return unchanged(now, same, !before || now.version !== before.version, final.conversionMs, final.passes);
        if (!options.reissue || !before) throw conflict(docNumber, now.metadata, now.dir, !before);
        if (now.version !== before.version) throw concurrentReissue(docNumber, before.version, now.version, now.dir);
      }
      const version = now ? now.version + 1 : 1;
      const numbering = now ? keptNumbering(now.metadata) : await newNumbering(root, year, config, retention, register);
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
        ...(register !== "legacy" ? { registerSeq: nextSeq(register) } : {}),
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
      const metadataSha256 = await sealEntry(temp, metadata);
      await fsyncDirectory(temp);
      fault("before-rename");

      const target = versionDir(docDir, version);
      await mkdir(dirname(target), { recursive: true });
      // The register first: a kill between the two renames leaves a registered version whose sealed folder
      // the next issue puts in place (pending.ts); the other order would leave an entry nothing vouches for.
      if (register !== "legacy") {
        const manifestSha256 = sha256(await readFile(join(temp, MANIFEST_FILE)));
        await appendRegister(root, register, [{ year, folder: documentFolderName(docNumber), docNumber, version, itemNumber: metadata.件号, metadataSha256, manifestSha256 }], {
          event: "issue",
          at: metadata.issuedAt,
        });
        fault("after-register");
      }
      try {
        await rename(temp, target);
      } catch (error) {
        // The register already names this version: take that line back (we hold the lock) before saying why.
        if (register !== "legacy") await restoreRegister(root, register);
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
        completed,
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
    return { status: "unchanged", docNumber, dir: found.dir, metadata: found.metadata, sameBy, concurrent, warnings, cleaned, completed, timings: timings(conversionMs, passes) };
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

async function currentOf(root: string, year: string, docNumber: string, register?: Register | "legacy"): Promise<Current | undefined> {
  const folder = documentFolderName(docNumber);
  const record = await readDocumentRecord(root, year, folder);
  // Deleting v2/ must not make v1 current again, nor deleting the whole folder make the number free:
  // the versions on disk must be the registered ones.
  if (register !== undefined && register !== "legacy") {
    const registered = register.versions.filter((v) => v.year === year && v.folder === folder).map((v) => v.version);
    const found = record?.versions.map((v) => v.version) ?? [];
    if (registered.join() !== found.join()) throw versionsDisagree(docNumber, join(root, year, folder), registered, found);
  }
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

/**
 * Next 件号 of the year, read under the lock (so two writers never draw the same one) from the entries and
 * from the register: a 件号 whose entry was deleted is still taken.
 */
async function newNumbering(root: string, year: string, config: ArchiveConfig, retention: Retention, register: Register | "legacy" | undefined): Promise<Pick<EntryMetadata, "件号" | "全宗号" | "档号">> {
  const records: DocumentRecord[] = await scanArchive(root, { year });
  let highest = 0;
  for (const record of records) {
    for (const version of record.versions as VersionRecord[]) {
      const n = Number(version.metadata?.件号 ?? 0);
      if (n > highest) highest = n;
    }
  }
  if (register && register !== "legacy") {
    for (const line of register.versions) if (line.year === year && Number(line.itemNumber) > highest) highest = Number(line.itemNumber);
  }
  if (highest >= MAX_ITEM_NUMBER) {
    throw new GongwenError([diagnostic({ file: join(root, year), zh: `${year} 年的件号已用到上限 ${MAX_ITEM_NUMBER}`, en: `${year}: item numbers are used up (limit ${MAX_ITEM_NUMBER})`, rule: "archive-item-number" })], 73);
  }
  const 件号 = formatItemNumber(highest + 1);
  const 档号 = formatArchivalCode(config, Number(year), retention, 件号);
  return { 件号, ...(config.全宗号 ? { 全宗号: config.全宗号 } : {}), ...(档号 ? { 档号 } : {}) };
}

/**
 * The register this commit extends (caller holds the lock), or "legacy" for an archive made before
 * registers: such an archive keeps working unregistered until `gongwen archive adopt`. A new (empty)
 * archive starts its register with this issue. A register that is broken, or missing from an archive
 * whose entries say they were registered, stops the issue: adding to it would bury the damage.
 */
async function registerForWriting(root: string, warnings: Diagnostic[]): Promise<Register | undefined | "legacy"> {
  const register = await readRegister(root);
  if (register) {
    if (register.problems.length > 0) throw registerUntrusted(register.file, "已损坏（哈希链或格式有误）", "is damaged (hash chain or format)");
    return register;
  }
  if (!(await hasEntries(root))) return undefined;
  const registered = (await scanArchive(root)).some((record) => record.versions.some((v) => v.metadata?.registerSeq !== undefined));
  if (registered) throw registerUntrusted(registerPath(root), "缺失（条目记录了登记序号，登记簿却不在）", "is missing (entries carry register numbers, but there is no register)");
  warnings.push(
    diagnostic({
      severity: "warning",
      file: registerPath(root),
      zh: "此档案库建于登记簿之前，没有 register.jsonl：校验无法发现整件、整个版本或整个年度被删除。运行 gongwen archive adopt 由当前内容（先经校验）建立登记簿",
      en: "this archive predates the register (no register.jsonl): verify cannot notice a deleted entry, version or year. Run gongwen archive adopt to register the current, verified contents",
      rule: "archive-no-register",
    }),
  );
  return "legacy";
}

/** Puts the register back as it was before this commit's line (the rename it announced failed). */
async function restoreRegister(root: string, before: Register | undefined): Promise<void> {
  if (!before) {
    await rm(registerPath(root), { force: true });
    return;
  }
  const { writeFileAtomic } = await import("../output/atomic-write.js");
  await writeFileAtomic(registerPath(root), before.text);
}

/** A commit killed between its register line and its rename is completed before anything else. */
async function completeInterruptedCommit(root: string): Promise<string[]> {
  const register = await readRegister(root).catch(() => undefined);
  if (!register || register.problems.length > 0 || (await lastMissing(root, register)).length === 0) return [];
  return withArchiveLock(root, () => completePending(root));
}

/** One folder per number per year, whatever the case or the character forms the number was typed in. */
async function refuseCollision(root: string, year: string, docNumber: string): Promise<void> {
  const folder = documentFolderName(docNumber);
  let names: string[] = [];
  try {
    names = await readdir(join(root, year));
  } catch {
    return;
  }
  const clash = names.find((name) => name !== folder && documentKey(name) === documentKey(folder));
  if (clash) throw numberCollision(docNumber, clash, join(root, year, clash));
}

/**
 * What the archive needs of a number beyond what the model checks: its one canonical spelling (no
 * compatibility ideographs), a serial within the documented range, and a length that fits a file name.
 */
function checkNumberForArchive(loaded: LoadedDocument, docNumber: string, serial: number, dir: string): void {
  const canonical = canonicalDocNumber(docNumber);
  if (canonical !== docNumber) {
    const odd = [...docNumber].filter((char, i) => char !== [...canonical][i]).map((char) => `${char} U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase()}`);
    throw new GongwenError([
      diagnostic({
        file: loaded.file,
        path: ["envelope", "docNumber"],
        zh: `发文字号含兼容汉字或部首（${odd.join("、")}），与标准写法 ${canonical} 看起来相同却是不同的字符；请改用标准写法`,
        en: `the document number contains compatibility ideographs or radicals (${odd.join(", ")}) that look like, but are not, the standard characters of ${canonical}; use the standard form`,
        rule: "archive-docno-canonical",
      }),
    ]);
  }
  if (serial > MAX_SERIAL) {
    throw new GongwenError([
      diagnostic({
        file: loaded.file,
        path: ["envelope", "docNumber", "serial"],
        zh: `发文顺序号 ${serial} 超出档案库的上限 ${MAX_SERIAL}`,
        en: `the serial ${serial} exceeds the archive's limit of ${MAX_SERIAL}`,
        rule: "archive-serial-range",
      }),
    ]);
  }
  const folder = documentFolderName(docNumber);
  const longest = Buffer.byteLength(`${folder}.yaml`);
  if (folder !== canonical || longest > MAX_NAME_BYTES) {
    throw new GongwenError(
      [
        diagnostic({
          file: dir,
          path: ["envelope", "docNumber"],
          zh: `发文字号过长，无法作为档案库中的文件夹和文件名（${longest} 字节，上限 ${MAX_NAME_BYTES}）。未归档，档案库未改动`,
          en: `the document number is too long to name the archive's folder and files (${longest} bytes, limit ${MAX_NAME_BYTES}); nothing archived, the archive is unchanged`,
          rule: "archive-name-too-long",
        }),
      ],
      73,
    );
  }
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
