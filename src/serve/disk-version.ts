import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";

/**
 * What the editor last saw of a file on disk: a hash of its bytes, or null when it did not exist.
 * Save and issue compare it with the disk, so a file changed by another program (or another editor
 * window) since it was opened, or one that appeared under a new draft's name, is not overwritten
 * without asking.
 */
export type DiskVersion = string | null;

export function versionOfBytes(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

export async function diskVersion(path: string): Promise<DiskVersion> {
  try {
    return versionOfBytes(await readFile(path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
}
