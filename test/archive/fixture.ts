import { spawn } from "node:child_process";
import { chmod, cp, link, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { formatManifest, MANIFEST_FILE, sha256 } from "../../src/archive/hash.js";
import { documentDir, documentFolderName } from "../../src/archive/layout.js";
import { appendRegister, nextSeq, readRegister } from "../../src/archive/register.js";
import { entryMetadata, formatMetadata, METADATA_FILE, type EntryMetadata } from "../../src/archive/metadata.js";
import { withArchiveLock } from "../../src/archive/lock.js";
import { issue } from "../../src/archive/store.js";
import { formatArchivalCode, formatItemNumber, type Retention } from "../../src/archive/codes.js";
import { ROOT, SAMPLE } from "../helpers/paths.js";

/**
 * One real issued entry (the sample, through LibreOffice) shared by the archive test files: issued into
 * a folder keyed by the sample and the code, once; the other test files find it there, unchanged.
 */

export const SAMPLE_NUMBER = "青政务〔2022〕3号";
export const CONFIG = { 全宗号: "Z109", 机构代码: "BGS" } as const;

export async function sharedArchive(): Promise<{ root: string; entry: string }> {
  // Any change to the code or the sample makes a new fixture: a cached entry must be what the code makes now.
  const sources = [];
  for (const dir of ["src", "templates"]) {
    for (const name of (await readdir(join(ROOT, dir), { recursive: true })).sort()) {
      sources.push(Buffer.from(name), await readFile(join(ROOT, dir, name)).catch(() => Buffer.alloc(0)));
    }
  }
  const key = sha256(Buffer.concat([await readFile(SAMPLE), ...sources])).slice(0, 16);
  const root = join(tmpdir(), `${FIXTURE_PREFIX}${key}`);
  await removeOldFixtures(root);
  await mkdir(root, { recursive: true });
  await writeConfig(root);
  // Workers starting together take turns, so only the first pays for LibreOffice; the rest find it unchanged.
  await withArchiveLock(`${root}-lock`, () => issue(SAMPLE, { root }), { timeoutMs: 120_000 });
  return { root, entry: documentDir(root, 2022, SAMPLE_NUMBER) };
}

const FIXTURE_PREFIX = "gongwen-archive-fixture-";

/** Fixtures of earlier code, an hour old: no test run still uses them. */
async function removeOldFixtures(current: string): Promise<void> {
  for (const name of await readdir(tmpdir())) {
    const path = join(tmpdir(), name);
    if (!name.startsWith(FIXTURE_PREFIX) || path === current || path === `${current}-lock`) continue;
    const old = await stat(path).then((s) => Date.now() - s.mtimeMs > 3600_000, () => false);
    if (old) await rm(path, { recursive: true, force: true });
  }
}

/** Written aside, then linked: a worker reading it never sees half a file, and an existing one stays. */
export async function writeConfig(root: string, config: object = CONFIG): Promise<void> {
  // Beside the archive, not in it: a verify running meanwhile must not see a stray file.
  const aside = join(tmpdir(), `gongwen-archive-json-${process.pid}-${Math.random().toString(16).slice(2)}`);
  await writeFile(aside, JSON.stringify(config));
  await link(aside, join(root, "archive.json")).catch(() => undefined);
  await rm(aside, { force: true });
}

/** A private copy of an archive (its entries, config; no lock or temp folders), modes kept. */
export async function copyArchive(root: string, prefix = "gongwen-archive-test-"): Promise<string> {
  const copy = await mkdirTemp(prefix);
  for (const name of await readdir(root)) {
    if (name.startsWith(".")) continue;
    await cp(join(root, name), join(copy, name), { recursive: true, preserveTimestamps: true });
  }
  return copy;
}

/** A data file in a scratch folder the test removes anyway; kept beside, never inside, the archive root. */
export async function writeData(root: string, text: string, name: string): Promise<string> {
  const dir = `${root}-data`;
  await mkdir(dir, { recursive: true });
  const file = join(dir, name);
  await writeFile(file, text);
  return file;
}

export function mkdirTemp(prefix: string): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

export async function readMetadata(dir: string): Promise<EntryMetadata> {
  return entryMetadata.parse(JSON.parse(await readFile(join(dir, METADATA_FILE), "utf8")));
}

export interface CloneOptions {
  readonly serial: number;
  readonly itemNumber: number;
  readonly code?: string;
  readonly year?: number;
  readonly edit?: (metadata: EntryMetadata) => Partial<EntryMetadata>;
  /** false: not entered in the archive's register. */
  readonly register?: boolean;
}

/**
 * Copies a real entry under another 发文字号 with metadata consistent with its new place (number, folder,
 * 件号, 档号, file names) and a fresh manifest: a large archive for tests and measurements without running
 * LibreOffice for every entry. The files' bytes are the original's (their hashes still hold).
 */
export async function cloneEntry(source: string, root: string, options: CloneOptions): Promise<string> {
  const original = await readMetadata(source);
  const code = options.code ?? original.机关代字;
  const year = options.year ?? original.年度;
  const number = `${code}〔${year}〕${options.serial}号`;
  const target = documentDir(root, year, number);
  await mkdir(target, { recursive: true });
  const files = [];
  for (const file of original.files) {
    const name = `${number}${file.name.slice(file.name.lastIndexOf("."))}`;
    await cp(join(source, file.name), join(target, name));
    await chmod(join(target, name), 0o444);
    files.push({ ...file, name });
  }
  const 件号 = formatItemNumber(options.itemNumber);
  const 档号 = formatArchivalCode({ ...CONFIG, 门类代码: "WS" }, year, original.保管期限 as Retention, 件号);
  // Registered like an issue when the archive has a register (options.register false: an entry put in behind its back).
  const register = options.register === false ? undefined : await readRegister(root);
  const { registerSeq: _seq, ...unregistered } = original;
  const base: EntryMetadata = { ...unregistered, 发文字号: number, 机关代字: code, 年度: year, 顺序号: options.serial, 件号, 档号, files, version: 1, ...(register ? { registerSeq: nextSeq(register) } : {}) };
  const metadata = { ...base, ...(options.edit?.(base) ?? {}) };
  const text = formatMetadata(metadata);
  const manifest = formatManifest([...files, { name: METADATA_FILE, sha256: sha256(text) }]);
  await writeFile(join(target, METADATA_FILE), text, { mode: 0o444 });
  await writeFile(join(target, MANIFEST_FILE), manifest, { mode: 0o444 });
  if (register) {
    await appendRegister(root, register, [{ year: String(year), folder: documentFolderName(number), docNumber: number, version: 1, itemNumber: 件号, metadataSha256: sha256(text), manifestSha256: sha256(manifest) }], {
      event: "issue",
      at: metadata.issuedAt,
    });
  }
  return target;
}

export const BIN = join(ROOT, "bin", "gongwen.js");

export interface Run {
  readonly status: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The built CLI in a child process (asynchronous, so several can run at once). */
export function runCli(args: readonly string[], options: { env?: NodeJS.ProcessEnv; cwd?: string; onSpawn?: (pid: number) => void; prefix?: readonly string[] } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    // prefix: a command the CLI runs under (e.g. setpriv dropping capabilities).
    const [command, ...before] = [...(options.prefix ?? []), process.execPath];
    const child = spawn(command ?? process.execPath, [...before, BIN, ...args], {
      cwd: options.cwd ?? ROOT,
      env: { ...withoutArchiveVariable(process.env), NO_COLOR: "1", ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    if (child.pid !== undefined) options.onSpawn?.(child.pid);
    child.on("close", (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

function withoutArchiveVariable(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.GONGWEN_ARCHIVE;
  delete copy.GONGWEN_FAULT;
  return copy;
}
