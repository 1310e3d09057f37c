import { closeSync, fsync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { diagnostic, GongwenError } from "../errors.js";

/**
 * Writes a file so that readers see either the old file or the complete new one, never a half file:
 * write a temporary file beside the target, flush it to disk, then rename it into place.
 *
 * Only the flush waits off this thread: it is the one step that takes milliseconds, and a batch
 * renders its next document meanwhile. The other steps are system calls of microseconds; each one
 * through libuv's thread pool cost more than it did (six round trips per document, profiled).
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const temporary = temporaryPath(target);
  try {
    mkdirSync(dirname(target), { recursive: true });
    const fd = openSync(temporary, "wx");
    try {
      writeOrFailSync(fd, data);
      await new Promise<void>((done, failed) => fsync(fd, (error) => (error ? failed(error) : done())));
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    removeTemporary(temporary);
    throw writeError(target, error);
  }
}

/**
 * writeFileAtomic with the flush on this thread too, for a process with nothing else to do meanwhile
 * (the CLI writing its one document): no round trip through libuv's thread pool at all.
 */
export function writeFileAtomicSync(target: string, data: Uint8Array | string): void {
  const temporary = temporaryPath(target);
  try {
    mkdirSync(dirname(target), { recursive: true });
    const fd = openSync(temporary, "wx");
    try {
      writeOrFailSync(fd, data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, target);
  } catch (error) {
    removeTemporary(temporary);
    throw writeError(target, error);
  }
}

/** The temporary file may not exist, or its folder may not be one (ENOTDIR): the first error is the one reported. */
function removeTemporary(temporary: string): void {
  try {
    rmSync(temporary, { force: true });
  } catch {
    // report the first error
  }
}

function temporaryPath(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${temporarySuffix()}.tmp`);
}

/**
 * Eight hex digits that tell this write's temporary file from another's in the same process. The
 * file is opened with O_EXCL, so the name needs to be unlikely, not secret: Math.random (seeded per
 * process by V8 from the system's entropy) serves, and spares loading node:crypto (~2 ms of a cold
 * start) for it.
 */
function temporarySuffix(): string {
  return Math.floor(Math.random() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, "0");
}

function writeError(target: string, error: unknown): GongwenError {
  const code = (error as NodeJS.ErrnoException).code ?? "";
  const zh =
    code === "EACCES" || code === "EPERM"
      ? "没有写入权限"
      : code === "ENOSPC"
        ? "磁盘空间不足"
        : code === "EROFS"
          ? "目标位置只读"
          : code === "ENOTDIR" || code === "EEXIST"
            ? "路径中有同名文件，不是文件夹"
            : "写入失败";
  return new GongwenError(
    [diagnostic({ file: target, zh: `${zh}，未生成文件`, en: `could not write the file (${code || (error as Error).message}); nothing was written`, rule: "write" })],
    73,
  );
}

/**
 * Test failpoint: with GONGWEN_FAULT_WRITE=ENOSPC (or another errno code) every write stops half way
 * with that error, as on a full disk, so tests can prove that no half file is left, in this process
 * and in a batch's worker threads alike. Unset, it costs one environment lookup.
 */
function writeOrFailSync(fd: number, data: Uint8Array | string): void {
  const fault = process.env.GONGWEN_FAULT_WRITE;
  if (!fault) return writeFileSync(fd, data);
  const bytes = typeof data === "string" ? Buffer.from(data) : data;
  writeSync(fd, bytes.subarray(0, Math.floor(bytes.length / 2)));
  throw simulatedFault(fault);
}

function simulatedFault(code: string): Error {
  return Object.assign(new Error(`${code}: simulated write failure (GONGWEN_FAULT_WRITE)`), { code });
}
