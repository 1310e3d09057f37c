/**
 * The font families installed on a machine, found by reading the font folders' files (Windows, macOS,
 * and Linux without fontconfig) or by asking fontconfig (src/platform/fonts/fontconfig.ts).
 */
import { readdirSync, statSync } from "node:fs";
import { extname, join } from "node:path";
import { fontFamilyNames } from "./sfnt-names.js";

export interface InstalledFace {
  /** The family name as the font spells it. */
  readonly family: string;
  readonly file: string;
}

/** Windows, macOS and fontconfig all match family names ignoring case and spaces. */
export const familyKey = (name: string): string => name.normalize("NFKC").toLowerCase().replace(/\s+/gu, "");

export class FontInventory {
  private readonly faces = new Map<string, InstalledFace>();

  constructor(entries: Iterable<InstalledFace>) {
    for (const entry of entries) {
      const key = familyKey(entry.family);
      if (!this.faces.has(key)) this.faces.set(key, entry);
    }
  }

  find(name: string): InstalledFace | undefined {
    return this.faces.get(familyKey(name));
  }

  get size(): number {
    return this.faces.size;
  }
}

const FONT_EXTENSIONS = new Set([".ttf", ".otf", ".ttc", ".otc"]);
/** macOS keeps fonts one level down (Supplemental); Linux sorts them by format and foundry. */
const MAX_DEPTH = 4;

interface FontFile {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

function fontFiles(folders: readonly string[]): FontFile[] {
  const files: FontFile[] = [];
  const walk = (dir: string, depth: number) => {
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return;
    }
    for (const name of names.sort()) {
      const path = join(dir, name);
      let stats;
      try {
        stats = statSync(path);
      } catch {
        continue;
      }
      if (stats.isDirectory()) {
        if (depth < MAX_DEPTH) walk(path, depth + 1);
      } else if (stats.isFile() && FONT_EXTENSIONS.has(extname(name).toLowerCase())) {
        files.push({ path, size: stats.size, mtimeMs: stats.mtimeMs });
      }
    }
  };
  for (const folder of folders) walk(folder, 0);
  return files;
}

/** Family names of one file as last read, so that a second scan reads only new or changed files. */
export type NameCache = Record<string, { readonly size: number; readonly mtimeMs: number; readonly families: readonly string[] }>;

export function scanFontFolders(folders: readonly string[], cache: NameCache = {}): { inventory: FontInventory; cache: NameCache } {
  const next: NameCache = {};
  const entries: InstalledFace[] = [];
  for (const file of fontFiles(folders)) {
    const known = cache[file.path];
    const families = known && known.size === file.size && known.mtimeMs === file.mtimeMs ? known.families : fontFamilyNames(file.path);
    next[file.path] = { size: file.size, mtimeMs: file.mtimeMs, families };
    for (const family of families) entries.push({ family, file: file.path });
  }
  return { inventory: new FontInventory(entries), cache: next };
}
