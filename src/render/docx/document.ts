import { Document, SectionType, type ISectionOptions } from "docx";
import type { DocumentMeta } from "../../document/blocks.js";
import type { FontProfile } from "../../layout/fonts.js";
import { installDocxSpeedups } from "./docx-speedups.js";
import { coreProperties, customProperties } from "./metadata.js";
import { numberedFooters, sectionProperties, unnumberedFooters } from "./page.js";
import type { RenderContext } from "./primitives.js";
import type { SectionSpec } from "./spec.js";
import { documentStyles } from "./styles.js";
import { blockToDocx } from "./to-docx.js";

/**
 * Laid-out sections → the `docx` library's Document: the reference writer, the writer of documents
 * with a seal image, and the source of the constant parts (shell.ts). Loaded only when needed, so a
 * plain render never evaluates the library.
 */

// Output-identical, faster replacements for two docx methods (see docx-speedups.ts).
installDocxSpeedups();

/** The `docx` Document for laid-out sections: the reference writer, and the source of the constant parts. */
export function docxDocument(fonts: FontProfile, meta: DocumentMeta, sections: readonly SectionSpec[]): Document {
  const context: RenderContext = { fonts };
  const docxSections: ISectionOptions[] = sections.map((section) => ({
    properties: { ...sectionProperties(), ...(section.nextPage ? { type: SectionType.NEXT_PAGE } : {}) },
    footers: section.numbered ? numberedFooters(context) : unnumberedFooters(),
    children: section.children.map(blockToDocx),
  }));
  return new Document({
    ...coreProperties(meta),
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: documentStyles(context),
    customProperties: customProperties(meta),
    sections: docxSections,
  });
}

