#!/usr/bin/env node
/**
 * `npm run bench:compare [-- REF]`: this tree against an earlier commit (default: the last commit before
 * the document family, ea1325f), side by side in one run on the same machine, interleaved so that load
 * from other work falls on both alike. REF is built in a throw-away worktree that shares this tree's
 * node_modules. Written to bench/compare-results.md.
 *
 *   in-process: the sample circular, YAML text → .docx bytes, rounds of runs alternating old and new
 *   batch:      `gongwen render DIR` of 1000 circulars with each tree's CLI, rounds alternating
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { circularFolder, sampleText, tempDir } from "./lib/data.js";
import { describeMachine, loadNow } from "./lib/machine.js";
import { median, ms, percentile, timeRuns } from "./lib/stats.js";

const args = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
const quick = process.argv.includes("--quick");
const ref = args[0] ?? "ea1325f";
const root = fileURLToPath(new URL("..", import.meta.url));
const log = (text) => process.stderr.write(`${text}\n`);

function buildRef() {
  const sha = execFileSync("git", ["rev-parse", "--short", ref], { cwd: root, encoding: "utf8" }).trim();
  const dir = join(tmpdir(), `gongwen-bench-${sha}`);
  if (!existsSync(join(dir, "dist", "gongwen.cjs"))) {
    rmSync(dir, { recursive: true, force: true });
    execFileSync("git", ["worktree", "add", "--force", "--detach", dir, sha], { cwd: root, stdio: "ignore" });
    symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
    execFileSync("npm", ["run", "build", "--silent"], { cwd: dir, stdio: "ignore" });
  }
  return { sha, dir };
}

async function pipelineOf(dir) {
  const [{ parseDocumentText }, { renderLoaded, SAMPLE_DATA_FILE }] = await Promise.all([
    import(pathToFileURL(join(dir, "dist", "model", "validate.js")).href),
    import(pathToFileURL(join(dir, "dist", "pipeline.js")).href),
  ]);
  return (text) => renderLoaded(parseDocumentText(text, SAMPLE_DATA_FILE));
}

function batch(dir, data) {
  const out = join(tempDir(), "out");
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(dir, "bin", "gongwen.js"), "render", data, "-o", out, "-q"], { encoding: "utf8" });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`batch in ${dir} exited ${result.status}: ${result.stderr.slice(0, 500)}`);
  return readdirSync(out).length / seconds;
}

const machine = describeMachine();
log(`machine: ${machine.cpu}, ${machine.cores} cores, load ${machine.loadAverage}; building ${ref} …`);
const old = buildRef();
const renders = { [old.sha]: await pipelineOf(old.dir), current: await pipelineOf(root) };
const texts = Array.from({ length: 100 }, (_, i) => sampleText().replace(/serial: 3\n/, `serial: ${i + 1}\n`));

log("in-process …");
const times = { [old.sha]: [], current: [] };
const rounds = quick ? 4 : 12;
for (let round = 0; round < rounds; round++) {
  for (const name of round % 2 === 0 ? [old.sha, "current"] : ["current", old.sha]) {
    times[name].push(...(await timeRuns((i) => renders[name](texts[i % texts.length]), { runs: quick ? 30 : 60, warmup: 20 })));
  }
}

log("cold start …");
// One-shot CLI renders of the sample, each tree's own launcher, alternating; each tree's code cache
// in its own folder (warmed by the first run), as a user's would be.
const cold = { [old.sha]: [], current: [] };
const coldRun = (dir, cache, quiet = true) => {
  const started = performance.now();
  const result = spawnSync(process.execPath, [join(dir, "bin", "gongwen.js"), "render", "-o", join(cache, "out.docx"), ...(quiet ? ["-q"] : [])], {
    env: { ...process.env, XDG_CACHE_HOME: cache },
    stdio: "ignore",
  });
  if (result.status !== 0) throw new Error(`cold render in ${dir} exited ${result.status}`);
  return performance.now() - started;
};
const caches = { [old.sha]: tempDir(), current: tempDir() };
for (const name of [old.sha, "current"]) coldRun(name === "current" ? root : old.dir, caches[name]);
for (let round = 0; round < (quick ? 10 : 30); round++) {
  for (const name of round % 2 === 0 ? [old.sha, "current"] : ["current", old.sha]) cold[name].push(coldRun(name === "current" ? root : old.dir, caches[name]));
}
// The same without -q, as a clerk types it: this tree then also checks the title's line breaks and
// tells of missing fonts (once per font state; its caches warmed by the first run), which ea1325f did not.
const plain = { [old.sha]: [], current: [] };
for (const name of [old.sha, "current"]) coldRun(name === "current" ? root : old.dir, caches[name], false);
for (let round = 0; round < (quick ? 10 : 30); round++) {
  for (const name of round % 2 === 0 ? [old.sha, "current"] : ["current", old.sha]) plain[name].push(coldRun(name === "current" ? root : old.dir, caches[name], false));
}

log("batch …");
const count = quick ? 300 : 1000;
const data = circularFolder(count);
const rates = { [old.sha]: [], current: [] };
for (let round = 0; round < (quick ? 2 : 3); round++) {
  for (const name of round % 2 === 0 ? [old.sha, "current"] : ["current", old.sha]) rates[name].push(batch(name === "current" ? root : old.dir, data));
}

const row = (name, label) =>
  `| ${label} | ${ms(median(times[name]))} / ${ms(percentile(times[name], 95))} ms | ${ms(median(cold[name]))} / ${ms(percentile(cold[name], 95))} ms | ${ms(median(plain[name]))} / ${ms(percentile(plain[name], 95))} ms | ${median(rates[name]).toFixed(0)} /s (${rates[name].map((r) => r.toFixed(0)).join(", ")}) |`;
const report = `# Before and after, side by side

Generated by \`npm run bench:compare\` (bench/compare.js${quick ? " --quick" : ""}) on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC,
${machine.cpu}, ${machine.cores} cores, Node ${machine.node}; load average ${machine.loadAverage} at the start, ${loadNow()} at the end.
Both trees measured in one process (in-process) and alternately (batch), so load from other work falls on both.

| tree | one circular in-process, YAML text → .docx bytes (median / p95) | cold start: \`gongwen render -q\` of the sample, one process (median / p95) | the same without -q (median / p95) | batch of ${count} circulars, on 2 cores (median of rounds) |
| --- | --- | --- | --- | --- |
${row(old.sha, `before: ${old.sha}`)}
${row("current", "after: this tree")}

Targets of the document family's issue: ≤ 3 ms in process (median), ≥ 200 documents/s in a batch on 2 cores.
`;
const target = fileURLToPath(new URL("./compare-results.md", import.meta.url));
writeFileSync(target, report);
process.stdout.write(report);
log(`written: ${target}`);
