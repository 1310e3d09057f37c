import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { SAMPLE_DATA_FILE } from "../../dist/pipeline.js";

export const sampleText = () => readFileSync(SAMPLE_DATA_FILE, "utf8");

/** Folders made by this run: removed when it ends, or every benchmark run left up to 20 MB in the temp folder. */
const made = [];
process.once("exit", () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = "gongwen-bench-") {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** `count` circulars from the sample with serials 1..count, as a bureau's folder of data files. */
export function circularFolder(count) {
  const dir = join(tempDir(), "data");
  mkdirSync(dir);
  const text = sampleText();
  for (let serial = 1; serial <= count; serial++) {
    writeFileSync(join(dir, `circular-${String(serial).padStart(5, "0")}.yaml`), text.replace(/serial: 3\n/, `serial: ${serial}\n`));
  }
  return dir;
}
