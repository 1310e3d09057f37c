import { mkdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCatalog } from "../../src/archive/catalog.js";
import { issue } from "../../src/archive/store.js";
import { verifyArchive } from "../../src/archive/verify.js";
import { adoptArchive } from "../../src/archive/adopt.js";
import { sampleWith } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";
import { BIN, cloneEntry, mkdirTemp, runCli, writeConfig, writeData } from "./fixture.js";

/**
 * Measurements for the README and the report, not run by default (it writes ~650 MB):
 *   npm run bench:archive          (= GONGWEN_BENCH=1 vitest run test/archive/bench.test.ts; results in bench/archive-results.md)
 * One real issue (render + PDF/A + checks + hashing), then 1,000 entries made by copying it under
 * numbers 1…1000 with consistent metadata, then verify / list / catalog over them.
 */

const COUNT = Number(process.env.GONGWEN_BENCH_COUNT ?? 1000);

async function folderBytes(dir: string, names: readonly string[]): Promise<number> {
  let total = 0;
  for (const name of names) total += (await stat(join(dir, name))).size;
  return total;
}

/** The CLI under GNU time: wall time and the child's peak resident memory. */
async function measured(args: readonly string[]): Promise<{ status: number | null; stderr: string; ms: number; maxRssMiB: string }> {
  const { spawn } = await import("node:child_process");
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn("/usr/bin/time", ["-f", "MAXRSS=%M", process.execPath, BIN, ...args], { env: { ...process.env, NO_COLOR: "1" }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (status) => {
      const kb = Number(/MAXRSS=(\d+)/.exec(stderr)?.[1] ?? NaN);
      resolve({ status, stderr, ms: performance.now() - started, maxRssMiB: (kb / 1024).toFixed(0) });
    });
  });
}

describe.runIf(!!process.env.GONGWEN_BENCH)("archive numbers", () => {
  it(`issue one circular, then verify ${COUNT} entries`, { timeout: 900_000 }, async () => {
    const root = await mkdirTemp("gongwen-archive-bench-");
    try {
      await writeConfig(root);
      const times: number[] = [];
      let entry = "";
      // Three issues into three archives: the first run pays for cold caches.
      for (let i = 0; i < 3; i++) {
        const r = join(root, `issue-${i}`);
        await mkdir(r);
        const t = performance.now();
        const outcome = await issue(SAMPLE, { root: r });
        times.push(performance.now() - t);
        entry = outcome.dir;
      }
      const { readdir } = await import("node:fs/promises");
      const names = await readdir(entry);
      const size = await folderBytes(entry, names);
      const big = join(root, "big");
      await mkdir(big);
      await writeConfig(big);
      // A registered archive: the register opened empty, each copy then registered like an issue.
      await adoptArchive(big);
      const t0 = performance.now();
      for (let n = 1; n <= COUNT; n++) await cloneEntry(entry, big, { serial: n, itemNumber: n });
      const generateMs = performance.now() - t0;

      const v = performance.now();
      const report = await verifyArchive(big);
      const verifyMs = performance.now() - v;
      expect(report.problems).toEqual([]);
      expect(report.documents).toBe(COUNT);

      const cli = performance.now();
      const run = await runCli(["archive", "verify", "--archive", big]);
      const cliMs = performance.now() - cli;
      expect(run.status).toBe(0);

      const c = performance.now();
      const catalog = await readCatalog(big);
      const catalogMs = performance.now() - c;
      expect(catalog.rows).toHaveLength(COUNT);
      const l = performance.now();
      expect((await runCli(["archive", "list", "--archive", big])).status).toBe(0);
      const listMs = performance.now() - l;

      // The CLI as the clerk runs it (node start-up included), into the big archive: the next 件号 is read
      // from all its entries under the lock.
      const next = await writeData(root, sampleWith([[["envelope", "docNumber", "serial"], COUNT + 1]]), "next.yaml");
      const cliIssue = performance.now();
      const issued = await runCli(["issue", next, "--archive", big]);
      const cliIssueMs = performance.now() - cliIssue;
      expect(issued.status, issued.stderr).toBe(0);
      expect(issued.stdout).toContain(`件号 ${String(COUNT + 1).padStart(4, "0")}`);

      // A valid 文号 with a huge serial: list and catalog report the gap as one range, in bounded memory.
      await cloneEntry(entry, big, { serial: 20220003, itemNumber: COUNT + 2 });
      const huge = await measured(["archive", "list", "--year", "2022", "--archive", big]);
      expect(huge.status, huge.stderr).toBe(0);
      expect(huge.stderr).toContain("至20220002号");
      const hugeCatalog = await measured(["archive", "catalog", "--csv", "--archive", big]);
      expect(hugeCatalog.status).toBe(0);
      const verifyRss = await measured(["archive", "verify", "--archive", big]);
      expect(verifyRss.status, verifyRss.stderr).toBe(0);

      const lines = [
        `issue one circular (render + PDF/A + checks + hashing + commit): ${times.map((t) => (t / 1000).toFixed(2)).join(" s, ")} s`,
        `entry: ${names.length} files, ${(size / 1024).toFixed(0)} KiB (${names.join(", ")})`,
        `generate ${COUNT} entries by copying: ${(generateMs / 1000).toFixed(1)} s`,
        `verify ${COUNT} entries in-process: ${(verifyMs / 1000).toFixed(2)} s (${report.files} files, ${(report.bytes / 1024 / 1024).toFixed(0)} MiB)`,
        `verify ${COUNT} entries via CLI: ${(cliMs / 1000).toFixed(2)} s`,
        `read catalogue of ${COUNT}: ${(catalogMs / 1000).toFixed(2)} s; archive list via CLI: ${(listMs / 1000).toFixed(2)} s`,
        `gongwen issue via CLI into the ${COUNT}-entry archive (node start-up included): ${(cliIssueMs / 1000).toFixed(2)} s`,
        `register: ${(await stat(join(big, "register.jsonl"))).size} bytes for ${COUNT + 2} versions`,
        `archive verify via CLI (register checked), ${COUNT + 2} entries: ${(verifyRss.ms / 1000).toFixed(2)} s, max RSS ${verifyRss.maxRssMiB} MiB`,
        `archive list --year 2022 with 〔2022〕20220003号 among ${COUNT + 2}: ${(huge.ms / 1000).toFixed(2)} s, max RSS ${huge.maxRssMiB} MiB`,
        `archive catalog --csv with 〔2022〕20220003号: ${(hugeCatalog.ms / 1000).toFixed(2)} s, max RSS ${hugeCatalog.maxRssMiB} MiB`,
      ];
      process.stdout.write(`\n${lines.join("\n")}\n`);
    } finally {
      for (const dir of [root, `${root}-data`]) await rm(dir, { recursive: true, force: true });
    }
  });
});
