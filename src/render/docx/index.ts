import type { GongwenDocument } from "../../document/blocks.js";
import type { PaginationPlan } from "../../layout/paginate.js";
import { packDirect, type PackageDates } from "./direct-package.js";
import { layOutDocument, type DocxRenderOptions } from "./lay-out.js";
import { hasImage } from "./spec.js";

export type { DocxRenderOptions } from "./lay-out.js";

export interface RenderedDocx {
  readonly bytes: Uint8Array;
  readonly plan: PaginationPlan;
}

/** Which writer makes the bytes: both give the same bytes for the same document. */
export type DocxWriter = "direct" | "library";

/**
 * Block tree → GB/T 9704 .docx bytes, byte-identical for the same input. Written directly
 * (xml-writer.ts) unless it holds a drawing (a seal image), which the `docx` library writes.
 */
export async function renderDocx(document: GongwenDocument, options: DocxRenderOptions, writer: DocxWriter = "direct"): Promise<RenderedDocx> {
  const { sections, plan } = layOutDocument(document, options);
  const dates: PackageDates = { created: document.meta.signedOn, modified: document.meta.printedOn };
  if (writer === "direct" && !hasImage(sections)) return { bytes: await packDirect(options.fonts, document.meta, sections, dates), plan };
  // The library, loaded only for this.
  const [{ docxDocument }, { packDeterministic }, { OFF_GRID_STYLE_IDS }] = await Promise.all([
    import("./document.js"),
    import("./package.js"),
    import("./element-styles.js"),
  ]);
  const bytes = await packDeterministic(docxDocument(options.fonts, document.meta, sections), dates, { offGridStyles: OFF_GRID_STYLE_IDS });
  return { bytes, plan };
}
