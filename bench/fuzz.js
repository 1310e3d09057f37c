#!/usr/bin/env node
/**
 * `node bench/fuzz.js [RUNS] [SEED]` (after `npm run build`): the fuzz properties of
 * test/hardening/fuzz.test.ts run longer, against the built dist/, with a random seed unless given.
 * Reports cases run, the slowest case and the process's peak RSS; exits 1 on an unexpected exception,
 * a case over 10 s, or a peak RSS over 500 MB.
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { dataInputs, docxInputs, unexpectedFailure } from "./lib/fuzz-cases.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = (path) => import(new URL(`../dist/${path}`, import.meta.url).href);
const [{ isGongwenError }, { decodeDataFile, isDiagnostic }, { parseDocumentText }, { renderFile }, { docxToPlainText }, { buildRedline }] = await Promise.all([
  dist("errors.js"),
  dist("load/decode.js"),
  dist("model/validate.js"),
  dist("pipeline.js"),
  dist("review/docx-text.js"),
  dist("review/redline.js"),
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
} catch (error) {
  ok = false;
  console.error(error instanceof Error ? error.message : error);
}
const rssMb = process.resourceUsage().maxRSS / 1024;
console.log(`fuzz: seed ${seed}, ${cases} cases, slowest ${Math.round(slowest)} ms, peak RSS ${Math.round(rssMb)} MB (limit ${RSS_LIMIT_MB} MB)`);
if (!ok || rssMb > RSS_LIMIT_MB) process.exit(1);
