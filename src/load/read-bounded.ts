import fs, { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { diagnostic, GongwenError, type Diagnostic } from "../errors.js";

/**
 * Reads an input file within a byte limit. Only regular files are read: /dev/zero grew memory to 24 GB
 * and a FIFO hung for ever when inputs were read whole with readFile. The file is opened without
 * blocking (a FIFO with no writer would block the open itself), its type checked on the open handle
 * (no race between a check and the read), and the bytes counted while reading, so a file that grows
 * or lies about its size (procfs) stops at the limit too.
 */

export interface BoundedRead {
  readonly maxBytes: number;
  /** What the file is, for messages: `["印章图片", "seal image"]`. */
  readonly what: readonly [zh: string, en: string];
  /** Where the message points (the data file and field naming this file); defaults to the file itself. */
  readonly place?: Pick<Diagnostic, "file" | "path" | "line" | "column">;
}

const CHUNK = 64 * 1024;
// O_NONBLOCK is undefined on Windows, where FIFOs are not files anyway.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

/**
 * The next read's buffer: the first holds the whole file as its size says, and one byte more, so a
 * 15 KB data file is one 15 KB read and one empty one (64 KB buffers, zeroed, were most of what reading
 * it allocated); after that, or for a file whose size says nothing (procfs), 64 KB at a time.
 */
function chunkSize(statedSize: number, readSoFar: number, maxBytes: number): number {
  const wanted = readSoFar === 0 && statedSize > 0 ? statedSize + 1 : CHUNK;
  return Math.min(wanted, maxBytes + 1 - readSoFar);
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/** The file is named by the message's place, or, when the place is the data file naming it, in the text. */
function fail(file: string, options: BoundedRead, exitCode: number, rule: string, zh: string, en: string): GongwenError {
  const text = options.place ? { zh: `${options.what[0]} ${file}：${zh}`, en: `${options.what[1]} ${file}: ${en}` } : { zh, en };
  return new GongwenError([diagnostic({ ...(options.place ?? { file }), ...text, rule })], exitCode);
}

function openError(file: string, options: BoundedRead, error: unknown): GongwenError {
  const code = (error as NodeJS.ErrnoException).code;
  const zh = code === "ENOENT" ? "找不到文件" : code === "EISDIR" ? "这是一个文件夹，不是文件" : code === "EACCES" || code === "EPERM" ? "没有读取权限" : "无法读取文件";
  const en = code === "ENOENT" ? "file not found" : `cannot read the file (${code ?? (error as Error).message})`;
  return fail(file, options, 66, "read", zh, en);
}

function notRegular(file: string, options: BoundedRead, isDirectory: boolean): GongwenError {
  return isDirectory
    ? fail(file, options, 66, "read", "这是一个文件夹，不是文件", "this is a folder, not a file")
    : fail(file, options, 66, "read-not-regular", "不是普通文件（是设备、管道或套接字），不予读取", "not a regular file (a device, pipe or socket); not read");
}

function tooLarge(file: string, options: BoundedRead, size: number | undefined): GongwenError {
  const limit = mb(options.maxBytes);
  return fail(
    file,
    options,
    1,
    "file-too-large",
    size === undefined ? `文件超过 ${limit} 上限` : `文件过大（${mb(size)}，上限 ${limit}）`,
    size === undefined ? `the file exceeds the ${limit} limit` : `the file is too large (${mb(size)}; the limit is ${limit})`,
  );
}

export async function readBoundedFile(file: string, options: BoundedRead): Promise<Uint8Array> {
  let handle;
  try {
    // fs.promises is looked up here, not imported: loading node:fs/promises is 2.6 ms of every start,
    // and a one-shot render reads its data file with the synchronous variant below.
    handle = await fs.promises.open(file, OPEN_FLAGS);
  } catch (error) {
    throw openError(file, options, error);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile()) throw notRegular(file, options, stats.isDirectory());
    if (stats.size > options.maxBytes) throw tooLarge(file, options, stats.size);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(chunkSize(stats.size, total, options.maxBytes));
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > options.maxBytes) throw tooLarge(file, options, undefined);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof GongwenError) throw error;
    throw openError(file, options, error);
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/** The same, synchronously (templates are read while composing, which is synchronous). */
export function readBoundedFileSync(file: string, options: BoundedRead): Uint8Array {
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    throw openError(file, options, error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw notRegular(file, options, stats.isDirectory());
    if (stats.size > options.maxBytes) throw tooLarge(file, options, stats.size);
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = new Uint8Array(chunkSize(stats.size, total, options.maxBytes));
      const bytesRead = readSync(fd, chunk, 0, chunk.length, null);
      if (bytesRead === 0) break;
      total += bytesRead;
      if (total > options.maxBytes) throw tooLarge(file, options, undefined);
      chunks.push(chunk.subarray(0, bytesRead));
    }
    return Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof GongwenError) throw error;
    throw openError(file, options, error);
  } finally {
    closeSync(fd);
  }
}
