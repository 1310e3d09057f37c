import { lstat, mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname, join } from "node:path";
import { z } from "zod";
import { diagnostic, type Diagnostic } from "../errors.js";
import { fsyncDirectory } from "./durable.js";
import { sha256 } from "./hash.js";
import { INTERNAL_DIR } from "./layout.js";
import { MAX_ITEM_NUMBER } from "./limits.js";

/**
 * `register.jsonl` at the archive root: what must exist. The folders say what is there; only a record
 * kept beside them can say what is *missing* (a deleted entry, a deleted `v2/`, a deleted year) or what
 * was rewritten consistently (data + metadata.json + manifest together: every hash inside the entry
 * agrees, but metadata.json no longer hashes to what was registered).
 *
 * One JSON object per line (UTF-8, LF). Line 0 opens the register; every later line records one version
 * of one entry with the SHA-256 of its metadata.json and manifest.sha256. Each line carries `prev`, the
 * SHA-256 of the previous line's bytes (a hash chain): a line changed, removed or inserted in the middle
 * breaks the chain at that point. Whoever rewrites the whole register can forge a new chain; the head
 * hash that verify prints, noted down elsewhere, is what catches that (`archive verify --head`).
 *
 * Append-only: it is only ever extended, under the archive lock, by writing the whole new file beside
 * it, flushing it and renaming it over the old one (readers see the old register or the new, never half).
 */

export const REGISTER_FILE = "register.jsonl";
export const REGISTER_FORMAT = "gongwen-register/1";
/** Hash of "nothing": the `prev` of line 0. */
export const GENESIS = "0".repeat(64);
/**
 * Largest register read: about 300 bytes a line, so some 200,000 versions. A bigger file is refused, not
 * read into memory (a register swapped for /dev/zero or a huge file must not exhaust the machine).
 */
export const MAX_REGISTER_BYTES = 64 * 1024 * 1024;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/);

const openingLine = z.strictObject({
  format: z.literal(REGISTER_FORMAT),
  seq: z.literal(0),
  prev: z.literal(GENESIS),
  at: z.string().min(1),
  /** How the register began: with the archive's first issue, or adopted over an existing archive. */
  event: z.enum(["create", "adopt"]),
});

const versionLine = z.strictObject({
  seq: z.number().int().positive(),
  prev: sha256Hex,
  at: z.string().min(1),
  event: z.enum(["issue", "adopt"]),
  year: z.string().regex(/^\d{4}$/),
  folder: z.string().min(1),
  docNumber: z.string().min(1),
  version: z.number().int().positive().max(9999),
  itemNumber: z.string().regex(/^\d{4,6}$/).refine((n) => Number(n) >= 1 && Number(n) <= MAX_ITEM_NUMBER),
  metadataSha256: sha256Hex,
  manifestSha256: sha256Hex,
});

export type OpeningLine = z.output<typeof openingLine>;
export type RegisteredVersion = z.output<typeof versionLine>;

export interface Register {
  readonly file: string;
  readonly opening?: OpeningLine;
  /** In register order (seq 1, 2, …). */
  readonly versions: readonly RegisteredVersion[];
  /** SHA-256 of the last line: the value to note down and compare later. */
  readonly head: string;
  /** Hashes of every line in order (line 0 first): `--head` looks its value up here. */
  readonly lineHashes: readonly string[];
  /** Broken chain, unreadable lines: any makes the register untrustworthy. */
  readonly problems: readonly Diagnostic[];
  /** The exact bytes read, so an append writes them back unchanged. */
  readonly text: string;
}

export const registerPath = (root: string) => join(root, REGISTER_FILE);

