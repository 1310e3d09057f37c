import { readFile, readdir, stat } from "node:fs/promises";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDocxProperties } from "../../src/archive/docx-properties.js";
import { sha256, sha256File } from "../../src/archive/hash.js";
import { fileOfRole } from "../../src/archive/metadata.js";
import { readPdfAId } from "../../src/archive/pdfa.js";
import { issue } from "../../src/archive/store.js";
import { verifyArchive } from "../../src/archive/verify.js";
import { GongwenError } from "../../src/errors.js";
import { pdfFonts, pdfInfo, pdfXmp } from "../../src/pdf/poppler.js";
import { sampleText, sampleWith } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";
import { NEEDS_LIBREOFFICE, skipLibreOffice } from "../pdf/requires-libreoffice.js";
import { measureLayout } from "../../src/verify/measure.js";
import { layoutVariants } from "../helpers/variants.js";
import { copyArchive, mkdirTemp, readMetadata, SAMPLE_NUMBER, sharedArchive, writeData } from "./fixture.js";
import { rm } from "node:fs/promises";

/** What one issue puts in the archive, and what issuing the same number again does. */

async function rejection(promise: Promise<unknown>): Promise<GongwenError> {
  const error = await promise.then(() => undefined, (reason: unknown) => reason);
  expect(error).toBeInstanceOf(GongwenError);
  return error as GongwenError;
}

/** Every file of a folder with its bytes' hash and mode: "nothing changed" made checkable. */
async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    const path = join(dir, name);
    const info = await stat(path);
    out[name] = info.isDirectory() ? "dir" : `${await sha256File(path)} ${(info.mode & 0o777).toString(8)}`;
  }
  return out;
}

describe.skipIf(skipLibreOffice)(`issue: one circular into the archive ${NEEDS_LIBREOFFICE}`, () => {
  let shared = { root: "", entry: "" };

  beforeAll(async () => {
    shared = await sharedArchive();
  });

  it("stores the .docx, the PDF/A, the exact data bytes, metadata.json and a sha256sum manifest, all read-only", async () => {
    const names = (await readdir(shared.entry)).sort();
    expect(names).toEqual(["manifest.sha256", "metadata.json", `${SAMPLE_NUMBER}.docx`, `${SAMPLE_NUMBER}.pdf`, `${SAMPLE_NUMBER}.yaml`]);
    for (const name of names) expect((await stat(join(shared.entry, name))).mode & 0o777).toBe(0o444);
    expect(await readFile(join(shared.entry, `${SAMPLE_NUMBER}.yaml`))).toEqual(await readFile(SAMPLE));
    const manifest = await readFile(join(shared.entry, "manifest.sha256"), "utf8");
    for (const name of names.filter((n) => n !== "manifest.sha256")) {
      expect(manifest).toContain(`${await sha256File(join(shared.entry, name))}  ${name}\n`);
    }
  });

  it("records the archival description, 件号 and 档号 from archive.json, and each file's SHA-256", async () => {
    const m = await readMetadata(shared.entry);
    expect(m).toMatchObject({
      发文字号: SAMPLE_NUMBER,
      机关代字: "青政务",
      年度: 2022,
      顺序号: 3,
      题名: "青海省政务服务监督管理局关于2021年度“青海省创建示范公共资源交易中心”考核情况通报",
      责任者: ["青海省政务服务监督管理局"],
      成文日期: "2022-01-27",
      印发日期: "2022-01-29",
      主送: ["各市州政务服务监管局", "格尔木市政务服务监管局", "各市州公共资源交易中心", "格尔木市公共资源交易中心"],
      抄送: ["省政府办公厅"],
      信息公开属性: "主动公开",
      保管期限: "定期30年",
      retentionSource: "default",
      件号: "0001",
      全宗号: "Z109",
      档号: "Z109-WS·2022-D30-BGS-0001",
      version: 1,
      pdf: { pdfa: "2B", placement: "next-page" },
      tool: { name: "gongwen" },
    });
    expect(m.密级).toBeUndefined();
    // The sample's 版记 goes to the next even page, no blank page: every page has content.
    expect(m.页数).toBe(m.pdf.pages);
    expect(m.issuedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d$/);
    for (const file of m.files) expect(await sha256File(join(shared.entry, file.name))).toBe(file.sha256);
  });

  it("the PDF declares PDF/A-2b in its XMP, embeds every font, and carries the 公文's metadata like the .docx", async () => {
    const m = await readMetadata(shared.entry);
    const pdf = join(shared.entry, fileOfRole(m, "pdf")?.name ?? "");
    expect(readPdfAId(await pdfXmp(pdf))).toEqual({ part: "2", conformance: "B" });
    const fonts = await pdfFonts(pdf);
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
    const info = await pdfInfo(pdf);
    expect(info.pages).toBe(m.pdf.pages);
    expect(info.fields).toMatchObject({ Title: m.题名, Author: "青海省政务服务监督管理局", Subject: SAMPLE_NUMBER, Keywords: SAMPLE_NUMBER });

    const docx = readDocxProperties(await readFile(join(shared.entry, fileOfRole(m, "docx")?.name ?? "")));
    expect(docx).toMatchObject({ title: m.题名, author: "青海省政务服务监督管理局", subject: SAMPLE_NUMBER, keywords: SAMPLE_NUMBER });
    expect(docx.custom).toMatchObject({ 发文字号: SAMPLE_NUMBER, 标题: m.题名, 成文日期: "2022-01-27", 印发日期: "2022-01-29" });
  });

  it("verify finds the fresh archive intact", async () => {
    const report = await verifyArchive(shared.root);
    expect(report.problems).toEqual([]);
    expect(report.documents).toBe(1);
  });
});

