/**
 * Is there a program at this path, and where on PATH is one. Windows has no execute bit: a file
 * with the right name is the program; elsewhere it must also be executable by us.
 */
import { accessSync, constants, statSync } from "node:fs";
import { join } from "node:path";
import { pathEntries, type Host } from "./host.js";

export function isProgram(path: string, host: Host): boolean {
  try {
    if (!statSync(path).isFile()) return false;
    if (host.platform !== "win32") accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The first of `names` found on PATH, folder by folder (as a shell looks). */
export function findOnPath(host: Host, names: readonly string[]): string | undefined {
  for (const dir of pathEntries(host)) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (isProgram(candidate, host)) return candidate;
    }
  }
  return undefined;
}
