#!/usr/bin/env node
/**
 * `node bench/startup-tricks.js [ROUNDS]` (after `npm run build`): each start-up trick of bin/ against
 * the launcher without it, side by side and interleaved (so load from other work falls on all alike),
 * as a one-shot `gongwen render` of the sample: the V8 interrupt-budget flag (16x, against V8's default
 * and 4x), reading the bundle as Latin-1 instead of UTF-8, and the V8 code cache (now in the user's
 * cache folder). The flag is also measured on a long document (a 通知 whose attachment table has 400
 * rows, ~34 pages), where a run is long enough for the optimizing compiler to matter. The YAML
 * `process.env` stand-in is measured in-process: parses of the sample with and without it.
 * Variants are copies of bin/ with one trick taken out, beside a link to this tree's dist/.
 * Written to bench/startup-tricks.md.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const rounds = Number(process.argv[2] ?? 15);
const work = join(tmpdir(), `gongwen-tricks-${process.pid}`);
const sample = join(root, "data", "qingzhengwu-2022-3.yaml");

const BUDGET_FLAG = 'require("node:v8").setFlagsFromString(`--interrupt-budget=${16 * 66 * 1024}`);';
/** A variant must change the launcher: a trick renamed in bin/ fails here, not as a silent no-op. */
function replaceOnce(text, from, to) {
  if (!text.includes(from)) throw new Error(`not in the launcher: ${from}`);
  return text.replace(from, to);
}

/** The shipped launcher, and each trick added or taken out. */
const VARIANTS = {
  shipped: (files) => files,
  "- interrupt-budget flag (V8's default)": (files) => ({ ...files, "gongwen.js": replaceOnce(files["gongwen.js"], BUDGET_FLAG, "") }),
  "interrupt budget 4x instead of 16x": (files) => ({ ...files, "gongwen.js": replaceOnce(files["gongwen.js"], BUDGET_FLAG, BUDGET_FLAG.replace("16 *", "4 *")) }),
  "- bundle read as Latin-1 (UTF-8)": (files) => ({ ...files, "load-bundle.js": replaceOnce(files["load-bundle.js"], 'readFileSync(file, "latin1")', 'readFileSync(file, "utf8")') }),
  "- code cache": (files) => ({ ...files, "load-bundle.js": replaceOnce(files["load-bundle.js"], "const folder = cacheFolder();", "const folder = undefined;") }),
};

