import { existsSync, readFileSync } from "node:fs";

/** Whether a process runs; a killed one nobody has reaped yet is a zombie: gone for our purposes. */
export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, "utf8") : "";
  return !/^\d+ \(.*\) Z/.test(stat);
}