/** The register as found, or undefined when the archive has none (made before registers existed). */
export async function readRegister(root: string): Promise<Register | undefined> {
  const file = registerPath(root);
  let info;
  try {
    info = await lstat(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  const broken = (zh: string, en: string): Register => ({ file, versions: [], head: GENESIS, lineHashes: [], problems: [diagnostic({ file, zh, en, rule: "archive-register" })], text: "" });
  if (!info.isFile()) return broken("登记簿不是普通文件（可能是符号链接或文件夹）", "the register is not a regular file (a symbolic link or a folder?)");
  if (info.size > MAX_REGISTER_BYTES) {
    return broken(`登记簿过大（${info.size} 字节，上限 ${MAX_REGISTER_BYTES}），未读取`, `the register is too large (${info.size} bytes, limit ${MAX_REGISTER_BYTES}); not read`);
  }
  return parseRegister(file, await readFile(file, "utf8"));
}

export function parseRegister(file: string, text: string): Register {
  const problems: Diagnostic[] = [];
  const versions: RegisteredVersion[] = [];
  const lineHashes: string[] = [];
  let opening: OpeningLine | undefined;
  const problem = (line: number, zh: string, en: string) => problems.push(diagnostic({ file, line, zh, en, rule: "archive-register" }));

  if (text.length > 0 && !text.endsWith("\n")) problem(text.split("\n").length, "登记簿末行不完整（缺少换行）", "the register's last line is incomplete (no line end)", );
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  if (lines.length === 0) problem(1, "登记簿是空的", "the register is empty");

  let prev = GENESIS;
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const hash = sha256(raw);
    lineHashes.push(hash);
    let data: unknown;
    try {
      data = JSON.parse(raw);
    } catch {
      problem(lineNo, "登记簿此行不是有效的 JSON", "this line of the register is not valid JSON");
      prev = hash;
      return;
    }
    const parsed = index === 0 ? openingLine.safeParse(data) : versionLine.safeParse(data);
    if (!parsed.success) {
      const first = parsed.error.issues[0];
      problem(lineNo, `登记簿此行不符合格式（${first?.path.join(".") ?? ""}）`, `this line of the register does not match its format (${first?.path.join(".") ?? ""}: ${first?.message ?? ""})`);
    } else {
      const line = parsed.data;
      if (line.seq !== index) problem(lineNo, `登记簿序号应为 ${index}，实为 ${line.seq}（有行被删除、插入或调换）`, `the register's seq should be ${index}, found ${line.seq} (a line was removed, inserted or moved)`);
      if (line.prev !== prev) problem(lineNo, "登记簿哈希链断开：此行记录的上一行哈希与上一行不符（上一行被改动、删除或调换）", "the register's hash chain is broken: the previous line's hash recorded here does not match (that line was altered, removed or moved)");
      if (index === 0) opening = line as OpeningLine;
      else versions.push(line as RegisteredVersion);
    }
    prev = hash;
  });
  return { file, opening, versions, head: prev, lineHashes, problems, text };
}

/** One line as written: keys in a fixed order, no spaces, so the same record always has the same bytes. */
export function formatRegisterLine(line: OpeningLine | RegisteredVersion): string {
  return JSON.stringify(line);
}

export type NewVersion = Omit<RegisteredVersion, "seq" | "prev" | "at" | "event">;

/**
 * Appends version lines (opening the register first if `current` is undefined) and returns the new
 * register's lines' seqs. The caller holds the archive lock. The whole file is written to a temp file
 * beside it, flushed and renamed over: never a torn line, and the rename is the commit.
 */
export async function appendRegister(
  root: string,
  current: Register | undefined,
  additions: readonly NewVersion[],
  options: { event: "issue" | "adopt"; at: string },
): Promise<{ head: string; seqs: number[] }> {
  let text = current?.text ?? "";
  let prev = current ? current.head : GENESIS;
  let seq = current ? current.lineHashes.length : 0;
  const push = (line: OpeningLine | RegisteredVersion) => {
    const raw = formatRegisterLine(line);
    text += `${raw}\n`;
    prev = sha256(raw);
    seq++;
  };
  if (!current) push({ format: REGISTER_FORMAT, seq: 0, prev: GENESIS, at: options.at, event: options.event === "adopt" ? "adopt" : "create" });
  const seqs: number[] = [];
  for (const addition of additions) {
    seqs.push(seq);
    push({ seq, prev, at: options.at, event: options.event, ...addition });
  }
  await replaceDurably(registerPath(root), join(root, INTERNAL_DIR, `register.${process.pid}.tmp`), text);
  return { head: prev, seqs };
}

/** The seq the next version line will get: metadata.json records it before the line is written. */
export function nextSeq(current: Register | undefined): number {
  return current ? current.lineHashes.length : 1;
}

async function replaceDurably(target: string, temp: string, text: string): Promise<void> {
  await mkdir(dirname(temp), { recursive: true });
  await rm(temp, { force: true });
  const handle = await open(temp, "wx", 0o444);
  try {
    await handle.writeFile(text);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    await rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  await fsyncDirectory(dirname(target));
}

/** Registered versions keyed by `year/folder`, in version order. */
export function registeredByDocument(register: Register): Map<string, RegisteredVersion[]> {
  const out = new Map<string, RegisteredVersion[]>();
  for (const line of register.versions) {
    const key = documentKeyOf(line.year, line.folder);
    const list = out.get(key) ?? [];
    list.push(line);
    out.set(key, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.version - b.version);
  return out;
}

export const documentKeyOf = (year: string, folder: string) => `${year}/${folder}`;
