/**
 * The user's cache folder for gongwen and its small JSON files (the font notice's state, the font
 * names, the word boundaries of titles). Never the install folder: it may be read-only or shared.
 * Every cache is best effort: unreadable means absent, unwritable means not kept.
 */
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomicSync } from "../output/atomic-write.js";
import { envValue, type Host } from "./host.js";

/** The user's cache folder for gongwen, where each platform keeps caches. */
export function cacheDir(host: Host): string {
  switch (host.platform) {
    case "win32":
      return join(envValue(host, "LOCALAPPDATA") ?? join(host.homedir, "AppData", "Local"), "gongwen", "Cache");
    case "darwin":
      return join(host.homedir, "Library", "Caches", "gongwen");
    default:
      return join(envValue(host, "XDG_CACHE_HOME") ?? join(host.homedir, ".cache"), "gongwen");
  }
}

/** Cache files are small; a larger one is not ours (or was damaged) and is not read. */
const MAX_CACHE_FILE_BYTES = 1 << 20;

export function readJson<T>(file: string): T | undefined {
  try {
    if (statSync(file).size > MAX_CACHE_FILE_BYTES) return undefined;
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch {
    return undefined;
  }
}

/** Best effort: a read-only home folder only means the check runs again next time. */
export function writeJson(file: string, value: unknown): void {
  try {
    writeFileAtomicSync(file, `${JSON.stringify(value)}\n`);
  } catch {
    // not cached
  }
}

