/**
 * Ending a program together with everything it started: soffice starts oosplash and soffice.bin (POSIX)
 * or soffice.bin (Windows), and a time limit must end all of them, or the profile stays locked and the
 * next conversion fails silently.
 */
import { spawnSync, type SpawnOptions } from "node:child_process";
import { join } from "node:path";
import { envValue, type Host } from "./host.js";

/**
 * POSIX: the child leads a process group of its own, killed as one. Windows: no such group, and
 * `detached` there would open a console window; the tree is found by parent ids instead (taskkill /T).
 */
export function treeSpawnOptions(host: Host): Pick<SpawnOptions, "detached" | "windowsHide"> {
  return host.platform === "win32" ? { detached: false, windowsHide: true } : { detached: true };
}

/** Windows' own taskkill, by full path when the environment says where Windows is (PATH may lack System32). */
export function taskkillCommand(host: Host, pid: number): { command: string; args: string[] } {
  const windows = envValue(host, "SystemRoot") ?? envValue(host, "WINDIR");
  return {
    command: windows ? join(windows, "System32", "taskkill.exe") : "taskkill",
    args: ["/T", "/F", "/PID", String(pid)],
  };
}

/** Ends `pid` and its descendants, now (synchronously: it also runs in signal handlers). */
export function killTree(host: Host, pid: number | undefined): void {
  if (pid === undefined) return;
  if (host.platform === "win32") {
    const { command, args } = taskkillCommand(host, pid);
    spawnSync(command, args, { stdio: "ignore", windowsHide: true, timeout: 10_000 });
    return;
  }
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // group already gone
  }
}
