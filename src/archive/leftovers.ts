import { readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { hostTag, INTERNAL_DIR, parseTempDirName, tempRoot } from "./layout.js";
import { isProcessAlive } from "./process-alive.js";

/**
 * Temp folders left by an issue that was killed before its rename. They never count as entries; the next
 * issue removes those whose owner is certainly gone, verify reports them.
 */

export interface Leftover {
  readonly path: string;
  /** The owner is gone (same host, dead pid; or another host's folder older than a day). */
  readonly abandoned: boolean;
}

const FOREIGN_ABANDONED_MS = 24 * 3600_000;

export async function findLeftovers(root: string): Promise<Leftover[]> {
  const out: Leftover[] = [];
  let names: string[] = [];
  try {
    names = await readdir(tempRoot(root));
  } catch {
    // no temp folder yet
  }
  for (const name of names) {
    const path = join(tempRoot(root), name);
    const owner = parseTempDirName(name);
    let abandoned: boolean;
    if (owner && owner.host === hostTag()) abandoned = owner.pid !== process.pid && !isProcessAlive(owner.pid);
    else abandoned = await stat(path).then((s) => Date.now() - s.mtimeMs > FOREIGN_ABANDONED_MS, () => false);
    out.push({ path, abandoned });
  }
  // Stale locks moved aside by a lock breaker that then died.
  try {
    for (const name of await readdir(join(root, INTERNAL_DIR))) {
      if (name.startsWith("lock.stale-")) out.push({ path: join(root, INTERNAL_DIR, name), abandoned: true });
    }
  } catch {
    // no internal folder yet
  }
  return out;
}

export async function removeAbandoned(root: string): Promise<string[]> {
  const removed: string[] = [];
  for (const leftover of await findLeftovers(root)) {
    if (!leftover.abandoned) continue;
    await rm(leftover.path, { recursive: true, force: true });
    removed.push(leftover.path);
  }
  return removed;
}
