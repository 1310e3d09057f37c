import { chmod, cp, mkdir, readFile, rename, rm, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCatalog } from "../../src/archive/catalog.js";
import { formatManifest, sha256 } from "../../src/archive/hash.js";
import { formatMetadata } from "../../src/archive/metadata.js";
import { readRegister } from "../../src/archive/register.js";
import { issue } from "../../src/archive/store.js";
import { verifyArchive } from "../../src/archive/verify.js";
import { GongwenError } from "../../src/errors.js";
import { sampleWith } from "../helpers/data.js";
import { NEEDS_LIBREOFFICE, skipLibreOffice } from "../pdf/requires-libreoffice.js";
import { cloneEntry, copyArchive, mkdirTemp, readMetadata, runCli, SAMPLE_NUMBER, sharedArchive, writeConfig, writeData } from "./fixture.js";

/**
 * The register: what must exist. Every way of making the archive hold less than it should, or something
 * other than it was registered with, is named by verify; an archive made before registers keeps working
 * and can adopt one.
 */

const roots: string[] = [];
let source = "";
let sourceRoot = "";
/** The shared archive plus 4号 and a real reissue of 3号 (v2), all registered. */
let withReissue = "";

async function archiveOf(base = sourceRoot): Promise<string> {
  const root = await copyArchive(base);
  roots.push(root);
  return root;
}

const entry = (root: string, number = SAMPLE_NUMBER) => join(root, "2022", number);

async function rejection(promise: Promise<unknown>): Promise<GongwenError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(GongwenError);
  return error as GongwenError;
}

