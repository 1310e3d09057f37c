import { mkdir, readdir, rename } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fsyncDirectory } from "./durable.js";
import { MANIFEST_FILE, sha256 } from "./hash.js";
import { documentDir, tempRoot, versionDir } from "./layout.js";
import { MAX_MANIFEST_BYTES, MAX_METADATA_BYTES } from "./limits.js";
import { METADATA_FILE } from "./metadata.js";
import { readRegister, type Register, type RegisteredVersion } from "./register.js";
import { readSmallFile } from "./small-file.js";
import { pathExists } from "./scan.js";

/**
 * The commit of an issue is two renames under the lock: the register (naming the new version and its
 * hashes), then the entry's folder. A run killed between the two leaves a registered version whose sealed
 * folder still sits in .gongwen/tmp. That is an interrupted commit, not a loss: the next issue completes
 * it (rolls it forward) before anything else, and verify reports it as a warning until then.
 */

export interface PendingVersion {
  readonly line: RegisteredVersion;
  /** Where the entry belongs. */
  readonly target: string;
  /** The sealed temp folder holding exactly the registered metadata.json and manifest. */
  readonly sealed: string;
}

/** Registered versions missing from their place whose sealed folder waits in .gongwen/tmp. */
export async function findPending(root: string, missing: readonly RegisteredVersion[]): Promise<PendingVersion[]> {
  if (missing.length === 0) return [];
  let names: string[] = [];
  try {
    names = await readdir(tempRoot(root));
  } catch {
    return [];
  }
  const byHash = new Map<string, string>();
  for (const name of names) {
    const dir = join(tempRoot(root), name);
    const metadata = await readSmallFile(join(dir, METADATA_FILE), MAX_METADATA_BYTES);
    const manifest = await readSmallFile(join(dir, MANIFEST_FILE), MAX_MANIFEST_BYTES);
    if (metadata.kind === "text" && manifest.kind === "text") byHash.set(`${sha256(metadata.text)} ${sha256(manifest.text)}`, dir);
  }
  const out: PendingVersion[] = [];
  for (const line of missing) {
    const sealed = byHash.get(`${line.metadataSha256} ${line.manifestSha256}`);
    if (sealed) out.push({ line, sealed, target: versionDir(join(root, line.year, line.folder), line.version) });
  }
  return out;
}

/** The last registered version, if its folder is missing: only the last commit can have been cut short. */
export async function lastMissing(root: string, register: Register): Promise<RegisteredVersion[]> {
  const last = register.versions[register.versions.length - 1];
  if (!last) return [];
  const target = versionDir(documentDir(root, last.year, last.folder), last.version);
  return (await pathExists(target)) ? [] : [last];
}

/** Completes an interrupted commit; the caller holds the archive lock. Returns the folders put in place. */
export async function completePending(root: string): Promise<string[]> {
  const register = await readRegister(root);
  if (!register || register.problems.length > 0) return [];
  const done: string[] = [];
  for (const pending of await findPending(root, await lastMissing(root, register))) {
    await mkdir(dirname(pending.target), { recursive: true });
    await rename(pending.sealed, pending.target);
    await fsyncDirectory(dirname(pending.target));
    await fsyncDirectory(dirname(dirname(pending.target)));
    done.push(pending.target);
  }
  return done;
}
