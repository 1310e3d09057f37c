/**
 * `render`'s once-only notice that faces the document names are not installed here. A plain render
 * must not pay for a font scan (fc-list, or reading a Windows Fonts folder): the answer is kept in the
 * user's cache folder with a fingerprint of the font folders' modification times, and looked at again
 * only when fonts were installed or removed. The notice is shown once per such state.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import { diagnostic, type Diagnostic } from "../../errors.js";
import type { FontProfile } from "../../layout/fonts.js";
import { atRoot, envValue, type Host } from "../host.js";
import { cacheDir, readJson, writeJson } from "../user-cache.js";
import { profileFaces } from "./faces.js";
import { fontFolders } from "./font-folders.js";
import type { FontInventory } from "./inventory.js";

export const CACHE_VERSION = 1;

interface NoticeState {
  readonly version: number;
  readonly fingerprint: string;
  /** Per profile told about in this state: the faces that were not installed. */
  readonly profiles: Record<string, { readonly missing: readonly string[] }>;
}

/**
 * Modification times of the places that change when fonts are installed: the font folders, and on Linux
 * fontconfig's caches, which fc-cache (run by every font package) rewrites even when a font lands in
 * a subfolder.
 */
function fontFingerprint(host: Host): string {
  const places = fontFolders(host);
  if (host.platform === "linux") {
    places.push(atRoot(host, "var", "cache", "fontconfig"), join(envValue(host, "XDG_CACHE_HOME") ?? join(host.homedir, ".cache"), "fontconfig"));
  }
  return places
    .map((place) => {
      try {
        return `${place}=${statSync(place).mtimeMs}`;
      } catch {
        return `${place}=-`;
      }
    })
    .join("\n");
}

/**
 * The notice for `profile` if it is due: faces missing and not yet told for this state of the font
 * folders. Cheap when nothing changed: a few stat calls and one small file read; the scanning code
 * (and node:child_process, some milliseconds to load) is loaded only when the fonts changed.
 */
export async function missingFontNotice(host: Host, profile: FontProfile): Promise<Diagnostic | undefined> {
  const file = join(cacheDir(host), "font-notice.json");
  const fingerprint = fontFingerprint(host);
  const state = readJson<NoticeState>(file);
  const current = state?.version === CACHE_VERSION && state.fingerprint === fingerprint ? state : undefined;
  if (current?.profiles[profile.name]) return undefined;

  const { installedFonts } = await import("./installed-fonts.js");
  const missing = missingFaces(installedFonts(host), profile);
  writeJson(file, {
    version: CACHE_VERSION,
    fingerprint,
    profiles: { ...current?.profiles, [profile.name]: { missing } },
  } satisfies NoticeState);
  return missing.length === 0 ? undefined : notice(missing);
}

function missingFaces(installed: FontInventory, profile: FontProfile): string[] {
  return [...new Set(profileFaces(profile).map((face) => face.name))].filter((name) => !installed.find(name));
}

function notice(missing: readonly string[]): Diagnostic {
  return diagnostic({
    severity: "warning",
    zh: `本机未安装文件所用的字体：${missing.join("、")}。在本机打开 .docx 会以其他字体显示，PDF 预览用免费字体代替；印发前请在装有这些字体的电脑上核对。详见 gongwen doctor（此提示只显示一次）`,
    en: `fonts the document names are not installed here: ${missing.join(", ")}. Opened on this machine the .docx shows other faces, and previews use free stand-ins; check it on a PC that has them before issuing. See gongwen doctor (shown once)`,
    rule: "font-missing",
  });
}
