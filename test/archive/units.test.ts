import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { catalogCsv, serialGaps, type CatalogRow } from "../../src/archive/catalog.js";
import { formatArchivalCode, formatItemNumber, parseRetention } from "../../src/archive/codes.js";
import { archiveConfig, readArchiveConfig } from "../../src/archive/config.js";
import { formatManifest, parseManifest, sha256 } from "../../src/archive/hash.js";
import { hostTag, lockPath, resolveArchiveRoot } from "../../src/archive/layout.js";
import { withArchiveLock } from "../../src/archive/lock.js";
import { missingRanges } from "../../src/archive/verify.js";
import { readPdfAId } from "../../src/archive/pdfa.js";
import { contentPageCount } from "../../src/archive/render-final.js";
import { isoWithOffset } from "../../src/archive/store.js";
import { GongwenError } from "../../src/errors.js";
import { mkdirTemp } from "./fixture.js";

/** The archive's small rules, without LibreOffice. */

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe("archival codes (DA/T 22)", () => {
  it("builds the 档号 全宗号-WS·年度-保管期限代码-机构代码-件号, 机构代码 optional", () => {
    const config = archiveConfig.parse({ 全宗号: "Z109", 机构代码: "BGS" });
    expect(formatArchivalCode(config, 2022, "定期30年", formatItemNumber(1))).toBe("Z109-WS·2022-D30-BGS-0001");
    expect(formatArchivalCode(archiveConfig.parse({ 全宗号: "Z109" }), 2011, "永久", formatItemNumber(12))).toBe("Z109-WS·2011-Y-0012");
    expect(formatArchivalCode(archiveConfig.parse({}), 2022, "定期10年", "0001")).toBeUndefined();
  });

  it("reads 保管期限 by name or code and refuses the retired 长期/短期", () => {
    expect(parseRetention("永久")).toBe("永久");
    expect(parseRetention("d30")).toBe("定期30年");
    expect(parseRetention("定期 10 年")).toBe("定期10年");
    const error = (() => {
      try {
        parseRetention("长期");
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(GongwenError);
    expect((error as GongwenError).exitCode).toBe(64);
  });

  it("refuses an archive.json with an unknown key or a bad 全宗号", async () => {
    const root = await mkdirTemp("gongwen-archive-config-");
    dirs.push(root);
    await writeFile(join(root, "archive.json"), JSON.stringify({ 全宗号: "Z 109", 机构: "BGS" }));
    const error = await readArchiveConfig(root).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GongwenError);
    expect((error as GongwenError).diagnostics.map((d) => d.rule)).toEqual(["archive-config", "archive-config"]);
  });
});

describe("页数 and the PDF/A declaration", () => {
  it("counts pages with content: the blank page before the 版记 is not one", () => {
    expect(contentPageCount(8, "next-page")).toBe(8);
    expect(contentPageCount(4, "same-page")).toBe(4);
    expect(contentPageCount(6, "blank-then-page")).toBe(5);
  });

  it("reads pdfaid from XMP in element and attribute form", () => {
    expect(readPdfAId("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>B</pdfaid:conformance>")).toEqual({ part: "2", conformance: "B" });
    expect(readPdfAId('<rdf:Description pdfaid:part="1" pdfaid:conformance="A"/>')).toEqual({ part: "1", conformance: "A" });
    expect(readPdfAId("")).toEqual({ part: undefined, conformance: undefined });
  });
});

describe("manifest.sha256", () => {
  it("is sha256sum's format, sorted, and reads back", () => {
    const text = formatManifest([
      { name: "青政务〔2022〕3号.pdf", sha256: sha256("b") },
      { name: "metadata.json", sha256: sha256("a") },
    ]);
    expect(text).toBe(`${sha256("a")}  metadata.json\n${sha256("b")}  青政务〔2022〕3号.pdf\n`);
    expect(parseManifest(`${text}garbage\n`)).toEqual({
      lines: [
        { name: "metadata.json", sha256: sha256("a") },
        { name: "青政务〔2022〕3号.pdf", sha256: sha256("b") },
      ],
      bad: ["garbage"],
    });
  });
});

const row = (serial: number, code = "青政务", year = 2022, extra: Partial<CatalogRow> = {}): CatalogRow => ({
  year,
  件号: formatItemNumber(serial),
  发文字号: `${code}〔${year}〕${serial}号`,
  机关代字: code,
  顺序号: serial,
  责任者: ["青海省政务服务监督管理局"],
  题名: "题名",
  成文日期: `${year}-01-27`,
  页数: 2,
  保管期限: "定期30年",
  version: 1,
  备注: "",
  dir: "",
  ...extra,
});

describe("catalogue", () => {
  it("quotes fields with commas and quotes (RFC 4180) and joins 联合行文 责任者 with 、", () => {
    const csv = catalogCsv([row(1, "青政务", 2022, { 责任者: ["甲局", "乙厅"], 题名: '关于"示范",评比的通知', 备注: "第2版，替换第1版：原因" })]);
    expect(csv.split("\r\n")[1]).toBe('1,,青政务〔2022〕1号,甲局、乙厅,"关于""示范"",评比的通知",20220127,,2,第2版，替换第1版：原因');
  });

  it("reports the serials missing between two archived ones as one warning per gap, per 机关代字 and year", () => {
    const gaps = serialGaps([row(1), row(2), row(5), row(1, "青政务函"), row(3, "青政务函"), row(2, "青政务", 2023)]);
    expect(gaps.map((g) => g.zh)).toEqual([
      "缺号：青政务〔2022〕3号至4号，共 2 个，未归档（2号与5号之间）",
      "缺号：青政务函〔2022〕2号（1号与3号之间）未归档",
      "青政务〔2023〕1号未归档（最早归档的是 青政务〔2023〕2号）",
    ]);
  });

  it("a huge valid serial (〔2022〕20220003号) is one range, in time and memory that follow the entries, not the number", () => {
    const before = process.memoryUsage().heapUsed;
    const gaps = serialGaps([row(1), row(2), row(20220003), row(999_999_999, "青政务函")]);
    expect(gaps.map((g) => g.zh)).toEqual([
      "缺号：青政务〔2022〕3号至20220002号，共 20220000 个，未归档（2号与20220003号之间）",
      "青政务函〔2022〕1号至999999998号未归档（最早归档的是 青政务函〔2022〕999999999号）",
    ]);
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(50 * 1024 * 1024);
  });

  it("missing 件号 are ranges too", () => {
    expect(missingRanges([1, 2, 5, 9, 10, 999_999])).toEqual([
      [3, 4],
      [6, 8],
      [11, 999_998],
    ]);
    expect(missingRanges([])).toEqual([]);
  });
});

describe("the archive lock", () => {
  it("lets one writer in at a time", async () => {
    const root = await mkdirTemp("gongwen-archive-lock-");
    dirs.push(root);
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withArchiveLock(root, async () => {
          inside++;
          most = Math.max(most, inside);
          await new Promise((r) => setTimeout(r, 5));
          inside--;
        }),
      ),
    );
    expect(most).toBe(1);
    expect(existsSync(lockPath(root))).toBe(false);
  });

  it("breaks a lock whose owner process is dead", async () => {
    const root = await mkdirTemp("gongwen-archive-lock-");
    dirs.push(root);
    await mkdir(join(root, ".gongwen"), { recursive: true });
    const dead = spawnSync(process.execPath, ["-e", ""]).pid ?? 0;
    await writeFile(lockPath(root), JSON.stringify({ host: hostTag(), pid: dead, nonce: "dead", since: new Date().toISOString() }));
    expect(await withArchiveLock(root, async () => "in", { timeoutMs: 2000 })).toBe("in");
  });

  it("waits for a live owner and then gives up with a clear message (exit 75)", async () => {
    const root = await mkdirTemp("gongwen-archive-lock-");
    dirs.push(root);
    await mkdir(join(root, ".gongwen"), { recursive: true });
    await writeFile(lockPath(root), JSON.stringify({ host: hostTag(), pid: process.pid, nonce: "live", since: new Date().toISOString() }));
    const error = await withArchiveLock(root, async () => "in", { timeoutMs: 300 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GongwenError);
    expect((error as GongwenError).exitCode).toBe(75);
    expect((error as GongwenError).diagnostics[0]?.zh).toContain("档案库正被另一进程写入");
  });
});

describe("where the archive is", () => {
  it("defaults to output/archive under the current folder; an empty GONGWEN_ARCHIVE counts as unset", () => {
    const saved = process.env.GONGWEN_ARCHIVE;
    try {
      process.env.GONGWEN_ARCHIVE = "";
      expect(resolveArchiveRoot(undefined, "/work/x")).toBe("/work/x/output/archive");
      process.env.GONGWEN_ARCHIVE = "/srv/archive";
      expect(resolveArchiveRoot(undefined, "/work/x")).toBe("/srv/archive");
      expect(resolveArchiveRoot("here", "/work/x")).toBe("/work/x/here");
    } finally {
      if (saved === undefined) delete process.env.GONGWEN_ARCHIVE;
      else process.env.GONGWEN_ARCHIVE = saved;
    }
  });

  it("records the issue time with the local offset", () => {
    expect(isoWithOffset(new Date("2022-01-29T01:02:03.004Z"))).toMatch(/^2022-01-\d\dT\d\d:02:03\.004[+-]\d\d:\d\d$/);
  });
});

describe("the register and the archive's own small files, read without trusting them", () => {
  it("a torn last line, a swapped line order and a bad opening are named with their line", async () => {
    const { appendRegister, parseRegister, readRegister } = await import("../../src/archive/register.js");
    const root = await mkdirTemp("gongwen-register-unit-");
    dirs.push(root);
    const line = (n: number) => ({ year: "2022", folder: `青政务〔2022〕${n}号`, docNumber: `青政务〔2022〕${n}号`, version: 1, itemNumber: formatItemNumber(n), metadataSha256: sha256(`m${n}`), manifestSha256: sha256(`f${n}`) });
    await appendRegister(root, undefined, [line(1), line(2)], { event: "issue", at: "2022-01-27T09:00:00.000+08:00" });
    const register = await readRegister(root);
    expect(register?.problems).toEqual([]);
    expect(register?.versions.map((v) => v.seq)).toEqual([1, 2]);
    const text = register?.text ?? "";
    expect(parseRegister("r", text.slice(0, -10)).problems.map((p) => [p.line, p.zh])).toEqual([[3, "登记簿此行不是有效的 JSON"], [3, "登记簿末行不完整（缺少换行）"]].reverse());
    const [a, b, c] = text.trimEnd().split("\n");
    expect(parseRegister("r", `${[a, c, b].join("\n")}\n`).problems.map((p) => p.line)).toEqual([2, 2, 3, 3]);
    expect(parseRegister("r", "").problems.map((p) => p.zh)).toEqual(["登记簿是空的"]);
  });

  it("a register or metadata.json swapped for a link, a FIFO or a huge (sparse) file is refused without reading it", async () => {
    const { readRegister, MAX_REGISTER_BYTES } = await import("../../src/archive/register.js");
    const { readSmallFile } = await import("../../src/archive/small-file.js");
    const { truncate, symlink } = await import("node:fs/promises");
    const root = await mkdirTemp("gongwen-register-unit-");
    dirs.push(root);
    await writeFile(join(root, "big"), "");
    await truncate(join(root, "big"), MAX_REGISTER_BYTES + 1);
    await symlink(join(root, "big"), join(root, "register.jsonl"));
    expect((await readRegister(root))?.problems.map((p) => p.zh)).toEqual(["登记簿不是普通文件（可能是符号链接或文件夹）"]);
    await rm(join(root, "register.jsonl"));
    await truncate(join(root, "big"), 0);
    await truncate(join(root, "big"), MAX_REGISTER_BYTES + 1);
    const { rename } = await import("node:fs/promises");
    await rename(join(root, "big"), join(root, "register.jsonl"));
    expect((await readRegister(root))?.problems[0]?.zh).toContain("登记簿过大");

    await writeFile(join(root, "m.json"), "");
    await truncate(join(root, "m.json"), 10 * 1024 * 1024 * 1024);
    expect(await readSmallFile(join(root, "m.json"), 1024)).toEqual({ kind: "too-large", limit: 1024 });
    await symlink("/dev/zero", join(root, "zero.json"));
    expect((await readSmallFile(join(root, "zero.json"), 1024)).kind).toBe("symlink");
    expect(spawnSync("mkfifo", [join(root, "fifo.json")]).status).toBe(0);
    expect((await readSmallFile(join(root, "fifo.json"), 1024)).kind).toBe("not-a-file");
  });
});
