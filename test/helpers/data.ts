import { readFileSync } from "node:fs";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { SAMPLE } from "./paths.js";

export const sampleText = () => readFileSync(SAMPLE, "utf8");

/** The sample with some fields changed, as YAML text (comments kept), for tests of bad and varied input. */
export function sampleWith(edits: ReadonlyArray<readonly [ReadonlyArray<string | number>, unknown]>): string {
  const document = parseDocument(sampleText());
  for (const [path, value] of edits) {
    if (value === undefined) document.deleteIn([...path]);
    else document.setIn([...path], value);
  }
  return document.toString({ lineWidth: 0 });
}

export function tempDir(prefix = "gongwen-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function writeTemp(text: string | Uint8Array, name = "data.yaml"): string {
  const file = join(tempDir(), name);
  writeFileSync(file, text);
  return file;
}
