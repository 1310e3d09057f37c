import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { printDiagnostics } from "./report.js";
import { diagnostic, GongwenError } from "../errors.js";
import { loadDocumentFile } from "../model/validate.js";
import { writeFileAtomic } from "../output/atomic-write.js";
import { convertToPdf } from "../pdf/libreoffice.js";
import { rasterPage } from "../pdf/ink.js";
import { pdfInfo } from "../pdf/poppler.js";
import { contactSheet } from "../preview/contact-sheet.js";
import { encodePng } from "../preview/png.js";
import { renderVerified } from "../verify/render-verified.js";
import { makeWorkFolder, removeWorkFolder } from "../platform/interrupt.js";

export interface PreviewOptions {
  readonly output: string;
  readonly dpi: string;
}

/** PDF, one PNG per page and a contact sheet, from a data file (verified layout) or any .docx. */
export async function previewCommand(file: string, options: PreviewOptions): Promise<number> {
  const dpi = Number(options.dpi);
  if (!Number.isFinite(dpi) || dpi < 20 || dpi > 600) {
    throw new GongwenError([diagnostic({ zh: "分辨率应在 20 到 600 之间", en: "--dpi must be between 20 and 600", rule: "usage" })], 64);
  }
  const outDir = resolve(options.output, basename(file, extname(file)));
  const pdf = await pdfOf(file);
  const pdfFile = join(outDir, "document.pdf");
  await writeFileAtomic(pdfFile, pdf);
  const pages = (await pdfInfo(pdfFile)).pages;
  const rasters = [];
  for (let page = 1; page <= pages; page++) {
    const raster = await rasterPage(pdfFile, page, dpi);
    rasters.push(await rasterPage(pdfFile, page, Math.min(dpi, 40)));
    await writeFileAtomic(join(outDir, `page-${page}.png`), encodePng(raster.width, raster.height, raster.rgb));
  }
  await writeFileAtomic(join(outDir, "contact-sheet.png"), contactSheet(rasters));
  process.stdout.write(`已生成预览 / preview written: ${outDir}（${pages} 页 / pages: document.pdf, page-N.png, contact-sheet.png）\n`);
  return 0;
}

async function pdfOf(file: string): Promise<Uint8Array> {
  if (extname(file).toLowerCase() === ".docx") {
    const work = await makeWorkFolder("gongwen-preview-");
    try {
      const copy = join(work, "document.docx");
      await writeFile(copy, await readFile(file));
      const [converted] = await convertToPdf([copy], work);
      return new Uint8Array(await readFile(converted!.pdf));
    } finally {
      await removeWorkFolder(work);
    }
  }
  const rendered = await renderVerified(await loadDocumentFile(file));
  printDiagnostics(rendered.loaded.warnings);
  if (!rendered.pdf) {
    throw new GongwenError([diagnostic({ file, zh: "未安装 LibreOffice，无法生成预览", en: "LibreOffice is not installed; no preview", rule: "libreoffice-missing" })], 3);
  }
  return rendered.pdf;
}
