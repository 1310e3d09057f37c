#!/usr/bin/env node
/**
 * `node bench/fuzz.js [RUNS] [SEED]` (after `npm run build`): the fuzz properties of
 * test/hardening/fuzz.test.ts (data files; .docx text and redline; drafts through import and check) run
 * longer, against the built dist/, with a random seed unless given.
 * Reports cases run, the slowest case and the process's peak RSS; exits 1 on an unexpected exception,
 * a case over 10 s, or a peak RSS over 500 MB.
 *
 * The run's old generation is capped at 256 MB (the script starts itself again with the flag). Left to
 * V8's default, sized from this machine's 24 GB, the heap of 9,000 cases grew to ~600 MB before V8 bothered
 * to collect: measured with a collection before each case, the largest single case grows the heap by
 * 16 MB, and the whole run peaks at ~250–300 MB. Under the cap, a case that did need more would end the
 * run out of memory, and the run fails; the peak RSS then measures the inputs, not the collector's pace.
 */
import { spawnSync } from "node:child_process";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dataInputs, docxInputs, draftInputs, unexpectedFailure } from "./lib/fuzz-cases.js";

const HEAP_CAP = "--max-old-space-size=256";
if (!process.execArgv.includes(HEAP_CAP)) {
  const child = spawnSync(process.execPath, [...process.execArgv, HEAP_CAP, fileURLToPath(import.meta.url), ...process.argv.slice(2)], { stdio: "inherit" });
  process.exit(child.status ?? 1);
}

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
const [{ isGongwenError }, { decodeDataFile, isDiagnostic }, { parseDocumentText }, { renderFile }, { docxToPlainText }, { buildRedline }, { readDraft }, { importDraft }, { checkDocx }] = await Promise.all([
  dist("errors.js"),
  dist("load/decode.js"),
  dist("model/validate.js"),
  dist("pipeline.js"),
  dist("review/docx-text.js"),
  dist("review/redline.js"),
  dist("draft/read-draft.js"),
  dist("import/to-data.js"),
  dist("check/check-docx.js"),
]);

const runs = Number(process.argv[2] ?? 2000);
const seed = Number(process.argv[3] ?? Date.now() % 2 ** 31);
const HANG_MS = 10_000;
const RSS_LIMIT_MB = 500;

const sample = readFileSync(`${root}data/qingzhengwu-2022-3.yaml`, "utf8");
const docx = (await renderFile(`${root}data/qingzhengwu-2022-3.yaml`)).bytes;
let slowest = 0;
let cases = 0;
const timed = (read, input) => {
  const started = performance.now();
  const failure = unexpectedFailure(read, input, isGongwenError);
  const ms = performance.now() - started;
  slowest = Math.max(slowest, ms);
  cases++;
  if (failure) throw failure;
  if (ms > HANG_MS) throw new Error(`a case took ${Math.round(ms)} ms (limit ${HANG_MS})`);
};
const readData = (bytes) => {
  const decoded = decodeDataFile(bytes, "fuzz.yaml");
  if (!isDiagnostic(decoded)) parseDocumentText(decoded.text, "fuzz.yaml");
};

let ok = true;
try {
  fc.assert(fc.property(dataInputs(fc, sample), (bytes) => timed(readData, bytes)), { seed, numRuns: runs });
  console.log(`data files: peak RSS so far ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`);
  fc.assert(
    fc.property(docxInputs(fc, docx), (bytes) => {
      timed((input) => docxToPlainText(input, { fileName: "fuzz.docx" }), bytes);
      timed((input) => buildRedline(docx, input, { author: "fuzz" }), bytes);
    }),
    { seed, numRuns: runs },
  );
  // Drafts of 公文 lines in any order and alignment: import, and check from the XML (no LibreOffice).
  await fc.assert(
    fc.asyncProperty(draftInputs(fc, docx), async (bytes) => {
      timed((input) => importDraft(readDraft(input, "fuzz.docx")), bytes);
      const started = performance.now();
      const failure = await checkDocx(bytes, "fuzz.docx", { layout: false }).then(() => undefined, (error) => (isGongwenError(error) ? undefined : error));
      const ms = performance.now() - started;
      slowest = Math.max(slowest, ms);
      cases++;
      if (failure) throw failure;
      if (ms > HANG_MS) throw new Error(`a case took ${Math.round(ms)} ms (limit ${HANG_MS})`);
    }),
    { seed, numRuns: runs },
  );
} catch (error) {
  ok = false;
  console.error(error instanceof Error ? error.message : error);
}
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(`fuzz: seed ${seed}, ${cases} cases, slowest ${Math.round(slowest)} ms, peak RSS ${Math.round(rssMb)} MB (limit ${RSS_LIMIT_MB} MB)`);
if (!ok || rssMb > RSS_LIMIT_MB) process.exit(1);
