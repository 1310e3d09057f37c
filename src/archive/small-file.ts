import { constants } from "node:fs";
import { open } from "node:fs/promises";

/**
 * Reads one of the archive's own small files (metadata.json, manifest.sha256) without trusting it: a
 * regular file, not a symbolic link (O_NOFOLLOW), and no more than `limit` bytes, counted while reading,
 * so a file swapped for a device or a huge file costs at most `limit` bytes of memory.
 */

export type SmallFile =
  | { readonly kind: "text"; readonly text: string }
  | { readonly kind: "missing" }
  | { readonly kind: "symlink" }
  | { readonly kind: "not-a-file" }
  | { readonly kind: "too-large"; readonly limit: number }
  | { readonly kind: "unreadable"; readonly message: string };

export async function readSmallFile(path: string, limit: number): Promise<SmallFile> {
  let handle;
  try {
    // O_NONBLOCK: a FIFO put in place of the file opens at once instead of waiting for a writer.
    handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") return { kind: "missing" };
    if (code === "ELOOP") return { kind: "symlink" };
    return { kind: "unreadable", message: (error as Error).message };
  }
  try {
    const info = await handle.stat();
    if (!info.isFile()) return { kind: "not-a-file" };
    if (info.size > limit) return { kind: "too-large", limit };
    // One byte more than the size stat gave: a file still growing (a device, a file being written) fills it.
    const buffer = Buffer.alloc(Math.min(info.size, limit) + 1);
    let length = 0;
    while (length < buffer.length) {
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length === buffer.length) return { kind: "too-large", limit };
    return { kind: "text", text: buffer.subarray(0, length).toString("utf8") };
  } catch (error) {
    return { kind: "unreadable", message: (error as Error).message };
  } finally {
    await handle.close();
  }
}