const original = Object.fromEntries(["gongwen.js", "load-bundle.js", "package.json"].map((name) => [name, readFileSync(join(root, "bin", name), "utf8")]));
const launchers = {};
for (const [name, change] of Object.entries(VARIANTS)) {
  const dir = join(work, name.replace(/\W+/gu, "-"));
  mkdirSync(join(dir, "bin"), { recursive: true });
  for (const [file, text] of Object.entries(change(original))) writeFileSync(join(dir, "bin", file), text);
  symlinkSync(join(root, "dist"), join(dir, "dist"));
  for (const other of ["node_modules", "templates", "data", "fonts", "package.json"]) symlinkSync(join(root, other), join(dir, other));
  launchers[name] = join(dir, "bin", "gongwen.js");
}
const env = { ...process.env, XDG_CACHE_HOME: join(work, "cache"), NO_COLOR: "1" };
const run = (launcher, data = sample, { quiet = true, extraEnv = {} } = {}) => {
  const started = process.hrtime.bigint();
  const result = spawnSync(process.execPath, [launcher, "render", data, "-o", join(work, "out.docx"), ...(quiet ? ["-q"] : [])], { env: { ...env, ...extraEnv }, stdio: "ignore" });
  if (result.status !== 0) throw new Error(`${launcher} exited ${result.status}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
};
for (const launcher of Object.values(launchers)) run(launcher); // warm the file cache and write the code caches
const times = Object.fromEntries(Object.keys(launchers).map((name) => [name, []]));
for (let round = 0; round < rounds; round++) for (const [name, launcher] of Object.entries(launchers)) times[name].push(run(launcher));
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// The budget flag on a long document: the notice starter with 400 table rows and 60 more paragraphs.
const longDocument = join(work, "long-notice.yaml");
const notice = readFileSync(join(root, "data", "notice-with-table.yaml"), "utf8");
const lastRow = "        | 9 | 玉树州政务服务中心 | 86.5 | 合格 |\n";
const paragraph = "  本次考核采取日常考评与年终考核相结合的方式，从服务规范、办事效率、群众评价、制度建设四个方面，对全省政务服务中心进行了综合评定。\n\n";
const rows = Array.from({ length: 390 }, (_, i) => `        | ${i + 10} | 第${i + 10}政务服务中心 | ${80 + (i % 20)}.5 | 良好 |\n`).join("");
writeFileSync(longDocument, replaceOnce(replaceOnce(notice, lastRow, lastRow + rows), "  # 有关要求\n", paragraph.repeat(60) + "  # 有关要求\n"));
const longNames = ["shipped", "- interrupt-budget flag (V8's default)"];
const longTimes = Object.fromEntries(longNames.map((name) => [name, []]));
for (let round = 0; round < Math.ceil(rounds / 3); round++) for (const name of longNames) longTimes[name].push(run(launchers[name], longDocument));

// Without -q, render checks the title's line breaks, which needs Chinese word boundaries: from the
// word cache in the user's cache folder, or from ICU's segmenter built anew.
const wordCache = { "with the word cache": [], "without (GONGWEN_NO_WORD_CACHE=1)": [] };
const wordEnv = { "with the word cache": {}, "without (GONGWEN_NO_WORD_CACHE=1)": { GONGWEN_NO_WORD_CACHE: "1" } };
run(launchers.shipped, sample, { quiet: false }); // the title's boundaries into the cache
for (let round = 0; round < rounds; round++) for (const name of Object.keys(wordCache)) wordCache[name].push(run(launchers.shipped, sample, { quiet: false, extraEnv: wordEnv[name] }));

// The YAML process.env stand-in, in-process on the built modules.
const { parseYamlSource } = await import(new URL("../dist/load/yaml-source.js", import.meta.url).href);
const { parseDocument, LineCounter } = await import("yaml");
const text = readFileSync(sample, "utf8");
const parses = 400;
const timeParses = (parse) => {
  const started = process.hrtime.bigint();
  for (let i = 0; i < parses; i++) parse();
  return Number(process.hrtime.bigint() - started) / 1e6 / parses;
};
const envPairs = [];
for (let round = 0; round < 5; round++) {
  envPairs.push([
    timeParses(() => parseYamlSource(text, "x.yaml")),
    timeParses(() => parseDocument(text, { lineCounter: new LineCounter(), prettyErrors: true, uniqueKeys: true }).toJS({ maxAliasCount: 100 })),
  ]);
}
rmSync(work, { recursive: true, force: true });

const base = median(times.shipped);
const lines = [
  "# Start-up tricks, side by side",
  "",
  `${new Date().toISOString()}, Node ${process.version}, ${rounds} interleaved rounds of a one-shot \`gongwen render\` of the sample (load average at the end: ${(await import("node:os")).loadavg()[0].toFixed(1)}).`,
  "",
  "| launcher | median ms | vs shipped |",
  "| --- | ---: | ---: |",
  ...Object.entries(times).map(([name, values]) => `| ${name} | ${median(values).toFixed(1)} | ${(median(values) / base).toFixed(3)}× |`),
  "",
  `The same on the long document (${Math.ceil(rounds / 3)} rounds): shipped ${median(longTimes.shipped).toFixed(1)} ms, without the interrupt-budget flag ${median(longTimes[longNames[1]]).toFixed(1)} ms (${(median(longTimes.shipped) / median(longTimes[longNames[1]])).toFixed(3)}×).`,
  "",
  `\`render\` of the sample without -q (${rounds} rounds): ${Object.entries(wordCache).map(([name, values]) => `${name} ${median(values).toFixed(1)} ms`).join(", ")}.`,
  "",
  `YAML parse of the sample, in-process, ${parses} parses × 5 rounds: with the process.env stand-in ${median(envPairs.map((p) => p[0])).toFixed(3)} ms, without ${median(envPairs.map((p) => p[1])).toFixed(3)} ms per parse.`,
  "",
];
// The hand-written "## Decisions" section of the previous results stays: it is the record of why.
const resultsFile = join(root, "bench", "startup-tricks.md");
let decisions = "";
try {
  const previous = readFileSync(resultsFile, "utf8");
  const at = previous.indexOf("\n## Decisions");
  if (at !== -1) decisions = previous.slice(at + 1);
} catch {
  // first run
}
writeFileSync(resultsFile, lines.join("\n") + (decisions ? `\n${decisions}` : ""));
console.log(lines.join("\n"));
