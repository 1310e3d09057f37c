/**
 * Where LibreOffice's `soffice` is on this machine: where its installers put it, since it is on PATH
 * only on Linux. Registry-free on Windows: the installer's default folders are where it is in practice,
 * and a folder elsewhere is named with `--soffice` or GONGWEN_SOFFICE.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { atRoot, envValue, type Host } from "./host.js";
import { findOnPath, isProgram } from "./executable.js";

export type SofficeSource = "option" | "env" | "path" | "standard";

/** Packages that run LibreOffice in a sandbox with its own /tmp: it cannot see files there. */
export type Sandbox = "snap" | "flatpak";

export interface SofficeLocation {
  readonly path: string;
  readonly source: SofficeSource;
  readonly sandbox?: Sandbox;
}

export interface SofficeSearch {
  readonly found?: SofficeLocation;
  /** An `--soffice` or GONGWEN_SOFFICE that names no program: reported, never silently replaced by another. */
  readonly rejected?: { readonly path: string; readonly source: "option" | "env" };
  /** The places looked at, in order, for the report when nothing is found. */
  readonly tried: readonly string[];
}

export const SOFFICE_ENV = "GONGWEN_SOFFICE";

export function locateSoffice(host: Host, explicit?: string): SofficeSearch {
  const named = explicit ? { path: explicit, source: "option" as const } : envSoffice(host);
  if (named) {
    const path = namedProgram(host, named.path);
    return path ? { found: { path, source: named.source, sandbox: sandboxOf(host, path) }, tried: [named.path] } : { rejected: named, tried: [named.path] };
  }
  const onPath = findOnPath(host, PATH_NAMES[host.platform]);
  if (onPath) return { found: { path: onPath, source: "path", sandbox: sandboxOf(host, onPath) }, tried: [] };
  const tried = standardPlaces(host);
  const path = tried.find((candidate) => isProgram(candidate, host));
  return { found: path === undefined ? undefined : { path, source: "standard", sandbox: sandboxOf(host, path) }, tried: ["PATH", ...tried] };
}

/**
 * What a user may mean by a path to LibreOffice: the program, the program without `.exe`, the install
 * folder (`D:\LibreOffice`) or its `program` folder, or the macOS app bundle.
 */
function namedProgram(host: Host, path: string): string | undefined {
  const exe = host.platform === "win32" ? "soffice.exe" : "soffice";
  const candidates = [
    path,
    ...(host.platform === "win32" ? [`${path}.exe`] : []),
    join(path, "program", exe),
    join(path, exe),
    ...(host.platform === "darwin" ? [join(path, "Contents", "MacOS", "soffice")] : []),
  ];
  return candidates.find((candidate) => isProgram(candidate, host));
}

function envSoffice(host: Host): { path: string; source: "env" } | undefined {
  const path = envValue(host, SOFFICE_ENV);
  return path === undefined ? undefined : { path, source: "env" };
}

const PATH_NAMES: Readonly<Record<Host["platform"], readonly string[]>> = {
  // soffice.exe, not soffice.com: the console wrapper is only needed to see `--version` (see soffice-version.ts).
  win32: ["soffice.exe"],
  darwin: ["soffice"],
  linux: ["soffice", "libreoffice"],
};

/** Candidate programs in the order installers make them likely. */
function standardPlaces(host: Host): string[] {
  switch (host.platform) {
    case "win32":
      return windowsPlaces(host);
    case "darwin":
      return macPlaces(host);
    default:
      return linuxPlaces(host);
  }
}

function windowsPlaces(host: Host): string[] {
  const drive = envValue(host, "SystemDrive") ?? "C:";
  // 64-bit LibreOffice on 64-bit Windows, then the 32-bit one; ProgramW6432 names the 64-bit folder even
  // to a 32-bit process, whose ProgramFiles points at the (x86) folder.
  const bases = unique([
    envValue(host, "ProgramW6432"),
    envValue(host, "ProgramFiles") ?? `${drive}\\Program Files`,
    envValue(host, "ProgramFiles(x86)") ?? `${drive}\\Program Files (x86)`,
    // A per-user install (no administrator rights) goes under the user's own programs folder.
    withPart(envValue(host, "LOCALAPPDATA"), "Programs"),
  ]);
  const places: string[] = [];
  for (const base of bases) {
    // Older installers versioned the folder ("LibreOffice 5", "LibreOffice 7"); newest first.
    for (const folder of ["LibreOffice", ...matching(base, /^LibreOffice[ _-]?\d/iu)]) {
      places.push(join(base, folder, "program", "soffice.exe"));
    }
  }
  return unique(places);
}

function macPlaces(host: Host): string[] {
  const bundles = (applications: string) => ["LibreOffice.app", ...matching(applications, /^LibreOffice.*\.app$/u)];
  const system = atRoot(host, "Applications");
  const user = join(host.homedir, "Applications");
  return unique([
    ...bundles(system).map((app) => join(system, app, "Contents", "MacOS", "soffice")),
    ...bundles(user).map((app) => join(user, app, "Contents", "MacOS", "soffice")),
    // Homebrew's links, for a shell whose PATH lacks them (a GUI-started editor's terminal).
    atRoot(host, "opt", "homebrew", "bin", "soffice"),
    atRoot(host, "usr", "local", "bin", "soffice"),
  ]);
}

function linuxPlaces(host: Host): string[] {
  const opt = atRoot(host, "opt");
  return unique([
    // The Document Foundation's own .deb/.rpm packages install to /opt/libreoffice<version>/ with no link on PATH.
    // (Distribution packages link soffice into /usr/bin, which PATH covers.)
    ...matching(opt, /^libreoffice/u).map((folder) => join(opt, folder, "program", "soffice")),
    atRoot(host, "snap", "bin", "libreoffice"),
    atRoot(host, "var", "lib", "flatpak", "exports", "bin", "org.libreoffice.LibreOffice"),
    join(host.homedir, ".local", "share", "flatpak", "exports", "bin", "org.libreoffice.LibreOffice"),
  ]);
}

function sandboxOf(host: Host, path: string): Sandbox | undefined {
  if (host.platform !== "linux") return undefined;
  if (path.startsWith(atRoot(host, "snap") + "/")) return "snap";
  if (/[/\\]flatpak[/\\]exports[/\\]bin[/\\]/u.test(path)) return "flatpak";
  return undefined;
}

/** Entries of `dir` whose names match, highest version first (numeric order: 24.2 after 7.6). */
function matching(dir: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((name) => pattern.test(name)).sort((a, b) => b.localeCompare(a, "en", { numeric: true }));
}

function withPart(base: string | undefined, part: string): string | undefined {
  return base === undefined ? undefined : join(base, part);
}

function unique(values: ReadonlyArray<string | undefined>): string[] {
  return [...new Set(values.filter((value): value is string => value !== undefined))];
}
