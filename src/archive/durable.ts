import { chmod, open } from "node:fs/promises";

/**
 * Write-once files: created exclusively (never over an existing file), flushed to the disk before the
 * entry is renamed into place (so a power cut after the rename cannot leave empty files behind a complete
 * name), then made read-only. Read-only stops accidents and ordinary users, not root: verify is what
 * proves an entry unaltered.
 */

export const READ_ONLY = 0o444;

export async function writeOnce(path: string, data: Uint8Array | string): Promise<void> {
  const handle = await open(path, "wx", 0o644);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } finally {
    await handle.close();
  }
  await chmod(path, READ_ONLY);
}

/** Makes a rename or a new name durable: the directory's own entry list is flushed. */
export async function fsyncDirectory(path: string): Promise<void> {
  const handle = await open(path, "r");
  try {
    await handle.sync();
  } catch (error) {
    // Some file systems (and Windows) refuse fsync on a directory; the data files are synced regardless.
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EINVAL" && code !== "EPERM" && code !== "EISDIR") throw error;
  } finally {
    await handle.close();
  }
}
