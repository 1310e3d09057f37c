/**
 * What this machine has for gongwen, in one report: Node, LibreOffice, poppler, and each face of a font
 * profile. `ready` says whether `render --pdf` can work: it needs LibreOffice, poppler (to measure the
 * PDF), and for every face the face itself or a stand-in with its glyphs.
 */
import type { FontProfile } from "../layout/fonts.js";
import { findOnPath } from "./executable.js";
import { checkFonts, type FontCheck } from "./fonts/font-report.js";
import type { Host, HostPlatform } from "./host.js";
import { libreOfficeHint, popplerHint, sandboxHint, type Bilingual } from "./install-hints.js";
import { locateSoffice, type SofficeSearch } from "./soffice-locate.js";
import { libreOfficeVersion, popplerVersion } from "./tool-versions.js";

export const NODE_MAJOR_REQUIRED = 20;

/** The poppler programs `render --pdf` and `preview` run (src/pdf). */
export const POPPLER_TOOLS = ["pdfinfo", "pdftotext", "pdftoppm"] as const;

export interface DoctorReport {
  readonly platform: HostPlatform;
  readonly profile: string;
  readonly node: { readonly version: string; readonly ok: boolean };
  readonly libreoffice: {
    readonly search: SofficeSearch;
    readonly version?: string;
    /** How to install it (when missing), or what a sandboxed package needs. */
    readonly hint?: Bilingual;
  };
  readonly poppler: {
    readonly tools: ReadonlyArray<{ readonly name: string; readonly path?: string }>;
    readonly version?: string;
    readonly hint?: Bilingual;
  };
  readonly fonts: FontCheck;
  /** Everything `render --pdf` needs is here. */
  readonly ready: boolean;
}

export interface DoctorOptions {
  readonly profile: FontProfile;
  /** `--soffice`, as the CLI was given it. */
  readonly soffice?: string;
  /** Linux: the fontconfig file previews use (fonts/fonts.conf). */
  readonly previewConfig?: string;
  readonly nodeVersion?: string;
}

export function diagnose(host: Host, options: DoctorOptions): DoctorReport {
  const nodeVersion = options.nodeVersion ?? process.version;
  const node = { version: nodeVersion, ok: Number(/^v?(\d+)/u.exec(nodeVersion)?.[1] ?? 0) >= NODE_MAJOR_REQUIRED };

  const search = locateSoffice(host, options.soffice);
  const found = search.found;
  const libreoffice = {
    search,
    version: found ? libreOfficeVersion(found.path, host) : undefined,
    hint: !found ? libreOfficeHint(host.platform) : found.sandbox ? sandboxHint(found.sandbox) : undefined,
  };

  const suffix = host.platform === "win32" ? ".exe" : "";
  const tools = POPPLER_TOOLS.map((name) => ({ name, path: findOnPath(host, [`${name}${suffix}`]) }));
  const pdfinfo = tools[0]?.path;
  const popplerComplete = tools.every((tool) => tool.path !== undefined);
  const poppler = {
    tools,
    version: pdfinfo ? popplerVersion(pdfinfo, host) : undefined,
    hint: popplerComplete ? undefined : popplerHint(host.platform),
  };

  const fonts = checkFonts(host, options.profile, { previewConfig: options.previewConfig });
  const fontsUsable = fonts.faces.every((face) => face.status !== "missing");
  return {
    platform: host.platform,
    profile: options.profile.name,
    node,
    libreoffice,
    poppler,
    fonts,
    ready: node.ok && found !== undefined && popplerComplete && fontsUsable,
  };
}
