import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { sampleText, tempDir } from "../helpers/data.js";

/** `count` circulars made from the sample, serials 1..count (青政务〔2022〕N号), as a clerk's folder. */
export function circularFolder(count: number, dir = join(tempDir("gongwen-batch-"), "data")): string {
  mkdirSync(dir, { recursive: true });
  const text = sampleText();
  for (let serial = 1; serial <= count; serial++) {
    writeFileSync(join(dir, `circular-${String(serial).padStart(4, "0")}.yaml`), text.replace(/serial: 3\n/, `serial: ${serial}\n`));
  }
  return dir;
}
