import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { diagnostic, GongwenError } from "../errors.js";
import type { ColophonPlacement } from "../layout/paginate.js";
import type { LoadedDocument } from "../model/validate.js";
import { convertToPdf, isLibreOfficeAvailable } from "../pdf/libreoffice.js";
import { renderLoaded, type RenderResult } from "../pipeline.js";
import { checkColophon, colophonInfo } from "../verify/colophon-check.js";
import { measureLayout } from "../verify/measure.js";

/**
 * The issued form of a document: the .docx whose 版记 placement was checked on LibreOffice's real layout,
 * and that layout's PDF/A-2b. Same loop as `render --pdf` (src/verify), but every pass converts straight
 * to PDF/A, so the usual one-pass case costs one conversion instead of two.
 */

export interface FinalRender {
  readonly result: RenderResult;
  readonly pdfPath: string;
  readonly pdfBytes: Uint8Array;
  /** Pages of the PDF as printed, blank page included. */
  readonly pdfPages: number;
  /** 页数 for the catalogue: pages with content. */
  readonly contentPages: number;
  readonly passes: number;
  readonly conversionMs: readonly number[];
}

export interface FinalRenderOptions {
  /** A scratch folder of the caller's; the .docx and PDF of each pass are written there. */
  readonly workDir: string;
  readonly timeoutMs?: number;
  readonly maxPasses?: number;
}

/**
 * DA/T 22: 有图文的页面为一页. The blank page GB/T 9704 puts before a 版记 that has no room on an even
 * page carries nothing, so it is not counted; every other page carries text or the 版记.
 */
export function contentPageCount(pdfPages: number, placement: ColophonPlacement): number {
  return placement === "blank-then-page" ? pdfPages - 1 : pdfPages;
}

export async function renderFinal(loaded: LoadedDocument, options: FinalRenderOptions): Promise<FinalRender> {
  if (!isLibreOfficeAvailable()) {
    throw new GongwenError(
      [
        diagnostic({
          zh: "未找到 LibreOffice：归档需要生成 PDF/A，未归档。请安装：apt-get install libreoffice-writer-nogui",
          en: "LibreOffice not found: archiving needs the PDF/A copy; nothing archived. Install it: apt-get install libreoffice-writer-nogui",
          rule: "libreoffice-missing",
        }),
      ],
      3,
    );
  }
  const maxPasses = options.maxPasses ?? 3;
  const conversionMs: number[] = [];
  let result = await renderLoaded(loaded);
  for (let pass = 1; ; pass++) {
    const docx = join(options.workDir, `pass${pass}.docx`);
    await writeFile(docx, result.bytes);
    const started = performance.now();
    // The LibreOffice profile inside the work folder too: one folder to remove after a crash.
    const [converted] = await convertToPdf([docx], options.workDir, { pdfA: true, timeoutMs: options.timeoutMs, tempDir: options.workDir });
    conversionMs.push(performance.now() - started);
    if (!converted) throw new Error("conversion returned no PDF");
    const finding = checkColophon(colophonInfo(result.document), await measureLayout(converted.pdf), result.plan.colophonLines);
    if (!finding || finding.ok) {
      return {
        result,
        pdfPath: converted.pdf,
        pdfBytes: new Uint8Array(await readFile(converted.pdf)),
        pdfPages: converted.pages,
        contentPages: contentPageCount(converted.pages, result.plan.placement),
        passes: pass,
        conversionMs,
      };
    }
    const samePlan = finding.wanted.placement === result.plan.placement && finding.wanted.fillerLines === result.plan.fillerLines;
    if (pass >= maxPasses || samePlan) {
      throw new GongwenError(
        [
          diagnostic({
            file: loaded.file,
            zh: `排版核验未通过，未归档：${finding.problems.join("；")}`,
            en: `the layout check failed; nothing archived: ${finding.problems.join("; ")}`,
            rule: "layout-unverified",
          }),
        ],
        2,
      );
    }
    result = await renderLoaded(loaded, { colophonPlacement: { placement: finding.wanted.placement, fillerLines: finding.wanted.fillerLines } });
  }
}
