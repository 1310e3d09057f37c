import type { GongwenDocument } from "../../document/blocks.js";
import type { PaginationPlan } from "../../layout/paginate.js";
import { buildDocx, type DocxRenderOptions } from "./document.js";
import { installDocxSpeedups } from "./docx-speedups.js";
import { packDeterministic } from "./package.js";
import { OFF_GRID_STYLE_IDS } from "./element-styles.js";

export type { DocxRenderOptions } from "./document.js";

// Output-identical, faster replacements for two docx methods (see docx-speedups.ts).
installDocxSpeedups();

export interface RenderedDocx {
  readonly bytes: Uint8Array;
  readonly plan: PaginationPlan;
}

/** Block tree → GB/T 9704 .docx bytes, byte-identical for the same input. */
export async function renderDocx(document: GongwenDocument, options: DocxRenderOptions): Promise<RenderedDocx> {
  const { doc, plan } = buildDocx(document, options);
  const bytes = await packDeterministic(
    doc,
    { created: document.meta.signedOn, modified: document.meta.printedOn },
    { offGridStyles: OFF_GRID_STYLE_IDS },
  );
  return { bytes, plan };
}