describe.skipIf(skipLibreOffice)(`the register ${NEEDS_LIBREOFFICE}`, () => {
  beforeAll(async () => {
    const shared = await sharedArchive();
    sourceRoot = shared.root;
    source = shared.entry;
    withReissue = await archiveOf();
    await cloneEntry(source, withReissue, { serial: 4, itemNumber: 2 });
    const changed = await writeData(withReissue, sampleWith([[["envelope", "colophon", "copyTo"], ["省政府办公厅", "省财政厅"]]]), "changed.yaml");
    await issue(changed, { root: withReissue, reissue: true, reason: "抄送机关有误" });
    roots.push(`${withReissue}-data`);
  }, 180_000);
  afterAll(async () => {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  it("issue writes a hash-chained line per version; metadata.json names its line; verify prints the head", async () => {
    const register = await readRegister(withReissue);
    expect(register?.problems).toEqual([]);
    expect(register?.opening?.event).toBe("create");
    expect(register?.versions.map((v) => [v.docNumber, v.version, v.itemNumber, v.event])).toEqual([
      [SAMPLE_NUMBER, 1, "0001", "issue"],
      ["青政务〔2022〕4号", 1, "0002", "issue"],
      [SAMPLE_NUMBER, 2, "0001", "issue"],
    ]);
    const v2 = await readMetadata(join(entry(withReissue), "v2"));
    expect(v2.registerSeq).toBe(3);
    expect(register?.versions[2]?.metadataSha256).toBe(sha256(await readFile(join(entry(withReissue), "v2", "metadata.json"))));
    const run = await runCli(["archive", "verify", "--archive", withReissue]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toContain("全部完好 / all intact: 2 件 3 个版本");
    expect(run.stdout).toContain(`末行哈希 / head ${register?.head}`);
  });

  it("a deleted entry, a deleted v2/ and a deleted year are each named (exit 6)", async () => {
    const one = await archiveOf(withReissue);
    await rm(entry(one, "青政务〔2022〕4号"), { recursive: true, force: true });
    expect((await verifyArchive(one)).problems.map((p) => p.zh)).toEqual(["登记在册的 青政务〔2022〕4号（件号 0002）不在档案库中：整件被删除或移走"]);
    // Asked about that one number, verify names the loss too (not "no such entry").
    const scoped = await runCli(["archive", "verify", "青政务〔2022〕4号", "--archive", one]);
    expect(scoped.status).toBe(6);
    expect(scoped.stderr).toContain("整件被删除或移走");

    const version = await archiveOf(withReissue);
    await rm(join(entry(version), "v2"), { recursive: true, force: true });
    const report = await verifyArchive(version);
    expect(report.problems.map((p) => p.rule)).toEqual(["archive-missing"]);
    expect(report.problems[0]?.zh).toContain("登记在册的第 2 版不在档案库中");
    expect(report.problems[0]?.zh).toContain("不是现行版本");
    const run = await runCli(["archive", "verify", "--archive", version]);
    expect(run.status).toBe(6);
    expect(run.stdout).not.toContain("全部完好");

    const year = await archiveOf(withReissue);
    await rm(join(year, "2022"), { recursive: true, force: true });
    expect((await verifyArchive(year)).problems.map((p) => p.zh)).toEqual([`整个 2022 年度文件夹缺失：登记在册的 2 件（${SAMPLE_NUMBER}、青政务〔2022〕4号）都不在了`]);
  });

  it("a deleted v2/ does not make version 1 current: list and catalog say so (exit 6), issue refuses to build on it", async () => {
    const root = await archiveOf(withReissue);
    await rm(join(entry(root), "v2"), { recursive: true, force: true });
    const list = await runCli(["archive", "list", "--archive", root]);
    expect(list.status).toBe(6);
    expect(list.stderr).toContain("登记在册的现行版本是第 2 版，但它不在档案库中");
    const catalog = await runCli(["archive", "catalog", "--archive", root]);
    expect(catalog.status).toBe(6);
    const changed = await writeData(root, sampleWith([[["envelope", "colophon", "copyTo"], ["省财政厅"]]]), "again.yaml");
    const error = await rejection(issue(changed, { root, reissue: true, reason: "再改" }));
    expect(error.exitCode).toBe(6);
    expect(error.diagnostics[0]?.zh).toContain("登记在册的版本（v1、v2）与档案库中的（v1）不符");
    roots.push(`${root}-data`);
  });

  it("an entry rewritten consistently (data, metadata.json and manifest agreeing) no longer matches the register", async () => {
    const root = await archiveOf();
    const dir = entry(root);
    const data = join(dir, `${SAMPLE_NUMBER}.yaml`);
    const metadata = await readMetadata(dir);
    const bytes = Buffer.concat([await readFile(data), Buffer.from("# 改过\n")]);
    const files = metadata.files.map((f) => (f.role === "data" ? { ...f, sha256: sha256(bytes), bytes: bytes.length } : f));
    const text = formatMetadata({ ...metadata, files });
    for (const name of [`${SAMPLE_NUMBER}.yaml`, "metadata.json", "manifest.sha256"]) await chmod(join(dir, name), 0o644);
    await writeFile(data, bytes);
    await writeFile(join(dir, "metadata.json"), text);
    await writeFile(join(dir, "manifest.sha256"), formatManifest([...files, { name: "metadata.json", sha256: sha256(text) }]));
    const report = await verifyArchive(root);
    expect(report.problems.map((p) => p.rule)).toEqual(["archive-register-mismatch"]);
    expect(report.problems[0]?.zh).toContain("此件在登记后被改写");
  });

  it("an entry put in behind the register's back is unregistered", async () => {
    const root = await archiveOf();
    await cloneEntry(source, root, { serial: 9, itemNumber: 2, register: false });
    expect((await verifyArchive(root)).problems.map((p) => [p.rule, p.zh])).toEqual([["archive-unregistered", "未登记的条目：登记簿中没有 青政务〔2022〕9号（登记簿之外放入的）"]]);
  });

  it("an edited, removed or rewritten register is caught: the hash chain, and --head for a whole forged chain", async () => {
    const root = await archiveOf(withReissue);
    const file = join(root, "register.jsonl");
    const text = await readFile(file, "utf8");
    const head = (await readRegister(root))?.head ?? "";
    const lines = text.trimEnd().split("\n");
    await chmod(file, 0o644);
    // The 件号 of line 2 changed in place: the line after it no longer chains.
    await writeFile(file, `${[lines[0], lines[1], lines[2]?.replace('"0002"', '"0003"'), lines[3]].join("\n")}\n`);
    const edited = await verifyArchive(root);
    expect(edited.problems.map((p) => [p.rule, p.line])).toEqual([["archive-register", 4]]);
    expect(edited.problems[0]?.zh).toContain("哈希链断开");

    // A line removed: the seq and the chain break at the next line.
    await writeFile(file, `${[lines[0], lines[1], lines[3]].join("\n")}\n`);
    expect((await verifyArchive(root)).problems.some((p) => p.rule === "archive-register" && p.zh.includes("序号应为 2"))).toBe(true);

    // A whole new, self-consistent register without 4号 (and 4号 deleted): only the noted head can tell.
    await rm(entry(root, "青政务〔2022〕4号"), { recursive: true, force: true });
    const { parseRegister, formatRegisterLine, GENESIS } = await import("../../src/archive/register.js");
    const kept = parseRegister(file, `${[lines[0], lines[1], lines[3]].join("\n")}\n`);
    let prev = GENESIS;
    const forged = [kept.opening, ...kept.versions].map((line, seq) => {
      const raw = formatRegisterLine({ ...line!, seq, prev } as never);
      prev = sha256(raw);
      return raw;
    });
    await writeFile(file, `${forged.join("\n")}\n`);
    expect((await verifyArchive(root)).problems).toEqual([]);
    const run = await runCli(["archive", "verify", "--head", head, "--archive", root]);
    expect(run.status).toBe(6);
    expect(run.stderr).toContain("登记簿在记下该值之后被改写");

    await writeFile(file, `${[lines[0], lines[1], lines[3]].join("\n")}\n`);
    const five = await writeData(root, sampleWith([[["envelope", "docNumber", "serial"], 5]]), "five.yaml");
    roots.push(`${root}-data`);
    // Nothing is added to an archive whose record of itself is broken (refused before any rendering).
    const refused = await rejection(issue(five, { root }));
    expect([refused.exitCode, refused.diagnostics[0]?.rule]).toEqual([6, "archive-register"]);

    await rm(file);
    expect((await verifyArchive(root)).problems.map((p) => p.rule)).toEqual(["archive-register-missing"]);
    // Nor to one whose register was deleted: its entries say they were registered.
    const missing = await rejection(issue(five, { root }));
    expect(missing.diagnostics[0]?.zh).toContain("登记簿缺失");
  });

  it("an empty folder, a file, or the wrong folder given as the archive is never 「全部完好」", async () => {
    const empty = await mkdirTemp("gongwen-archive-empty-");
    roots.push(empty);
    const run = await runCli(["archive", "verify", "--archive", empty]);
    expect(run.status).toBe(6);
    expect(run.stderr).toContain("这里没有档案");
    expect(run.stdout).not.toContain("全部完好");

    const file = join(empty, "not-an-archive.txt");
    await writeFile(file, "x");
    const onFile = await runCli(["archive", "verify", "--archive", file]);
    expect(onFile.status).toBe(66);
    expect(onFile.stderr).toContain("不是档案库：这是一个文件");
    expect(onFile.stderr).not.toMatch(/\n\s+at /);

    // A year folder given as the root: its entries are strays and there is no archive.
    const wrong = await runCli(["archive", "verify", "--archive", join(withReissue, "2022")]);
    expect(wrong.status).toBe(6);
    expect(wrong.stdout).not.toContain("全部完好");
  });

  it("metadata.json edited to a huge 件号 is reported as tampering, quickly and in bounded memory", async () => {
    const root = await archiveOf();
    const dir = entry(root);
    const file = join(dir, "metadata.json");
    const text = await readFile(file, "utf8");
    await chmod(file, 0o644);
    await writeFile(file, text.replace('"件号": "0001"', '"件号": "99999999999999"'));
    const report = await verifyArchive(root);
    expect(report.problems.map((p) => p.rule)).toEqual(expect.arrayContaining(["archive-metadata", "archive-tampered"]));
    // With the manifest rewritten to match, the schema's limit and the register still catch it.
    const { sha256File } = await import("../../src/archive/hash.js");
    const manifest = await readFile(join(dir, "manifest.sha256"), "utf8");
    await chmod(join(dir, "manifest.sha256"), 0o644);
    await writeFile(join(dir, "manifest.sha256"), manifest.replace(/^[0-9a-f]{64}(?=  metadata\.json$)/m, await sha256File(file)));
    const again = await verifyArchive(root);
    expect(again.problems.map((p) => p.rule)).toEqual(expect.arrayContaining(["archive-metadata"]));
    expect(again.problems.find((p) => p.rule === "archive-metadata")?.zh).toContain("件号");
  });

  it("list and catalog with a valid huge serial (〔2022〕20220003号): one range warning, promptly", async () => {
    const root = await archiveOf();
    await cloneEntry(source, root, { serial: 20220003, itemNumber: 2 });
    expect((await verifyArchive(root)).problems).toEqual([]);
    const list = await runCli(["archive", "list", "--archive", root]);
    expect(list.status, list.stderr).toBe(0);
    expect(list.stdout).toContain("青政务〔2022〕20220003号");
    expect(list.stderr).toContain("缺号：青政务〔2022〕4号至20220002号，共 20219999 个，未归档（3号与20220003号之间）");
    const catalog = await runCli(["archive", "catalog", "--csv", "--archive", root]);
    expect(catalog.status).toBe(0);
    expect(catalog.stderr.split("\n").filter((l) => l.includes("archive-serial-gap"))).toHaveLength(2);
    const { gaps } = await readCatalog(root);
    expect(gaps).toHaveLength(2);
  });

  it("manifest variants that sha256sum -c accepts, symbolic links and hidden folders are all reported", async () => {
    const variants: Array<[string, (text: string) => string]> = [
      ["CRLF", (t) => t.replace(/\n/g, "\r\n")],
      ["binary marks", (t) => t.replace(/  /g, " *")],
      ["a repeated line", (t) => t + t.split("\n")[0] + "\n"],
      ["no final line end", (t) => t.slice(0, -1)],
    ];
    for (const [what, change] of variants) {
      const root = await archiveOf();
      const file = join(entry(root), "manifest.sha256");
      const text = await readFile(file, "utf8");
      await chmod(file, 0o644);
      await writeFile(file, change(text));
      const problems = (await verifyArchive(root)).problems;
      expect(problems.length, what).toBeGreaterThan(0);
      expect(problems.every((p) => p.rule === "archive-tampered" || p.rule === "archive-register-mismatch"), what).toBe(true);
    }

    const linked = await archiveOf();
    const pdf = join(entry(linked), `${SAMPLE_NUMBER}.pdf`);
    const elsewhere = join(`${linked}-elsewhere.pdf`);
    await rename(pdf, elsewhere);
    roots.push(elsewhere);
    await symlink(elsewhere, pdf);
    expect((await verifyArchive(linked)).problems.map((p) => p.rule)).toEqual(["archive-symlink"]);

    const hidden = await archiveOf();
    await mkdir(join(entry(hidden), ".hidden"));
    await writeFile(join(entry(hidden), ".hidden", "x.pdf"), "x");
    await cp(entry(hidden), join(hidden, "2022", ".青政务〔2022〕8号"), { recursive: true });
    const found = (await verifyArchive(hidden)).problems.map((p) => p.zh);
    expect(found).toContain("多出的隐藏的文件夹：.hidden");
    expect(found).toContain("年度文件夹中多出的隐藏文件夹（不是档案条目）");
  });

  it("--year is four digits: `archive list --year ../..` is a usage error (exit 64) and reads nothing outside", async () => {
    for (const command of ["list", "catalog"]) {
      const run = await runCli(["archive", command, "--year", "../..", "--archive", withReissue]);
      expect(run.status, command).toBe(64);
      expect(run.stderr).toContain("年度“../..”无效，应为四位数字");
      expect(run.stdout).toBe("");
    }
  });

  it("an archive made before registers keeps working: verify says what it cannot check; adopt registers it after verifying", async () => {
    const legacy = await mkdirTemp("gongwen-archive-legacy-");
    roots.push(legacy);
    await writeConfig(legacy);
    await cloneEntry(source, legacy, { serial: 3, itemNumber: 1 });
    await cloneEntry(source, legacy, { serial: 4, itemNumber: 2 });
    expect(await readRegister(legacy)).toBeUndefined();
    const before = await runCli(["archive", "verify", "--archive", legacy]);
    expect(before.status, before.stderr).toBe(0);
    expect(before.stderr).toContain("此档案库建于登记簿之前");
    expect(before.stderr).toContain("gongwen archive adopt");
    expect(before.stdout).not.toContain("全部完好");

    // A damaged archive is not adopted.
    const damaged = await copyArchive(legacy);
    roots.push(damaged);
    await writeFile(join(damaged, "2022", "stray.txt"), "x");
    const refused = await runCli(["archive", "adopt", "--archive", damaged]);
    expect(refused.status).toBe(6);
    expect(refused.stderr).toContain("未建立登记簿");
    expect(await readRegister(damaged)).toBeUndefined();

    const adopted = await runCli(["archive", "adopt", "--archive", legacy]);
    expect(adopted.status, adopted.stderr).toBe(0);
    expect(adopted.stdout).toContain("已建立登记簿");
    const register = await readRegister(legacy);
    expect(register?.opening?.event).toBe("adopt");
    expect(register?.versions.map((v) => [v.docNumber, v.event])).toEqual([
      [SAMPLE_NUMBER, "adopt"],
      ["青政务〔2022〕4号", "adopt"],
    ]);
    const after = await runCli(["archive", "verify", "--archive", legacy]);
    expect(after.status, after.stderr).toBe(0);
    expect(after.stdout).toContain("全部完好");
    expect((await runCli(["archive", "adopt", "--archive", legacy])).status).toBe(64);
    // An adopted archive's entries carry no register numbers: a noted head is what notices its register gone.
    const head = (await readRegister(legacy))?.head ?? "";
    const kept = await copyArchive(legacy);
    roots.push(kept);
    await rm(join(kept, "register.jsonl"));
    const gone = await runCli(["archive", "verify", "--head", head, "--archive", kept]);
    expect(gone.status).toBe(6);
    expect(gone.stderr).toContain("登记簿 register.jsonl 缺失：给出了 --head");
    await rm(entry(legacy, "青政务〔2022〕4号"), { recursive: true, force: true });
    expect((await verifyArchive(legacy)).problems.map((p) => p.rule)).toEqual(["archive-missing"]);
  });
});
