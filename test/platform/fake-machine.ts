/**
 * Machines of other platforms laid out as real folder trees under a temp folder: the platform code
 * runs on them unchanged, only its `Host` (platform, environment, home, root) points there.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import type { Host, HostPlatform } from "../../src/platform/host.js";

export interface FakeMachine {
  readonly root: string;
  readonly host: Host;
  /** An absolute path inside the fake machine. */
  at(...segments: string[]): string;
  /** A file inside the fake machine; `program` makes it executable. */
  file(path: string, content?: string | Uint8Array, options?: { program?: boolean }): string;
}

/**
 * `env` values may use `<root>`, replaced by the fake machine's folder: a Windows machine's
 * `ProgramFiles` is `<root>/Program Files`, as Windows' own `C:\Program Files` would be.
 */
export function fakeMachine(platform: HostPlatform, env: Record<string, string> = {}): FakeMachine {
  const root = mkdtempSync(join(tmpdir(), `gongwen-${platform}-`));
  const at = (...segments: string[]) => join(root, ...segments);
  const resolved = Object.fromEntries(Object.entries(env).map(([key, value]) => [key, value.replaceAll("<root>", root)]));
  const home = at(platform === "win32" ? "Users/clerk" : platform === "darwin" ? "Users/clerk" : "home/clerk");
  mkdirSync(home, { recursive: true });
  return {
    root,
    host: { platform, env: resolved, homedir: home, root },
    at,
    file(path, content = "", options = {}) {
      const target = path.startsWith(root) ? path : at(path);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, content);
      if (options.program) chmodSync(target, 0o755);
      return target;
    },
  };
}

/** The usual environment of a 64-bit Windows 10/11 user, inside the fake machine. */
export const WINDOWS_ENV = {
  SystemDrive: "<root>",
  SystemRoot: "<root>/Windows",
  windir: "<root>/Windows",
  ProgramFiles: "<root>/Program Files",
  "ProgramFiles(x86)": "<root>/Program Files (x86)",
  ProgramW6432: "<root>/Program Files",
  LOCALAPPDATA: "<root>/Users/clerk/AppData/Local",
  Path: "<root>/Windows/System32;<root>/Windows",
} as const;
