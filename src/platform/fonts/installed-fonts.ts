import { join } from "node:path";
import type { Host } from "../host.js";
import { cacheDir, readJson, writeJson } from "../user-cache.js";
import { CACHE_VERSION } from "./font-cache.js";
import { fontFolders } from "./font-folders.js";
import { fontconfigInventory } from "./fontconfig.js";
import { scanFontFolders, type FontInventory, type NameCache } from "./inventory.js";

/**
 * The installed families, by fontconfig on Linux and the font folders elsewhere; the folders' per-file
 * name cache makes a rescan read only new files.
 */
export function installedFonts(host: Host): FontInventory {
  if (host.platform === "linux") {
    const viaFontconfig = fontconfigInventory(host);
    if (viaFontconfig) return viaFontconfig;
  }
  const namesFile = join(cacheDir(host), "font-names.json");
  const cached = readJson<{ version: number; names: NameCache }>(namesFile);
  const scanned = scanFontFolders(fontFolders(host), cached?.version === CACHE_VERSION ? cached.names : {});
  writeJson(namesFile, { version: CACHE_VERSION, names: scanned.cache });
  return scanned.inventory;
}
