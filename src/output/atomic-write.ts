import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm, type FileHandle } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { diagnostic, GongwenError } from "../errors.js";

/**
 * Writes a file so that readers see either the old file or the complete new one, never a half file:
 * write a temporary file beside the target, flush it to disk, then rename it into place.
 */
export async function writeFileAtomic(target: string, data: Uint8Array | string): Promise<void> {
  const directory = dirname(target);
  const temporary = join(directory, `.${basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  try {
    await mkdir(directory, { recursive: true });
    const handle = await open(temporary, "wx");
    try {
      await writeOrFail(handle, data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    // The temporary file may not exist, or its folder may not be one (ENOTDIR): report the first error.
    await rm(temporary, { force: true }).catch(() => undefined);
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
    throw new GongwenError(
      [diagnostic({ file: target, zh: `${zh}，未生成文件`, en: `could not write the file (${code || (error as Error).message}); nothing was written`, rule: "write" })],
      73,
    );
  }
}

/**
 * Test failpoint: with GONGWEN_FAULT_WRITE=ENOSPC (or another errno code) every write stops half way
 * with that error, as on a full disk, so tests can prove that no half file is left, in this process
 * and in a batch's worker threads alike. Unset, it costs one environment lookup.
 */
async function writeOrFail(handle: FileHandle, data: Uint8Array | string): Promise<void> {
  const fault = process.env.GONGWEN_FAULT_WRITE;
  if (!fault) return handle.writeFile(data);
  const bytes = typeof data === "string" ? Buffer.from(data) : data;
  await handle.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
  throw Object.assign(new Error(`${fault}: simulated write failure (GONGWEN_FAULT_WRITE)`), { code: fault });
}
