import { readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { hostTag, INTERNAL_DIR, lockPath, parseTempDirName, tempRoot, WORK_DIR_PREFIX } from "./layout.js";
import { breakLockIfStale } from "./lock.js";
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
  // Stale locks moved aside by a lock breaker that then died; registers half replaced.
  try {
    for (const name of await readdir(join(root, INTERNAL_DIR))) {
      if (name.startsWith("lock.stale-")) out.push({ path: join(root, INTERNAL_DIR, name), abandoned: true });
      // A register being replaced by a writer that died before its rename.
      const writer = /^register\.(\d+)\.tmp$/.exec(name);
      if (writer?.[1]) out.push({ path: join(root, INTERNAL_DIR, name), abandoned: Number(writer[1]) !== process.pid && !isProcessAlive(Number(writer[1])) });
    }
  } catch {
    // no internal folder yet
  }
  return out;
}

/** Abandoned temp folders and a dead owner's lock: what the next issue clears away before it starts. */
export async function removeAbandoned(root: string): Promise<string[]> {
  const removed: string[] = [];
  if (await breakLockIfStale(root)) removed.push(lockPath(root));
  for (const leftover of await findLeftovers(root)) {
    if (!leftover.abandoned) continue;
    await rm(leftover.path, { recursive: true, force: true });
    removed.push(leftover.path);
  }
  return removed;
}

/**
 * LibreOffice scratch folders (with their profile) of killed issues, in the OS temp folder. Only this
 * host's, only of dead processes: the name says whose they are.
 */
export async function removeAbandonedWork(): Promise<void> {
  let names: string[] = [];
  try {
    names = (await readdir(tmpdir())).filter((name) => name.startsWith(WORK_DIR_PREFIX));
  } catch {
    return;
  }
  for (const name of names) {
    const owner = parseTempDirName(name.slice(WORK_DIR_PREFIX.length));
    if (!owner || owner.host !== hostTag() || owner.pid === process.pid || isProcessAlive(owner.pid)) continue;
    await rm(join(tmpdir(), name), { recursive: true, force: true }).catch(() => undefined);
  }
}
