import { readFileSync } from "node:fs";
import { availableParallelism, loadavg, totalmem } from "node:os";

/** What the numbers were measured on: they mean little without it. */
export function describeMachine() {
  let cpu = "unknown CPU";
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync("/proc/cpuinfo", "utf8"))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux
  }
  return {
    cpu,
    cores: availableParallelism(),
    memoryGb: Math.round(totalmem() / 1024 ** 3),
    node: process.version,
    loadAverage: loadavg().map((l) => l.toFixed(2)).join(" "),
  };
}

export function loadNow() {
  return loadavg()[0].toFixed(2);
}
