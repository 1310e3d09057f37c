import type { LoadedDocument } from "../model/validate.js";
import type { WarmOffice } from "../pdf/warm-office.js";
import { renderLoaded, type RenderResult } from "../pipeline.js";
import { checkColophon, colophonInfo } from "../verify/colophon-check.js";
import { measureLayout } from "../verify/measure.js";
import { checkStandard } from "../verify/standard.js";

/**
 * The verify loop of `render --pdf` (verify/render-verified.ts) run on the warm LibreOffice: render,
 * lay out, measure, and when the 版记 is not where it belongs render once more with the measured
 * placement. Its findings are what the editor shows beside the true-layout pages.
 */

export interface Finding {
  readonly zh: string;
  readonly en: string;
}

export interface OfficeLayout {
  readonly result: RenderResult;
  readonly pdf: Uint8Array;
  readonly pdfPath: string;
  readonly pages: number;
  readonly verified: boolean;
  readonly findings: readonly Finding[];
  readonly conversionMs: readonly number[];
  /** The pages as PNG, when asked for (made while the PDF is measured). */
  readonly images?: readonly Uint8Array[];
}

export async function layOutOnOffice(loaded: LoadedDocument, office: WarmOffice, options: { readonly images?: boolean } = {}): Promise<OfficeLayout> {
  let result = await renderLoaded(loaded);
  const conversionMs: number[] = [];
  for (let pass = 1; ; pass++) {
    const converted = await office.convert(result.bytes);
    conversionMs.push(converted.ms);
    // Pictures of the pages are made while the PDF is measured: usually this pass is the last.
    const images = options.images ? office.pages(converted.pdfPath) : undefined;
    images?.catch(() => undefined);
    const layout = await measureLayout(converted.pdfPath);
    const finding = checkColophon(colophonInfo(result.document), layout, result.plan.colophonLines);
    const samePlan = finding && finding.wanted.placement === result.plan.placement && finding.wanted.fillerLines === result.plan.fillerLines;
    if (!finding || finding.ok || pass >= 2 || samePlan) {
      const findings: Finding[] = [
        ...(finding && !finding.ok ? finding.problems.map((problem) => ({ zh: problem, en: problem })) : []),
        ...checkStandard(result.document, result.plan, layout).map((f) => ({ zh: `${f.clause} ${f.zh}`, en: f.en })),
      ];
      return { result, pdf: converted.pdf, pdfPath: converted.pdfPath, pages: layout.pages, verified: findings.length === 0, findings, conversionMs, images: await images };
    }
    await images?.catch(() => undefined);
    result = await renderLoaded(loaded, { colophonPlacement: { placement: finding.wanted.placement, fillerLines: finding.wanted.fillerLines } });
  }
}
