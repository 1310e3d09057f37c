import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { createPool } from "../../src/batch/pool.js";
import { renderBatch } from "../../src/batch/render-batch.js";
import { gongwen } from "../helpers/cli.js";
import { sampleText, tempDir } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";
import { circularFolder } from "./batch-data.js";

const docxIn = (dir: string) => readdirSync(dir).filter((name) => name.endsWith(".docx")).sort();

describe("gongwen render with many inputs", () => {
  it("renders a folder with worker threads, names files by 发文字号, reports each failure with its file and exits 1", () => {
    const data = circularFolder(12);
    writeFileSync(join(data, "broken.yaml"), "kind: assessment-circular\nenvelope: [\n");
    writeFileSync(join(data, "circular-0003-copy.yaml"), sampleText().replace(/serial: 3\n/, "serial: 3\n# a copy nobody renumbered\n"));
    const out = join(tempDir(), "out");
    const result = gongwen(["render", data, "-o", out]);
    expect(result.status, result.stderr).toBe(1);
    expect(docxIn(out)).toEqual(Array.from({ length: 12 }, (_, i) => `青政务〔2022〕${i + 1}号.docx`).sort());
    for (const name of docxIn(out)) expect(Object.keys(unzipSync(readFileSync(join(out, name))))).toContain("word/document.xml");
    expect(readdirSync(out).filter((name) => !name.endsWith(".docx"))).toEqual([]);
    // Each failure's diagnostics, with the file, then the list of failures.
    expect(result.stderr).toMatch(/broken\.yaml:\d+:\d+ {2}错误 error {2}YAML 语法错误/);
    expect(result.stderr).toMatch(/circular-0003\.yaml {2}错误 error {2}发文字号与 .*circular-0003-copy\.yaml 相同/);
    expect(result.stderr).toContain("失败 / failed (2):");
    expect(result.stdout).toMatch(/已生成 12 篇，失败 2 篇，用时 [\d.]+ 秒（每秒 \d+ 篇，2 个线程|\d+ 个线程）/);
    expect(result.stdout).toMatch(/rendered 12, failed 2 in [\d.]+ s/);
    // Piped, not a terminal: no progress bar.
    expect(result.stderr).not.toContain("\r");
  });

  it("prints each input's warnings, and with -q (errors only) none, while still reporting errors; the files are the same", () => {
    const data = circularFolder(3);
    writeFileSync(join(data, "broken.yaml"), "kind: assessment-circular\nenvelope: [\n");
    const loud = join(tempDir(), "out");
    const quiet = join(tempDir(), "out");
    const shown = gongwen(["render", data, "-o", loud]);
    const hushed = gongwen(["render", data, "-o", quiet, "-q"]);
    expect([shown.status, hushed.status]).toEqual([1, 1]);
    // The sample's title breaks inside 「公共资源交易中心」 as the original does: a warning per input.
    expect(shown.stderr.match(/\[title-word-split\]/g)).toHaveLength(3);
    expect(hushed.stderr).not.toContain("警告 warning");
    expect(hushed.stderr).toMatch(/broken\.yaml:\d+:\d+ {2}错误 error {2}YAML 语法错误/);
    expect(hushed.stdout).toBe("");
    expect(docxIn(quiet)).toEqual(docxIn(loud));
    for (const name of docxIn(loud)) expect(readFileSync(join(quiet, name)).equals(readFileSync(join(loud, name)))).toBe(true);
  });

  it("gives the same file to the same input on every run when two share a 发文字号 (the earlier in sorted order wins)", () => {
    const data = circularFolder(4);
    writeFileSync(join(data, "circular-0002-copy.yaml"), sampleText().replace(/serial: 3\n/, "serial: 2\n").replace("各市州政务服务监管局", "各市州政务服务局"));
    const runs = [0, 1].map(() => {
      const out = join(tempDir(), "out");
      const result = gongwen(["render", data, "-o", out, "-q"]);
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/circular-0002\.yaml {2}错误 error {2}发文字号与 .*circular-0002-copy\.yaml/);
      expect(result.stdout).toBe("");
      return readFileSync(join(out, "青政务〔2022〕2号.docx"));
    });
    expect(Buffer.compare(runs[0] as Buffer, runs[1] as Buffer)).toBe(0);
    // The copy (listed first) owns the name: its changed addressee is in the file.
    expect(unzipSync(runs[0] as Buffer)["word/document.xml"]).toBeDefined();
    expect(Buffer.from(unzipSync(runs[0] as Buffer)["word/document.xml"] ?? []).toString()).toContain("各市州政务服务局");
  });

  it("takes several files with -o as the folder, and reports a missing one without stopping", () => {
    const data = circularFolder(2);
    const out = join(tempDir(), "folder");
    const files = readdirSync(data).map((name) => join(data, name));
    const result = gongwen(["render", ...files, join(data, "missing.yaml"), "-o", out]);
    expect(result.status).toBe(1);
    expect(docxIn(out)).toEqual(["青政务〔2022〕1号.docx", "青政务〔2022〕2号.docx"]);
    expect(result.stderr).toContain("missing.yaml  错误 error  找不到文件或文件夹");
  });

  it("exits 0 with everything written, and 66 when a folder holds no data file", () => {
    const data = circularFolder(3);
    const out = join(tempDir(), "out");
    const ok = gongwen(["render", data, "-o", out]);
    expect(ok.status, ok.stderr).toBe(0);
    // Each copy of the sample warns of its title break (as validate does), and of nothing else.
    expect(ok.stderr.split("\n").filter((line) => line !== "" && !line.includes("[title-word-split]"))).toEqual([]);
    const empty = gongwen(["render", tempDir(), tempDir(), "-o", out]);
    expect(empty.status).toBe(66);
    expect(empty.stderr).toContain("没有可生成的数据文件");
  });

  it("writes into an existing folder named by -o for a single file, as before for a file name", () => {
    const dir = tempDir();
    expect(gongwen(["render", SAMPLE, "-o", dir, "-q"]).status).toBe(0);
    expect(existsSync(join(dir, "青政务〔2022〕3号.docx"))).toBe(true);
  });
});

