import { randomBytes } from "node:crypto";
import { mkdir, open, rename, rm } from "node:fs/promises";
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
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const zh =
      code === "EACCES" || code === "EPERM" ? "没有写入权限" : code === "ENOSPC" ? "磁盘空间不足" : code === "EROFS" ? "目标位置只读" : "写入失败";
    throw new GongwenError(
      [diagnostic({ file: target, zh: `${zh}，未生成文件`, en: `could not write the file (${code || (error as Error).message}); nothing was written`, rule: "write" })],
      73,
    );
  }
}
