import { readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertToPdf, isLibreOfficeAvailable } from "../pdf/libreoffice.js";
import { renderLoaded, type RenderOptions, type RenderResult } from "../pipeline.js";
import type { LoadedDocument } from "../model/validate.js";
import { checkColophon, colophonInfo, type ColophonFinding } from "./colophon-check.js";
import { measureLayout, type MeasuredLayout } from "./measure.js";
import { checkStandard, type StandardFinding } from "./standard.js";
import { makeWorkFolder, removeWorkFolder } from "../platform/interrupt.js";

/**
 * Render, lay out with LibreOffice, measure, correct, render again: only a layout engine knows where
 * pages break, so the 版记's place is settled on its real layout. The estimate is usually right and
 * one pass suffices; a wrong estimate is corrected from the measured end of the text in a second.
 */

export interface Verification {
  /** True when the PDF was measured and every placement rule held. */
  readonly verified: boolean;
  /** Why not verified: LibreOffice missing, or what is still wrong after the last pass. */
  readonly reason?: string;
  readonly passes: number;
  readonly finding?: ColophonFinding;
  /** Findings against the rest of the standard's page rules (standard.ts). */
  readonly standard?: readonly StandardFinding[];
  readonly layout?: MeasuredLayout;
  /** Milliseconds each LibreOffice conversion took. */
  readonly conversionMs: readonly number[];
}

export interface VerifiedRender extends RenderResult {
  /** The PDF of the final pass, when LibreOffice is available. */
  readonly pdf?: Uint8Array;
  readonly verification: Verification;
}

export interface VerifyOptions extends RenderOptions {
  readonly maxPasses?: number;
  readonly timeoutMs?: number;
}

export async function renderVerified(loaded: LoadedDocument, options: VerifyOptions = {}): Promise<VerifiedRender> {
  let result = await renderLoaded(loaded, options);
  if (!isLibreOfficeAvailable()) {
    return { ...result, verification: { verified: false, reason: "libreoffice-missing", passes: 0, conversionMs: [] } };
  }
  const maxPasses = options.maxPasses ?? 3;
  const work = await makeWorkFolder("gongwen-verify-");
  const conversionMs: number[] = [];
  try {
    for (let pass = 1; ; pass++) {
      const docx = join(work, `pass${pass}.docx`);
      await writeFile(docx, result.bytes);
      const started = performance.now();
      const [converted] = await convertToPdf([docx], work, { timeoutMs: options.timeoutMs });
      conversionMs.push(performance.now() - started);
      if (!converted) throw new Error("conversion returned no PDF");
      const layout = await measureLayout(converted.pdf);
      const finding = checkColophon(colophonInfo(result.document), layout, result.plan.colophonLines);
      const pdf = new Uint8Array(await readFile(converted.pdf));
      const samePlan = finding && finding.wanted.placement === result.plan.placement && finding.wanted.fillerLines === result.plan.fillerLines;
      if (!finding || finding.ok || pass >= maxPasses || samePlan) {
        // The 版记 is where it belongs (or cannot be moved there); now everything else the standard asks.
        const standard = checkStandard(result.document, result.plan, layout);
        const problems = [...(finding && !finding.ok ? finding.problems : []), ...standard.map((f) => `${f.clause} ${f.zh} / ${f.en}`)];
        const verified = problems.length === 0;
        return {
          ...result,
          pdf,
          verification: { verified, reason: verified ? undefined : problems.join("; "), passes: pass, finding, standard, layout, conversionMs },
        };
      }
      result = await renderLoaded(loaded, { ...options, colophonPlacement: { placement: finding.wanted.placement, fillerLines: finding.wanted.fillerLines } });
    }
  } finally {
    await removeWorkFolder(work);
  }
}
