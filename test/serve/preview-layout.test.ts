import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { convertToPdf } from "../../src/pdf/libreoffice.js";
import { renderFile } from "../../src/pipeline.js";
import { pdfRows, previewRows, type TextRow } from "../../src/render/html/grid-lines.js";
import { previewModel } from "../../src/render/html/page-model.js";
import { extractWords } from "../../src/pdf/poppler.js";
import { tempDir } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";
import { STARTERS } from "../helpers/starters.js";
import { NEEDS_LIBREOFFICE, skipLibreOffice } from "../pdf/requires-libreoffice.js";

/**
 * The editor's live preview against LibreOffice's PDF of the .docx written from the same specs: the
 * preview (page-model.ts, what the browser draws) must break pages where LibreOffice does (the same
 * text on each page) and lines where it does (the same first and last characters on ≥ 95 % of lines).
 */

interface Case {
  readonly pdf: readonly TextRow[];
  readonly pdfPages: number;
  readonly preview: readonly TextRow[];
  readonly previewPages: number;
}

const FILES: Record<string, string> = { sample: SAMPLE, ...STARTERS };
const cases = new Map<string, Case>();
const work = tempDir("gongwen-preview-layout-");
/** Line-level agreement per file, printed for the report. */
const agreement: Record<string, string> = {};

beforeAll(async () => {
  if (skipLibreOffice) return;
  const rendered = await Promise.all(Object.entries(FILES).map(async ([name, file]) => ({ name, result: await renderFile(file) })));
  const inputs = rendered.map(({ name, result }) => {
    const path = join(work, `${name}.docx`);
    writeFileSync(path, result.bytes);
    return path;
  });
  // One soffice run for every file.
  const pdfs = await convertToPdf(inputs, work);
  for (const [index, { name, result }] of rendered.entries()) {
    const pages = await extractWords(pdfs[index]!.pdf);
    const model = previewModel(result.sections);
    cases.set(name, { pdf: pdfRows(pages), pdfPages: pages.length, preview: previewRows(model), previewPages: model.pages.length });
  }
}, 300_000);

const pageText = (lines: readonly { page: number; text: string }[], page: number) =>
  lines.filter((line) => line.page === page).map((line) => line.text).join("");

const ends = (text: string) => `${text.slice(0, 1)}…${text.slice(-1)}`;

describe.skipIf(skipLibreOffice)(`preview breaks lines and pages as LibreOffice does ${NEEDS_LIBREOFFICE}`, () => {
  for (const name of Object.keys(FILES)) {
    it(`${name}: same pages, same text on each page`, () => {
      const found = cases.get(name)!;
      expect(found.previewPages).toBe(found.pdfPages);
      for (let page = 1; page <= found.pdfPages; page++) expect(pageText(found.preview, page), `page ${page}`).toBe(pageText(found.pdf, page));
    });

    it(`${name}: same first and last character on ≥ 95 % of lines`, () => {
      const found = cases.get(name)!;
      // Row by row in reading order on each page.
      let same = 0;
      const different: string[] = [];
      for (let page = 1; page <= found.pdfPages; page++) {
        const theirs = found.pdf.filter((row) => row.page === page);
        const mine = found.preview.filter((row) => row.page === page);
        theirs.forEach((row, index) => {
          const other = mine[index];
          if (other !== undefined && ends(other.text) === ends(row.text)) same++;
          else different.push(`p${page} row ${index + 1}: pdf “${row.text}” preview “${other?.text ?? ""}”`);
        });
      }
      const share = same / found.pdf.length;
      agreement[name] = `${same}/${found.pdf.length}`;
      expect(found.pdf.length).toBeGreaterThan(5);
      expect(share, different.slice(0, 5).join("\n")).toBeGreaterThanOrEqual(0.95);
      // Lines the preview draws that LibreOffice has nowhere are differences too.
      expect(found.preview.length).toBe(found.pdf.length);
    });
  }

  it("reports the agreement", () => {
    process.stdout.write(`preview vs LibreOffice lines: ${JSON.stringify(agreement)}\n`);
  });
});
