import { spawnSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { convertToPdf, isLibreOfficeAvailable } from "../../dist/pdf/libreoffice.js";
import { median } from "./stats.js";
import { circularFolder, tempDir } from "./data.js";

const BIN = fileURLToPath(new URL("../../bin/gongwen.js", import.meta.url));

/** LibreOffice per document: one soffice start per file, against one start for the whole batch. */
export async function benchPdf({ docs = 20, singleRuns = 3 } = {}) {
  if (!isLibreOfficeAvailable()) return undefined;
  const data = circularFolder(docs);
  const out = join(tempDir(), "docx");
  const rendered = spawnSync(process.execPath, [BIN, "render", data, "-o", out, "-q"]);
  if (rendered.status !== 0) throw new Error(String(rendered.stderr));
  const files = readdirSync(out).map((name) => join(out, name));
  const single = [];
  for (let i = 0; i < singleRuns; i++) {
    const started = performance.now();
    await convertToPdf([files[i]], tempDir());
    single.push(performance.now() - started);
  }
  let started = performance.now();
  await convertToPdf(files, tempDir());
  const batched = (performance.now() - started) / files.length;

  // The whole `render --pdf` of a batch: render, convert in chunks, measure, correct.
  started = performance.now();
  const verified = spawnSync(process.execPath, [BIN, "render", data, "-o", join(tempDir(), "pdf"), "--pdf", "-q"]);
  if (verified.status !== 0) throw new Error(String(verified.stderr));
  const renderPdfPerDoc = (performance.now() - started) / docs;
  return { docs, singleMs: median(single), batchedPerDocMs: batched, renderPdfPerDocMs: renderPdfPerDoc };
}
