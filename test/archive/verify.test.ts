import { appendFile, chmod, readFile, rm, unlink, writeFile, cp, mkdir } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyArchive } from "../../src/archive/verify.js";
import { resolveScope } from "../../src/archive/target.js";
import { NEEDS_LIBREOFFICE, skipLibreOffice } from "../pdf/requires-libreoffice.js";
import { cloneEntry, copyArchive, runCli, SAMPLE_NUMBER, sharedArchive } from "./fixture.js";

/** Tampering, in every form an archive meets it, found and named. */

const roots: string[] = [];
let source = "";
let sourceRoot = "";

async function archiveOf(entries = 1): Promise<string> {
  const root = await copyArchive(sourceRoot);
  roots.push(root);
  for (let n = 2; n <= entries; n++) await cloneEntry(source, root, { serial: n + 2, itemNumber: n });
  return root;
}

const entryOf = (root: string) => join(root, "2022", SAMPLE_NUMBER);

/** What a tamperer does to a read-only file: make it writable first (root need not). */
async function writable(path: string): Promise<void> {
  await chmod(path, 0o644);
}

describe.skipIf(skipLibreOffice)(`archive verify ${NEEDS_LIBREOFFICE}`, () => {
  beforeAll(async () => {
    const shared = await sharedArchive();
    sourceRoot = shared.root;
    source = shared.entry;
  });
  afterAll(async () => {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  it("passes an intact archive of several entries (exit 0)", async () => {
    const root = await archiveOf(3);
    const report = await verifyArchive(root);
    expect(report.problems).toEqual([]);
    expect(report.documents).toBe(3);
    expect(report.files).toBe(9);
    const run = await runCli(["archive", "verify", "--archive", root]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain("全部完好 / all intact: 3 件 3 个版本，9 个文件");
  });

  it("one byte changed in the PDF: tampered, naming the file (exit 6)", async () => {
    const root = await archiveOf();
    const pdf = join(entryOf(root), `${SAMPLE_NUMBER}.pdf`);
    const bytes = await readFile(pdf);
    const middle = Math.floor(bytes.length / 2);
    bytes[middle] = (bytes[middle] ?? 0) ^ 0x01;
    await writable(pdf);
    await writeFile(pdf, bytes);
    const report = await verifyArchive(root);
    expect(report.problems.map((p) => [p.rule, p.file])).toEqual([["archive-tampered", pdf]]);
    expect(report.problems[0]?.zh).toContain(`文件被改动（SHA-256 不符）：${SAMPLE_NUMBER}.pdf`);
    const run = await runCli(["archive", "verify", "--archive", root]);
    expect(run.status).toBe(6);
    expect(run.stderr).toContain(`${SAMPLE_NUMBER}.pdf`);
    expect(run.stderr).toContain("文件被改动");
    expect(run.stdout).toContain("校验未通过 / verification FAILED");
  });

  it("a deleted file is reported missing", async () => {
    const root = await archiveOf();
    await unlink(join(entryOf(root), `${SAMPLE_NUMBER}.docx`));
    const report = await verifyArchive(root);
    expect(report.problems.map((p) => p.rule)).toEqual(["archive-missing"]);
    expect(report.problems[0]?.zh).toBe(`缺少文件：${SAMPLE_NUMBER}.docx`);
  });

  it("an added file is reported unexpected", async () => {
    const root = await archiveOf();
    await writeFile(join(entryOf(root), "说明.txt"), "后加的文件");
    const report = await verifyArchive(root);
    expect(report.problems.map((p) => [p.rule, p.zh])).toEqual([["archive-unexpected", "多出的文件：说明.txt"]]);
  });

  it("an edited metadata.json (a changed 题名) is caught by the manifest", async () => {
    const root = await archiveOf();
    const file = join(entryOf(root), "metadata.json");
    const text = await readFile(file, "utf8");
    await writable(file);
    await writeFile(file, text.replace("考核情况通报", "考核结果通报"));
    const report = await verifyArchive(root);
    expect(report.problems.map((p) => [p.rule, p.file])).toEqual([["archive-tampered", file]]);
  });

  it("a file changed together with its hash in metadata.json still fails: the manifest disagrees", async () => {
    const root = await archiveOf();
    const dir = entryOf(root);
    const data = join(dir, `${SAMPLE_NUMBER}.yaml`);
    await writable(data);
    await appendFile(data, "# 改过\n");
    const { sha256File } = await import("../../src/archive/hash.js");
    const metadata = JSON.parse(await readFile(join(dir, "metadata.json"), "utf8")) as { files: Array<{ name: string; sha256: string; bytes: number }> };
    const record = metadata.files.find((f) => f.name.endsWith(".yaml"));
    if (!record) throw new Error("no data file");
    record.sha256 = await sha256File(data);
    record.bytes = (await readFile(data)).length;
    await writable(join(dir, "metadata.json"));
    await writeFile(join(dir, "metadata.json"), `${JSON.stringify(metadata, null, 2)}\n`);
    const rules = (await verifyArchive(root)).problems.map((p) => p.rule);
    expect(rules).toContain("archive-tampered");
    expect(rules).not.toContain("archive-missing");
  });

  it("a whole entry removed is named by the register", async () => {
    const root = await archiveOf(3);
    await rm(join(root, "2022", "青政务〔2022〕4号"), { recursive: true, force: true });
    const report = await verifyArchive(root);
    expect(report.problems.map((p) => [p.rule, p.zh])).toEqual([["archive-missing", "登记在册的 青政务〔2022〕4号（件号 0002）不在档案库中：整件被删除或移走"]]);
  });

  it("without a register (an archive made before registers), a removed entry still shows as a hole in the year's 件号", async () => {
    const root = await archiveOf(3);
    await rm(join(root, "register.jsonl"));
    await rm(join(root, "2022", "青政务〔2022〕4号"), { recursive: true, force: true });
    // Entries of a registered archive say so: deleting the register is itself a finding.
    expect((await verifyArchive(root)).problems.map((p) => p.rule)).toContain("archive-register-missing");
  });

  it("an entry copied under another number is caught by its own record", async () => {
    const root = await archiveOf();
    const copy = join(root, "2022", "青政务〔2022〕9号");
    await cp(entryOf(root), copy, { recursive: true });
    const report = await verifyArchive(root);
    expect(report.problems.map((p) => p.rule)).toEqual(expect.arrayContaining(["archive-metadata", "archive-item-number"]));
    expect(report.problems.some((p) => p.zh.includes("与文件夹 青政务〔2022〕9号 不符"))).toBe(true);
  });

  it("strays at the root and in a year folder are unexpected; an empty entry folder too", async () => {
    const root = await archiveOf();
    await writeFile(join(root, "notes.txt"), "x");
    await writeFile(join(root, "2022", "清单.xlsx"), "x");
    await mkdir(join(root, "2022", "青政务〔2022〕7号"));
    const report = await verifyArchive(root);
    expect(report.problems.map((p) => p.rule)).toEqual(["archive-unexpected", "archive-unexpected", "archive-unexpected"]);
  });

  it("verify [path] takes an entry folder, a year or a 发文字号", async () => {
    const root = await archiveOf(2);
    expect(await resolveScope(root, entryOf(root))).toEqual({ year: "2022", folder: SAMPLE_NUMBER });
    expect(await resolveScope(root, join(root, "2022"))).toEqual({ year: "2022" });
    expect(await resolveScope(root, "2022")).toEqual({ year: "2022" });
    expect(await resolveScope(root, "青政务[2022]3号")).toEqual({ year: "2022", folder: SAMPLE_NUMBER });
    const pdf = join(root, "2022", "青政务〔2022〕4号", "青政务〔2022〕4号.pdf");
    await writable(pdf);
    await appendFile(pdf, "x");
    const one = await runCli(["archive", "verify", SAMPLE_NUMBER, "--archive", root]);
    expect(one.status).toBe(0);
    expect(one.stdout).toContain("1 件 1 个版本");
    const all = await runCli(["archive", "verify", "--archive", root]);
    expect(all.status).toBe(6);
  });
});
