import { diagnostic, GongwenError, isGongwenError } from "../errors.js";

/**
 * An archive that cannot be written (read-only or full file system, no permission, a name too long, a
 * file where a folder should be) is the user's situation, not a bug: exit 73 with the path and the reason,
 * Chinese first, never a stack trace. What issue had half built is removed by its own cleanup before the
 * error reaches the user (the entry appears only by its final rename).
 */

const CANNOT_WRITE: Record<string, readonly [string, string]> = {
  EROFS: ["档案库所在的文件系统是只读的", "the archive's file system is read-only"],
  ENOSPC: ["磁盘空间不足", "no space left on the device"],
  EDQUOT: ["超出磁盘配额", "disk quota exceeded"],
  EFBIG: ["文件超出文件系统允许的大小", "file too large for the file system"],
  EACCES: ["没有写入权限", "permission denied"],
  EPERM: ["不允许此操作（权限）", "operation not permitted"],
  ENAMETOOLONG: ["文件名过长", "file name too long"],
  ENOTDIR: ["路径中有同名文件，不是文件夹", "a file stands where a folder should be"],
  EEXIST: ["路径中已有同名文件", "a file of that name is in the way"],
  EISDIR: ["路径是文件夹，不是文件", "the path is a folder, not a file"],
  EMLINK: ["文件夹中的条目过多", "too many links in the folder"],
  ENOENT: ["路径不存在（可能在写入时被移走）", "the path does not exist (moved away while writing?)"],
};

const IO_ERROR: Record<string, readonly [string, string]> = {
  EIO: ["读写设备出错", "input/output error on the device"],
};

export function asWriteError(error: unknown, fallbackPath: string): unknown {
  if (isGongwenError(error)) return error;
  const errno = error as NodeJS.ErrnoException;
  const code = errno?.code;
  if (typeof code !== "string") return error;
  const known = CANNOT_WRITE[code] ?? IO_ERROR[code];
  if (!known) return error;
  const file = errno.path ?? fallbackPath;
  return new GongwenError(
    [
      diagnostic({
        file,
        zh: `无法写入档案库：${known[0]}（${code}）。未归档，档案库中没有留下半个条目`,
        en: `cannot write the archive: ${known[1]} (${code}); nothing was archived, no partial entry is left`,
        rule: "archive-write",
      }),
    ],
    IO_ERROR[code] ? 74 : 73,
  );
}
