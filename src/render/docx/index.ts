import type { GongwenDocument } from "../../document/document.js";
import { layOutDocument, type LayoutOptions } from "../../layout/lay-out.js";
import type { PaginationPlan } from "../../layout/paginate.js";
import type { SectionSpec } from "../../layout/spec.js";
import { packDirect, type PackageDates } from "./direct-package.js";

export type DocxRenderOptions = LayoutOptions;

export interface RenderedDocx {
  readonly bytes: Uint8Array;
  readonly plan: PaginationPlan;
  /** The laid-out sections the bytes were written from (text, preview and checks read these). */
  readonly sections: readonly SectionSpec[];
}

/** Document → GB/T 9704 .docx bytes, byte-identical for the same input. */
export async function renderDocx(document: GongwenDocument, options: DocxRenderOptions): Promise<RenderedDocx> {
  const { sections, plan } = layOutDocument(document, options);
  const dates: PackageDates = { created: document.meta.signedOn, modified: document.meta.printedOn };
  return { bytes: await packDirect(options.fonts, document.meta, sections, dates), plan, sections };
}
