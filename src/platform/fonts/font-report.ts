/**
 * For each face a font profile names: is it installed here, and if not, which face stands in for it in
 * previews and PDFs. Linux asks fontconfig, with the project's fonts/fonts.conf as LibreOffice gets it;
 * Windows and macOS read the font folders and pick the first stand-in they hold.
 */
import type { FontProfile } from "../../layout/fonts.js";
import type { Host } from "../host.js";
import type { Bilingual } from "../install-hints.js";
import { allProfileFaces, faceSource, profileFaces, standIns, type FaceRole, type ProfileFace } from "./faces.js";
import { fontFolders } from "./font-folders.js";
import { fontconfigInventory, fontconfigMatch, type MatchedFace } from "./fontconfig.js";
import { installedFonts } from "./installed-fonts.js";
import type { FontInventory } from "./inventory.js";

/**
 * installed: the named face itself is here (Word, WPS and LibreOffice use it);
 * substituted: it is not, and a face with the glyphs stands in (named in `preview`);
 * missing: nothing here can stand in: PDFs would show wrong or no glyphs.
 */
export type FaceStatus = "installed" | "substituted" | "missing";

export interface PreviewFace {
  readonly family: string;
  readonly style?: string;
  readonly file?: string;
}

export interface FaceReport {
  readonly role: FaceRole;
  readonly name: string;
  readonly status: FaceStatus;
  /** Where the named face is installed. */
  readonly file?: string;
  /** The face previews and PDFs use for it. */
  readonly preview?: PreviewFace;
  /** Linux: the free face fonts/fonts.conf prefers, when fontconfig resolved another (that one is not installed). */
  readonly preferred?: string;
  readonly source: Bilingual;
}

export interface FontCheck {
  /** How the fonts were found: fontconfig, or the font folders' files. */
  readonly method: "fontconfig" | "folders";
  /** The folders read (folders), or the fontconfig file previews use (fontconfig). */
  readonly places: readonly string[];
  readonly faces: readonly FaceReport[];
}

export interface FontCheckOptions {
  /** Linux: the fontconfig file LibreOffice is given for previews (fonts/fonts.conf). */
  readonly previewConfig?: string;
}

export function checkFonts(host: Host, profile: FontProfile, options: FontCheckOptions = {}): FontCheck {
  const faces = profileFaces(profile);
  if (host.platform === "linux") {
    const installed = fontconfigInventory(host);
    if (installed) {
      return {
        method: "fontconfig",
        places: options.previewConfig ? [options.previewConfig] : [],
        faces: faces.map((face) => fontconfigFace(host, face, installed, options.previewConfig)),
      };
    }
  }
  const inventory = installedFonts(host);
  return { method: "folders", places: fontFolders(host), faces: faces.map((face) => folderFace(host, face, inventory)) };
}

/**
 * Windows and macOS: LibreOffice's font replacement table for a conversion, each face no profile can
 * find here mapped to its stand-in, so previews use the face `doctor` names instead of one LibreOffice
 * picks. (Linux gets fonts/fonts.conf instead.)
 */
export function previewReplacements(host: Host, inventory: FontInventory = installedFonts(host)): FontReplacement[] {
  const pairs: FontReplacement[] = [];
  for (const face of allProfileFaces()) {
    const report = folderFace(host, face, inventory);
    if (report.status === "substituted" && report.preview) pairs.push({ name: face.name, standIn: report.preview.family });
  }
  return pairs;
}

export interface FontReplacement {
  /** The family the document names. */
  readonly name: string;
  /** The installed family LibreOffice should use instead. */
  readonly standIn: string;
}

/** Does a matched face draw this role's text: Chinese glyphs for the Chinese faces, Latin for the Latin one. */
function covers(role: FaceRole, match: MatchedFace): boolean {
  return match.languages.has(role === "latin" ? "en" : "zh-cn");
}

function fontconfigFace(host: Host, face: ProfileFace, installed: FontInventory, previewConfig: string | undefined): FaceReport {
  const own = installed.find(face.name);
  const match = fontconfigMatch(host, face.name, previewConfig);
  const preview = match && covers(face.role, match) ? { family: match.family, style: match.style, file: match.file } : undefined;
  const [first] = standIns(face.role, "linux");
  const preferred = !own && preview && first && preview.family !== first ? first : undefined;
  return {
    ...face,
    status: own ? "installed" : preview ? "substituted" : "missing",
    file: own?.file,
    preview,
    preferred,
    source: faceSource(face),
  };
}

function folderFace(host: Host, face: ProfileFace, inventory: FontInventory): FaceReport {
  const own = inventory.find(face.name);
  if (own) return { ...face, status: "installed", file: own.file, preview: { family: own.family, file: own.file }, source: faceSource(face) };
  for (const candidate of standIns(face.role, host.platform)) {
    const found = inventory.find(candidate);
    if (found) return { ...face, status: "substituted", preview: { family: candidate, file: found.file }, source: faceSource(face) };
  }
  return { ...face, status: "missing", source: faceSource(face) };
}
