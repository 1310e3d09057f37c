import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GongwenError } from "../../src/errors.js";
import { FONTS_CONF, convertToPdf, findSoffice } from "../../src/pdf/libreoffice.js";
import { pdfFonts, pdfInfo, pdfXmp } from "../../src/pdf/poppler.js";
import { NEEDS_LIBREOFFICE, libreOfficeAvailable, onCi, skipLibreOffice } from "./requires-libreoffice.js";
import { writeSampleDocx } from "./sample-docx.js";


async function rejection(promise: Promise<unknown>): Promise<GongwenError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(GongwenError);
  return error as GongwenError;
}

/** PIDs of live processes whose command line mentions `needle`. */
async function processesMentioning(needle: string): Promise<string[]> {
  const found: string[] = [];
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const cmdline = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (cmdline.includes(needle)) found.push(pid);
  }
  return found;
}

describe("findSoffice / missing LibreOffice", () => {
  it("ships the project fontconfig file next to the sources", async () => {
    expect(FONTS_CONF.endsWith(join("fonts", "fonts.conf"))).toBe(true);
    expect(await readFile(FONTS_CONF, "utf8")).toContain("FandolFang");
  });

  it("reports a clear libreoffice-missing error (exit code 3) for a wrong soffice path", async () => {
    const error = await rejection(convertToPdf(["x.docx"], tmpdir(), { sofficePath: "/nonexistent/soffice" }));
    expect(error.exitCode).toBe(3);
    expect(error.diagnostics[0]?.rule).toBe("libreoffice-missing");
    expect(error.diagnostics[0]?.zh).toContain("LibreOffice");
    expect(error.diagnostics[0]?.en).toContain("libreoffice-writer-nogui");
  });

  it("finds nothing on an empty PATH and then reports libreoffice-missing", async () => {
    const saved = process.env.PATH;
    process.env.PATH = "";
    try {
      expect(findSoffice()).toBeUndefined();
      const error = await rejection(convertToPdf(["x.docx"], tmpdir()));
      expect(error.diagnostics[0]?.rule).toBe("libreoffice-missing");
    } finally {
      process.env.PATH = saved;
    }
  });

  it.runIf(onCi)("LibreOffice is installed (required on CI)", () => {
    expect(libreOfficeAvailable).toBe(true);
  });
});

describe.skipIf(skipLibreOffice)(`convertToPdf with LibreOffice ${NEEDS_LIBREOFFICE}`, () => {
  let dir = "";
  let sample = "";

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "gongwen-lo-test-"));
    sample = join(dir, "sample.docx");
    await writeSampleDocx(sample);
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("converts one file to a one-page A4 PDF", async () => {
    const [result] = await convertToPdf([sample], join(dir, "single"));
    expect(result?.pages).toBe(1);
    const info = await pdfInfo(result?.pdf ?? "");
    expect(info.pageWidthMm).toBeCloseTo(210, 0);
    expect(Math.abs(info.pageHeightMm - 297)).toBeLessThan(0.5);
    expect(info.producer).toMatch(/LibreOffice/);
  });

  it("converts a batch of 3 (one with a Chinese file name) in one call", async () => {
    const inputs = [join(dir, "b1.docx"), join(dir, "b2.docx"), join(dir, "关于规范公文格式的通知.docx")];
    await Promise.all(inputs.map((input, index) => writeSampleDocx(input, { body: `第${index + 1}份文件。` })));
    const results = await convertToPdf(inputs, join(dir, "batch"));
    expect(results.map((r) => r.pages)).toEqual([1, 1, 1]);
    expect(results.map((r) => r.pdf)).toEqual([
      join(dir, "batch", "b1.pdf"),
      join(dir, "batch", "b2.pdf"),
      join(dir, "batch", "关于规范公文格式的通知.pdf"),
    ]);
  });

  it("runs two conversions at the same time (separate profiles)", async () => {
    const [a, b] = await Promise.all([
      convertToPdf([sample], join(dir, "parallel-a")),
      convertToPdf([sample], join(dir, "parallel-b")),
    ]);
    expect(a[0]?.pages).toBe(1);
    expect(b[0]?.pages).toBe(1);
  });

  it("writes PDF/A-2b: XMP declares pdfaid:part 2 and every font is embedded", async () => {
    const [result] = await convertToPdf([sample], join(dir, "pdfa"), { pdfA: true });
    const xmp = await pdfXmp(result?.pdf ?? "");
    expect(xmp).toMatch(/pdfaid:part(>|=")\s*2/);
    expect(xmp).toMatch(/pdfaid:conformance(>|=")\s*B/);
    const fonts = await pdfFonts(result?.pdf ?? "");
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.filter((font) => !font.embedded)).toEqual([]);
  });

  it("reports pdf-conversion-failed (exit code 4) for an unreadable .docx and a missing one", async () => {
    const junk = join(dir, "junk.docx");
    await writeFile(junk, "this is not a zip file at all");
    const failed = await rejection(convertToPdf([junk, sample], join(dir, "junk")));
    expect(failed.exitCode).toBe(4);
    expect(failed.diagnostics.map((d) => [d.rule, d.file])).toEqual([["pdf-conversion-failed", junk]]);

    const missing = await rejection(convertToPdf([join(dir, "nowhere.docx")], join(dir, "junk")));
    expect(missing.diagnostics[0]?.rule).toBe("pdf-conversion-failed");
  });

  // 1 ms kills the launcher script; 400 ms kills oosplash and soffice.bin mid-start (same process group).
  it.each([1, 400])("kills soffice after %i ms, throws libreoffice-timeout, leaves no process or profile", async (timeoutMs) => {
    const tempDir = await mkdtemp(join(tmpdir(), "gongwen-lo-timeout-"));
    try {
      const error = await rejection(convertToPdf([sample], join(dir, "timeout"), { timeoutMs, tempDir }));
      expect(error.exitCode).toBe(4);
      expect(error.diagnostics[0]?.rule).toBe("libreoffice-timeout");
      expect(await processesMentioning(tempDir)).toEqual([]);
      expect(await readdir(tempDir)).toEqual([]);
    } finally {
      await rm(tempDir, { recursive: true, force: true });
    }
  });
});
