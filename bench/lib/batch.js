import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { circularFolder, tempDir } from "./data.js";

const BIN = fileURLToPath(new URL("../../bin/gongwen.js", import.meta.url));
const HAS_GNU_TIME = existsSync("/usr/bin/time");

/**
 * `gongwen render DIR -o OUT` on `count` generated circulars: wall time, documents per second, and
 * the peak resident memory of the whole process (main thread and worker threads share it): from
 * /usr/bin/time -v where it exists, else the kernel's high-water mark (VmHWM) sampled while it runs.
 */
export async function benchBatch(count, extraArgs = []) {
  const data = circularFolder(count);
  const out = join(tempDir(), "out");
  const args = [BIN, "render", data, "-o", out, "-q", ...extraArgs];
  const started = performance.now();
  const { status, peakKb, stderr, cpuSeconds } = await (HAS_GNU_TIME ? withGnuTime(args) : withSampling(args));
  const seconds = (performance.now() - started) / 1000;
  if (status !== 0) throw new Error(`batch exited ${status}: ${stderr.slice(0, 2000)}`);
  const written = readdirSync(out).filter((name) => name.endsWith(".docx")).length;
  if (written !== count) throw new Error(`batch wrote ${written} of ${count}`);
  // CPU time (all threads) per document: what the batch costs whatever else the machine is doing.
  const cpuMsPerDoc = cpuSeconds === undefined ? undefined : (cpuSeconds * 1000) / count;
  return { count, seconds, perSecond: count / seconds, peakMb: peakKb / 1024, cpuMsPerDoc, memorySource: HAS_GNU_TIME ? "/usr/bin/time -v" : "VmHWM sampling" };
}

function withGnuTime(args) {
  const result = spawnSync("/usr/bin/time", ["-v", process.execPath, ...args], { encoding: "utf8" });
  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1] ?? NaN);
  const seconds = (label) => Number(new RegExp(`${label} time \\(seconds\\): ([\\d.]+)`).exec(result.stderr)?.[1] ?? NaN);
  return Promise.resolve({ status: result.status, peakKb, stderr: result.stderr, cpuSeconds: seconds("User") + seconds("System") });
}

function withSampling(args) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    let peakKb = 0;
    child.stderr.on("data", (chunk) => (stderr += chunk));
    const timer = setInterval(() => {
      try {
        const hwm = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, "utf8"))?.[1] ?? 0);
        peakKb = Math.max(peakKb, hwm);
      } catch {
        // exited
      }
    }, 50);
    child.on("exit", (status) => {
      clearInterval(timer);
      resolve({ status, peakKb, stderr });
    });
  });
}
