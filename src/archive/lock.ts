import { randomBytes } from "node:crypto";
import { link, mkdir, open, readFile, rename, stat, unlink } from "node:fs/promises";
import { dirname } from "node:path";
import { diagnostic, GongwenError } from "../errors.js";
import { hostTag, lockPath } from "./layout.js";
import { isProcessAlive } from "./process-alive.js";

/**
 * One writer at a time commits into an archive: the lock covers "read the year's 件号, write metadata,
 * rename into place", a few milliseconds, never the LibreOffice conversion. It is a file created with
 * O_EXCL (atomic on local file systems and NFSv3+), holding its owner so a crashed owner's lock can be
 * recognised and broken. The directory rename stays the final arbiter should the lock ever fail: two
 * entries for one 发文字号 are impossible even then; only a duplicate 件号 could follow, which verify reports.
 */

interface LockOwner {
  readonly host: string;
  readonly pid: number;
  readonly nonce: string;
  readonly since: string;
}

export interface LockOptions {
  /** How long to wait for another writer; default 60 s. */
  readonly timeoutMs?: number;
}

/** A lock of another host cannot be probed; older than this it is taken as abandoned. */
const FOREIGN_STALE_MS = 10 * 60_000;
/** A lock file still empty after this long was left by a crash between create and write. */
const EMPTY_STALE_MS = 10_000;

export async function withArchiveLock<T>(root: string, action: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const file = lockPath(root);
  const owner: LockOwner = { host: hostTag(), pid: process.pid, nonce: randomBytes(8).toString("hex"), since: new Date().toISOString() };
  await acquire(file, owner, options.timeoutMs ?? 60_000);
  try {
    return await action();
  } finally {
    await release(file, owner);
  }
}

async function acquire(file: string, owner: LockOwner, timeoutMs: number): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const deadline = Date.now() + timeoutMs;
  for (let attempt = 0; ; attempt++) {
    try {
      const handle = await open(file, "wx", 0o644);
      try {
        await handle.writeFile(JSON.stringify(owner));
        await handle.sync();
      } finally {
        await handle.close();
      }
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = await readOwner(file);
    if (holder !== "gone" && (await isStale(file, holder))) {
      await breakStaleLock(file, holder);
      continue;
    }
    if (Date.now() > deadline) {
      const who = holder === "gone" || holder === undefined ? "" : `（进程 ${holder.pid}@${holder.host}，自 ${holder.since}）`;
      throw new GongwenError(
        [
          diagnostic({
            file,
            zh: `档案库正被另一进程写入${who}，等待超时。如确认该进程已不存在，可删除此锁文件后重试`,
            en: `the archive is being written by another process${holder && holder !== "gone" ? ` (pid ${holder.pid} on ${holder.host})` : ""}; timed out waiting. If that process is gone, delete this lock file and retry`,
            rule: "archive-busy",
          }),
        ],
        75,
      );
    }
    await sleep(Math.min(25 * 2 ** attempt, 250) * (0.5 + Math.random()));
  }
}

/** undefined: the file exists but holds no owner yet (being written, or left empty by a crash). */
async function readOwner(file: string): Promise<LockOwner | undefined | "gone"> {
  try {
    const text = await readFile(file, "utf8");
    const owner = JSON.parse(text) as LockOwner;
    return typeof owner.pid === "number" && typeof owner.nonce === "string" ? owner : undefined;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "gone";
    return undefined;
  }
}

async function isStale(file: string, holder: LockOwner | undefined): Promise<boolean> {
  if (holder === undefined) {
    const age = await stat(file).then((s) => Date.now() - s.mtimeMs, () => 0);
    return age > EMPTY_STALE_MS;
  }
  if (holder.host === hostTag()) return !isProcessAlive(holder.pid);
  return Date.now() - Date.parse(holder.since) > FOREIGN_STALE_MS;
}

/**
 * Moves the stale lock aside rather than deleting it: if another process broke it first and a live writer
 * has taken the lock since, what we moved is that writer's lock, and `link` puts it back (link fails if a
 * lock exists again, so it never overwrites one).
 */
async function breakStaleLock(file: string, stale: LockOwner | undefined): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    await rename(file, aside);
  } catch {
    return; // someone else broke it; try again from the top
  }
  const moved = await readOwner(aside);
  const wasTheStaleOne = moved === "gone" || moved === undefined ? stale === undefined : moved.nonce === stale?.nonce;
  if (!wasTheStaleOne) await link(aside, file).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
}

/** "held" by a live writer, "stale" (its owner is gone), or "none". */
export async function lockState(root: string): Promise<"none" | "held" | "stale"> {
  const file = lockPath(root);
  const holder = await readOwner(file);
  if (holder === "gone") return "none";
  return (await isStale(file, holder)) ? "stale" : "held";
}

/** Removes the lock if its owner is gone; a later writer would do the same, this just tidies up now. */
export async function breakLockIfStale(root: string): Promise<boolean> {
  const file = lockPath(root);
  const holder = await readOwner(file);
  if (holder === "gone" || !(await isStale(file, holder))) return false;
  await breakStaleLock(file, holder);
  return true;
}

async function release(file: string, owner: LockOwner): Promise<void> {
  const holder = await readOwner(file);
  if (holder !== "gone" && holder?.nonce === owner.nonce) await unlink(file).catch(() => undefined);
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
