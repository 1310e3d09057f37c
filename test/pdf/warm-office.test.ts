import { readdir, readFile } from "node:fs/promises";
import { afterAll, describe, expect, it } from "vitest";
import { OfficeClosedError, WarmOffice } from "../../src/pdf/warm-office.js";
import { extractWords } from "../../src/pdf/poppler.js";
import { renderFile, SAMPLE_DATA_FILE } from "../../src/pipeline.js";
import { NEEDS_LIBREOFFICE, skipLibreOffice } from "./requires-libreoffice.js";

/** Live soffice.bin processes whose command line mentions `needle`. */
async function sofficeMentioning(needle: string): Promise<number> {
  let count = 0;
  for (const pid of await readdir("/proc")) {
    if (!/^\d+$/.test(pid)) continue;
    const commandLine = await readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
    if (commandLine.includes("soffice") && commandLine.includes(needle)) count++;
  }
  return count;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(skipLibreOffice)(`the editor's warm LibreOffice ${NEEDS_LIBREOFFICE}`, () => {
  const office = new WarmOffice();
  afterAll(() => office.close());

  it("stays running after handed-over conversions, so each one after the first is warm", async () => {
    const { bytes } = await renderFile(SAMPLE_DATA_FILE);
    await office.warm(bytes);
    // The resident takes a few seconds to start; until its pipe is up a conversion starts its own.
    for (let waited = 0; waited < 60_000 && (await sofficeMentioning("resident-held.docx")) === 0; waited += 250) await sleep(250);
    await sleep(3000);
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      const converted = await office.convert(bytes);
      times.push(converted.ms);
      const pages = await extractWords(converted.pdfPath);
      expect(pages).toHaveLength(8);
      // Before the fix, LibreOffice ended itself after the first handed-over conversion.
      expect(await sofficeMentioning("resident-held.docx")).toBe(1);
    }
    // A fresh start of LibreOffice takes 4 s here on a quiet machine; a hand-over 0.15–0.25 s.
    expect(Math.min(...times)).toBeLessThan(2000);
  }, 180_000);

  it("refuses conversions once closed, with an error the server maps to 503", async () => {
    await office.close();
    await expect(office.convert(new Uint8Array())).rejects.toBeInstanceOf(OfficeClosedError);
    for (let waited = 0; waited < 10_000 && (await sofficeMentioning("resident-held.docx")) > 0; waited += 250) await sleep(250);
    expect(await sofficeMentioning("resident-held.docx")).toBe(0);
  });
});
