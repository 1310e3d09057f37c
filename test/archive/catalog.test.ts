import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalog } from "../../src/archive/catalog.js";
import { NEEDS_LIBREOFFICE, skipLibreOffice } from "../pdf/requires-libreoffice.js";
import { cloneEntry, copyArchive, runCli, sharedArchive } from "./fixture.js";
import { verifyArchive } from "../../src/archive/verify.js";

/**
 * The 归档文件目录 and the listing of an archive holding 青政务〔2022〕2号, 3号 (the real issue), 4号, 6号 and
 * 青政务函〔2022〕1号, and one 2023 document: 5号 is missing from the 青政务 run.
 */

let root = "";

describe.skipIf(skipLibreOffice)(`archive list and catalog ${NEEDS_LIBREOFFICE}`, () => {
  beforeAll(async () => {
    const shared = await sharedArchive();
    root = await copyArchive(shared.root);
    await cloneEntry(shared.entry, root, { serial: 2, itemNumber: 2 });
    await cloneEntry(shared.entry, root, { serial: 4, itemNumber: 3, edit: () => ({ 题名: "关于做好2022年春节期间公共资源交易工作的通知", 密级: "秘密" }) });
    await cloneEntry(shared.entry, root, { serial: 6, itemNumber: 4 });
    await cloneEntry(shared.entry, root, { code: "青政务函", serial: 1, itemNumber: 5, edit: () => ({ 题名: "关于商请提供评标专家名单的函" }) });
    await cloneEntry(shared.entry, root, { year: 2023, serial: 1, itemNumber: 1, edit: () => ({ 成文日期: "2023-02-01", 题名: "关于2022年度考核情况的通报" }) });
  });
  afterAll(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("the fixture archive itself verifies", async () => {
    expect((await verifyArchive(root)).problems).toEqual([]);
  });

  it("catalog --csv FILE writes the DA/T 22 columns, UTF-8 with BOM, CRLF, in 件号 order with 序号 per year", async () => {
    const file = join(root, "..", `${root.split("/").pop()}-目录.csv`);
    const run = await runCli(["archive", "catalog", "--year", "2022", "--csv", file, "--archive", root]);
    expect(run.status, run.stderr).toBe(0);
    const bytes = await readFile(file);
    await rm(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString("utf8").slice(1);
    expect(text.endsWith("\r\n")).toBe(true);
    expect(text.replace(/\r\n/g, "")).not.toContain("\n");
    const lines = text.split("\r\n");
    expect(lines[0]).toBe("序号,档号,文号,责任者,题名,日期,密级,页数,备注");
    expect(lines[1]).toBe("1,Z109-WS·2022-D30-BGS-0001,青政务〔2022〕3号,青海省政务服务监督管理局,青海省政务服务监督管理局关于2021年度“青海省创建示范公共资源交易中心”考核情况通报,20220127,,8,");
    expect(lines[3]).toBe("3,Z109-WS·2022-D30-BGS-0003,青政务〔2022〕4号,青海省政务服务监督管理局,关于做好2022年春节期间公共资源交易工作的通知,20220127,秘密,8,");
    expect(lines.slice(1, -1).map((line) => line.split(",")[2])).toEqual(["青政务〔2022〕3号", "青政务〔2022〕2号", "青政务〔2022〕4号", "青政务〔2022〕6号", "青政务函〔2022〕1号"]);
    expect(lines).toHaveLength(7);
  });

  it("reports the gap in the serial numbers per 机关代字, as warnings (exit 0)", async () => {
    const { gaps } = await readCatalog(root);
    expect(gaps.map((g) => g.zh)).toEqual(["青政务〔2022〕1号未归档（最早归档的是 青政务〔2022〕2号）", "缺号：青政务〔2022〕5号（4号与6号之间）未归档"]);
    expect(gaps.every((g) => g.severity === "warning")).toBe(true);
    const run = await runCli(["archive", "catalog", "--archive", root]);
    expect(run.status).toBe(0);
    expect(run.stderr).toContain("警告 warning  缺号：青政务〔2022〕5号（4号与6号之间）未归档 / gap: 青政务〔2022〕5号 is not archived (between 4 and 6)  [archive-serial-gap]");
  });

  it("list sorts by year, 机关代字 and serial, and filters by year, number and title words", async () => {
    const all = await runCli(["archive", "list", "--archive", root]);
    expect(all.status).toBe(0);
    const numbers = [...all.stdout.matchAll(/青政务(?:函)?〔\d{4}〕\d+号/g)].map((m) => m[0]);
    expect(numbers).toEqual(["青政务〔2022〕2号", "青政务〔2022〕3号", "青政务〔2022〕4号", "青政务〔2022〕6号", "青政务函〔2022〕1号", "青政务〔2023〕1号"]);
    expect(all.stdout).toContain("共 6 件");

    const byNumber = await runCli(["archive", "list", "--number", "青政务[2022]4号", "--archive", root]);
    expect(byNumber.stdout).toContain("关于做好2022年春节期间公共资源交易工作的通知");
    expect(byNumber.stdout).toContain("共 1 件");
    // A title filter must not make holes in the run: no gap warnings then.
    const byTitle = await runCli(["archive", "list", "--title", "专家 函", "--archive", root]);
    expect(byTitle.stdout).toContain("青政务函〔2022〕1号");
    expect(byTitle.stdout).toContain("共 1 件");
    expect(byTitle.stderr).toBe("");
    const byYear = await runCli(["archive", "list", "--year", "2023", "--archive", root]);
    expect(byYear.stdout).toContain("青政务〔2023〕1号");
    expect(byYear.stdout).toContain("共 1 件");
  });

  it("GONGWEN_ARCHIVE chooses the archive when --archive is not given", async () => {
    const run = await runCli(["archive", "list", "--year", "2023"], { env: { GONGWEN_ARCHIVE: root } });
    expect(run.stdout).toContain("青政务〔2023〕1号");
  });

  it("a missing archive is a clear error (exit 66)", async () => {
    const run = await runCli(["archive", "list", "--archive", join(root, "nowhere")]);
    expect(run.status).toBe(66);
    expect(run.stderr).toContain("档案库不存在");
  });
});
