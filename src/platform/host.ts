/**
 * The machine a lookup runs on, passed in rather than read from globals, so that tests can lay out a
 * Windows or macOS machine as a folder tree under a temp folder and run the very same code on Linux.
 */
import { homedir } from "node:os";
import { join } from "node:path";

export type HostPlatform = "win32" | "darwin" | "linux";

export interface Host {
  /** Which layout to look for. Every other POSIX system is treated as Linux (fontconfig, PATH). */
  readonly platform: HostPlatform;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly homedir: string;
  /**
   * Where the platform's fixed absolute places (/Applications, /opt, /snap, /usr/share/fonts,
   * /Library/Fonts) are found: "/" on a real machine, a temp folder in tests. Windows places come from
   * the environment (ProgramFiles, WINDIR, LOCALAPPDATA) instead, as Windows itself defines them there.
   */
  readonly root: string;
}

export function hostPlatform(platform: NodeJS.Platform = process.platform): HostPlatform {
  return platform === "win32" || platform === "darwin" ? platform : "linux";
}

export function currentHost(): Host {
  return { platform: hostPlatform(), env: process.env, homedir: homedir(), root: "/" };
}

/** An environment variable; Windows spells names in any case (`Path`, `ProgramFiles`). Empty means unset. */
export function envValue(host: Host, name: string): string | undefined {
  let value = host.env[name];
  if (value === undefined && host.platform === "win32") {
    const upper = name.toUpperCase();
    const key = Object.keys(host.env).find((candidate) => candidate.toUpperCase() === upper);
    value = key === undefined ? undefined : host.env[key];
  }
  return value === undefined || value === "" ? undefined : value;
}

/** A fixed POSIX place (`/opt`, `/Applications/…`) on this host, under its root. */
export function atRoot(host: Host, ...segments: string[]): string {
  return join(host.root, ...segments);
}

/** PATH's separator is the platform's, not this Node's, so a faked Windows PATH splits right on Linux. */
export function pathEntries(host: Host): string[] {
  const path = envValue(host, "PATH") ?? "";
  return path
    .split(host.platform === "win32" ? ";" : ":")
    // Windows PATH entries may be quoted ("C:\Program Files\x"); the quotes are not part of the folder.
    .map((entry) => (host.platform === "win32" ? entry.replace(/^"(.*)"$/u, "$1") : entry))
    .filter((entry) => entry !== "");
}