describe.skipIf(skipLibreOffice)(`issue again: no-op, conflict, reissue ${NEEDS_LIBREOFFICE}`, () => {
  let root = "";
  let entry = "";
  let before: Record<string, string> = {};

  beforeAll(async () => {
    const shared = await sharedArchive();
    root = await copyArchive(shared.root);
    entry = join(root, "2022", SAMPLE_NUMBER);
    before = await snapshot(entry);
  });
  afterAll(async () => {
    for (const dir of [root, `${root}-data`]) await rm(dir, { recursive: true, force: true });
  });

  it("the same data file again is a no-op that says so, without running LibreOffice", async () => {
    const outcome = await issue(SAMPLE, { root });
    expect(outcome).toMatchObject({ status: "unchanged", sameBy: "data", dir: entry, concurrent: false });
    expect(outcome.timings.conversionMs).toEqual([]);
    expect(await snapshot(entry)).toEqual(before);
  });

  it("a data file differing only in comments renders the same .docx: also a no-op", async () => {
    const file = await writeData(root, `# 归档前加的注释 / a comment added before archiving\n${sampleText()}`, "commented.yaml");
    const outcome = await issue(file, { root });
    expect(outcome).toMatchObject({ status: "unchanged", sameBy: "docx" });
    expect(await snapshot(entry)).toEqual(before);
  });

  it("different content under the same number is refused (exit 5), the archive untouched", async () => {
    const file = await writeData(root, sampleWith([[["envelope", "colophon", "copyTo"], ["省政府办公厅", "省发展改革委"]]]), "changed.yaml");
    const error = await rejection(issue(file, { root }));
    expect(error.exitCode).toBe(5);
    expect(error.diagnostics[0]?.rule).toBe("archive-conflict");
    expect(error.diagnostics[0]?.zh).toContain(`${SAMPLE_NUMBER} 已归档`);
    expect(error.diagnostics[0]?.zh).toContain("--reissue");
    expect(error.diagnostics[0]?.en).toContain("refused");
    expect(await snapshot(entry)).toEqual(before);
  });

  it("--reissue needs --reason (usage, exit 64)", async () => {
    const file = await writeData(root, sampleWith([[["envelope", "colophon", "copyTo"], ["省政府办公厅", "省发展改革委"]]]), "changed.yaml");
    const error = await rejection(issue(file, { root, reissue: true }));
    expect(error.exitCode).toBe(64);
    expect(error.diagnostics[0]?.zh).toContain("--reason");
  });

  it("--reissue --reason keeps version 1 intact beside version 2, which records the reason and what it replaced", async () => {
    const file = await writeData(root, sampleWith([[["envelope", "colophon", "copyTo"], ["省政府办公厅", "省发展改革委"]]]), "changed.yaml");
    const outcome = await issue(file, { root, reissue: true, reason: "抄送机关漏列省发展改革委" });
    expect(outcome.status).toBe("reissued");
    expect(outcome.dir).toBe(join(entry, "v2"));

    const v1 = Object.fromEntries(Object.entries(await snapshot(entry)).filter(([name]) => !name.startsWith("v2")));
    expect(v1).toEqual(before);
    const m2 = await readMetadata(join(entry, "v2"));
    expect(m2).toMatchObject({
      version: 2,
      件号: "0001",
      档号: "Z109-WS·2022-D30-BGS-0001",
      抄送: ["省政府办公厅", "省发展改革委"],
      replaces: { version: 1, reason: "抄送机关漏列省发展改革委", metadataSha256: sha256(await readFile(join(entry, "metadata.json"))) },
    });
    expect(await readFile(join(entry, "v2", `${SAMPLE_NUMBER}.yaml`), "utf8")).toContain("省发展改革委");

    // Issuing v2's data again is now the no-op; v1's data is the conflict.
    expect((await issue(file, { root })).status).toBe("unchanged");
    expect((await rejection(issue(SAMPLE, { root }))).exitCode).toBe(5);
    expect((await verifyArchive(root)).problems).toEqual([]);
  });
});

describe.skipIf(skipLibreOffice)(`页数 of a circular with a blank page before the 版记 ${NEEDS_LIBREOFFICE}`, () => {
  it("counts every page but the blank one (read back: it has no text), and records --retention", async () => {
    const variants = layoutVariants();
    const variant = variants.find((v) => v.name === "blank-page");
    if (!variant) throw new Error("no blank-page variant");
    const root = await mkdirTemp("gongwen-archive-blank-");
    try {
      const outcome = await issue(variant.file, { root, retention: "永久" });
      const m = outcome.metadata;
      expect(m.pdf.placement).toBe("blank-then-page");
      expect(m.pdf.pages % 2).toBe(0);
      expect(m.页数).toBe(m.pdf.pages - 1);
      const layout = await measureLayout(join(outcome.dir, fileOfRole(m, "pdf")?.name ?? ""));
      const pagesWithText = new Set([...layout.lines.map((l) => l.page), ...layout.pageNumbers.map((p) => p.page)]);
      expect(pagesWithText.size).toBe(m.页数);
      expect(pagesWithText.has(m.pdf.pages - 1)).toBe(false);
      expect(m).toMatchObject({ 保管期限: "永久", retentionSource: "option" });
      // No archive.json here: a 件号, but no 档号.
      expect(m.件号).toBe("0001");
      expect(m.档号).toBeUndefined();
    } finally {
      await rm(root, { recursive: true, force: true });
      for (const v of variants) await rm(dirname(v.file), { recursive: true, force: true });
    }
  });
});
