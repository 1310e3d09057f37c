#!/usr/bin/env node
/**
 * The archive's numbers: one real issue, then COUNT entries (default 1,000) made by copying it with
 * consistent metadata and register lines, then verify, list and catalog over them (time and peak memory),
 * including a valid 文号 with a huge serial (〔2022〕20220003号). Writes bench/archive-results.md.
 *
 *   npm run bench:archive            GONGWEN_BENCH_COUNT=200 npm run bench:archive
 */
import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";

const run = spawnSync(process.execPath, ["node_modules/vitest/vitest.mjs", "run", "test/archive/bench.test.ts", "--reporter=dot"], {
  env: { ...process.env, GONGWEN_BENCH: "1" },
  encoding: "utf8",
  maxBuffer: 64 * 1024 * 1024,
});
const lines = `${run.stdout}\n${run.stderr}`.split("\n").filter((line) => /^(issue|entry|generate|verify|read catalogue|gongwen issue|register|archive )/.test(line));
process.stdout.write(`${run.stdout}${run.stderr}`);
if (run.status !== 0 || lines.length === 0) process.exit(run.status || 1);
const machine = `${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
writeFileSync("bench/archive-results.md", `# Archive measurements\n\n${new Date().toISOString().slice(0, 10)}, ${machine}\n\n${lines.map((l) => `- ${l}`).join("\n")}\n`);