describe("renderBatch (library)", () => {
  it("renders the same bytes on worker threads alone, on the main thread with a worker, and in-process", async () => {
    const data = circularFolder(6);
    const files = readdirSync(data).sort().map((name) => join(data, name));
    const outs: string[] = [];
    for (const pool of [createPool(2, { mainThread: false }), createPool(2), createPool(0)]) {
      const outDir = join(tempDir(), "out");
      const outcome = await renderBatch(files, { outDir, pool });
      await pool.close();
      expect(outcome.failed).toEqual([]);
      expect(outcome.threads).toBe(pool.mode === "threads" ? pool.size : 0);
      outs.push(outDir);
    }
    expect(createPool(2, { mainThread: false })).toMatchObject({ size: 2, workers: 2, mode: "threads" });
    const [workersOnly, mixed, inProcess] = outs as [string, string, string];
    expect(docxIn(workersOnly)).toHaveLength(6);
    for (const name of docxIn(workersOnly)) {
      const bytes = readFileSync(join(workersOnly, name));
      expect(Buffer.compare(bytes, readFileSync(join(mixed, name))), name).toBe(0);
      expect(Buffer.compare(bytes, readFileSync(join(inProcess, name))), name).toBe(0);
    }
  });

  it("keeps a small record per document, not its bytes, and renders in-process where no worker is built", async () => {
    const data = circularFolder(3);
    const outDir = join(tempDir(), "out");
    const files = readdirSync(data).map((name) => join(data, name));
    const seen: number[] = [];
    const outcome = await renderBatch(files, { outDir, pool: createPool(0), onResult: (_item, counts) => seen.push(counts.done) });
    expect(outcome.failed).toEqual([]);
    expect(outcome.rendered.map((item) => item.target)).toEqual(files.map((_, i) => join(outDir, `青政务〔2022〕${i + 1}号.docx`)));
    expect(seen).toEqual([1, 2, 3]);
    for (const item of outcome.rendered) expect(Object.keys(item)).not.toContain("bytes");
    expect(outcome.threads).toBe(0);
  });
});
