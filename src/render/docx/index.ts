import type { GongwenDocument } from "../../document/blocks.js";
import type { PaginationPlan } from "../../layout/paginate.js";
import { packDirect } from "./direct-package.js";
import { docxDocument, layOutDocument, type DocxRenderOptions } from "./document.js";
import { installDocxSpeedups } from "./docx-speedups.js";
import { OFF_GRID_STYLE_IDS } from "./element-styles.js";
import { packDeterministic, type PackageDates } from "./package.js";
import { hasImage } from "./spec.js";

export type { DocxRenderOptions } from "./document.js";

// Output-identical, faster replacements for two docx methods (see docx-speedups.ts).
installDocxSpeedups();

export interface RenderedDocx {
  readonly bytes: Uint8Array;
  readonly plan: PaginationPlan;
}

/** Which writer made the bytes: both give the same bytes for the same document. */
export type DocxWriter = "direct" | "library";

/**
 * Block tree → GB/T 9704 .docx bytes, byte-identical for the same input. Written directly
 * (xml-writer.ts) unless it holds a drawing (a seal image), which the `docx` library writes.
 */
export async function renderDocx(document: GongwenDocument, options: DocxRenderOptions, writer: DocxWriter = "direct"): Promise<RenderedDocx> {
  const { sections, plan } = layOutDocument(document, options);
  const dates: PackageDates = { created: document.meta.signedOn, modified: document.meta.printedOn };
  const bytes =
    writer === "direct" && !hasImage(sections)
      ? await packDirect(options.fonts, document.meta, sections, dates)
      : await packDeterministic(docxDocument(options.fonts, document.meta, sections), dates, { offGridStyles: OFF_GRID_STYLE_IDS });
  return { bytes, plan };
}
