import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { fontFamilyNames } from "../../src/platform/fonts/sfnt-names.js";
import { tempDir } from "../helpers/data.js";
import { ttc, ttf } from "./fake-fonts.js";

const hasFontconfig = spawnSync("fc-query", ["--version"]).status === 0;

function write(name: string, bytes: Uint8Array | string): string {
  const file = join(tempDir(), name);
  writeFileSync(file, bytes);
  return file;
}

describe("family names from a font's name table", () => {
  it("reads the English and the Chinese family of a face, not its style", () => {
    expect(fontFamilyNames(write("simfang.ttf", ttf({ en: "FangSong_GB2312", zh: "仿宋_GB2312" })))).toEqual(["FangSong_GB2312", "仿宋_GB2312"]);
  });

  it("reads every face of a collection, and typographic families", () => {
    const file = write("simsun.ttc", ttc({ en: "SimSun", zh: "宋体" }, { en: "NSimSun", zh: "新宋体", typographic: "NSimSun Family" }));
    expect(fontFamilyNames(file)).toEqual(["SimSun", "宋体", "NSimSun", "新宋体", "NSimSun Family"]);
  });

  it("names nothing for what is not a font, or a font cut short", () => {
    expect(fontFamilyNames(write("readme.ttf", "not a font at all"))).toEqual([]);
    expect(fontFamilyNames(write("short.ttf", ttf({ en: "FangSong" }).subarray(0, 30)))).toEqual([]);
    expect(fontFamilyNames(join(tempDir(), "absent.ttf"))).toEqual([]);
  });

  // Every font file on this machine, real TrueType, OpenType/CFF and collections (Noto CJK, Fandol, DejaVu…):
  // each family fontconfig's own reader finds, ours finds too.
  it.runIf(hasFontconfig)("agrees with fc-query on every font installed here", () => {
    const list = spawnSync("fc-list", ["--format", "%{file}\n"], { encoding: "utf8" }).stdout;
    const files = [...new Set(list.split("\n").filter(Boolean))];
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const theirs = spawnSync("fc-query", ["--format", "%{family}\n", file], { encoding: "utf8" })
        .stdout.split("\n")
        .flatMap((line) => line.split(/(?<!\\),/u))
        .map((name) => name.replace(/\\(.)/gu, "$1"))
        .filter(Boolean);
      const ours = new Set(fontFamilyNames(file));
      expect(theirs.filter((name) => !ours.has(name)), file).toEqual([]);
    }
  });
});
