import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { breakTitle, validateTitleLines } from "../../src/layout/title-breaks.js";
import { segmentedWordStarts, useWordBoundaryStore, validWordStarts, wordStarts } from "../../src/layout/word-boundaries.js";
import { fileWordBoundaryStore, MAX_ENTRIES, MAX_TEXT_LENGTH } from "../../src/platform/word-boundary-cache.js";
import { gongwen } from "../helpers/cli.js";
import { tempDir } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";

const TITLES = [
  "青海省政务服务监督管理局关于2021年度“青海省创建示范公共资源交易中心”考核情况通报",
  "关于进一步加强全省政务服务窗口作风建设的通知",
  "国务院办公厅关于印发全国一体化政务服务平台移动端建设指南的通知",
];

afterEach(() => useWordBoundaryStore(undefined));

describe("word boundaries kept between runs", () => {
  it("reads back ICU's own answers, and the titles break the same with and without them", () => {
    const file = join(tempDir(), "word-boundaries.json");
    const first = fileWordBoundaryStore(file);
    useWordBoundaryStore(first);
    const fresh = TITLES.map((title) => breakTitle(title));
    first.flush();

    const second = fileWordBoundaryStore(file);
    for (const title of TITLES) expect(second.get(title)).toEqual(segmentedWordStarts(title));
    useWordBoundaryStore(second);
    expect(TITLES.map((title) => breakTitle(title))).toEqual(fresh);
    expect(validateTitleLines(["青海省政务服务监督管理局关于2021年度“青海省创建示范公", "共资源交易中心”考核情况通报"])).toEqual(
      (useWordBoundaryStore(undefined), validateTitleLines(["青海省政务服务监督管理局关于2021年度“青海省创建示范公", "共资源交易中心”考核情况通报"])),
    );
  });

  it("asks the store before ICU and gives ICU's answer to it", () => {
    const asked: string[] = [];
    const given = new Map<string, readonly number[]>();
    useWordBoundaryStore({ get: (text) => (asked.push(text), undefined), set: (text, starts) => given.set(text, starts) });
    expect(wordStarts("政务服务")).toEqual(segmentedWordStarts("政务服务"));
    expect(asked).toEqual(["政务服务"]);
    expect(given.get("政务服务")).toEqual(segmentedWordStarts("政务服务"));
  });

  it("ignores a damaged file, another ICU's file and entries that are not word starts", () => {
    const dir = tempDir();
    const file = join(dir, "word-boundaries.json");
    const title = TITLES[1] as string;
    for (const text of ["{not json", "[]", JSON.stringify({ format: 2, icu: "x", entries: [] })]) {
      writeFileSync(file, text);
      expect(fileWordBoundaryStore(file).get(title)).toBeUndefined();
    }
    const icu = `icu ${process.versions.icu} unicode ${process.versions.unicode}`;
    writeFileSync(file, JSON.stringify({ format: 1, icu: "icu 1.0 unicode 1.0", entries: [[title, [0, 2]]] }));
    expect(fileWordBoundaryStore(file).get(title)).toBeUndefined();
    const bad = [[1, 2], [0, 2, 2], [0, 99], [0, 1.5], "0,2", [0, -1], [0, "2"]];
    writeFileSync(file, JSON.stringify({ format: 1, icu, entries: [...bad.map((starts) => [title, starts]), ["", []], [title.slice(0, 4), [0, 2]], ["x".repeat(MAX_TEXT_LENGTH + 1), [0]], 7, [9, [0]]] }));
    const store = fileWordBoundaryStore(file);
    expect(store.get(title)).toBeUndefined();
    expect(store.get(title.slice(0, 4))).toEqual([0, 2]);
    expect(store.get("")).toEqual([]);
    // A file far larger than any cache this writes is not read at all.
    writeFileSync(file, JSON.stringify({ format: 1, icu, entries: [[title.slice(0, 4), [0, 2]]], padding: "x".repeat(2 << 20) }));
    expect(fileWordBoundaryStore(file).get(title.slice(0, 4))).toBeUndefined();
  });

  it("keeps the most recently used titles, at most MAX_ENTRIES, and no long texts", () => {
    const file = join(tempDir(), "word-boundaries.json");
    const store = fileWordBoundaryStore(file);
    for (let i = 0; i < MAX_ENTRIES + 20; i++) store.set(`第${i}号文件`, [0, 1]);
    store.get("第5号文件"); // dropped already: the first twenty went
    store.get("第20号文件"); // now the most recent
    store.set("另一个", [0]);
    store.set("长".repeat(MAX_TEXT_LENGTH + 1), [0]);
    store.flush();
    const saved = JSON.parse(readFileSync(file, "utf8")) as { entries: [string, number[]][] };
    const names = saved.entries.map(([text]) => text);
    expect(names).toHaveLength(MAX_ENTRIES);
    expect(names).not.toContain("第5号文件");
    expect(names).not.toContain("第21号文件");
    expect(names.slice(-2)).toEqual(["第20号文件", "另一个"]);
    expect(names.some((name) => name.length > MAX_TEXT_LENGTH)).toBe(false);
  });

  it("validates word starts as the store's answers must be", () => {
    expect(validWordStarts("政务服务", [0, 2])).toBe(true);
    expect(validWordStarts("", [])).toBe(true);
    expect(validWordStarts("政务", [])).toBe(false);
    expect(validWordStarts("政务", [0, 2])).toBe(false);
  });
});

describe("the CLI with the cache", () => {
  it("renders the same bytes and warnings from a cold and a warm cache, and without a usable cache folder", () => {
    const cache = tempDir();
    const out = tempDir();
    const run = (name: string, env: NodeJS.ProcessEnv) => {
      const result = gongwen(["render", SAMPLE, "-o", join(out, name)], { env });
      expect(result.status, result.stderr).toBe(0);
      return { bytes: readFileSync(join(out, name)), warnings: result.stderr.split("\n").filter((line) => line.includes("[title-")) };
    };
    const cold = run("cold.docx", { XDG_CACHE_HOME: cache });
    const saved = JSON.parse(readFileSync(join(cache, "gongwen", "word-boundaries.json"), "utf8")) as { entries: [string, number[]][] };
    expect(saved.entries.map(([text]) => text)).toEqual([TITLES[0]]);
    const warm = run("warm.docx", { XDG_CACHE_HOME: cache });
    expect(cold.warnings).toHaveLength(1);
    expect(warm).toEqual(cold);
    // A file where the cache folder should be: nothing is kept, the render is the same.
    const blocked = join(tempDir(), "not-a-folder");
    writeFileSync(blocked, "");
    expect(run("blocked.docx", { XDG_CACHE_HOME: blocked })).toEqual(cold);
    expect(run("off.docx", { XDG_CACHE_HOME: cache, GONGWEN_NO_WORD_CACHE: "1" })).toEqual(cold);
  });
});
