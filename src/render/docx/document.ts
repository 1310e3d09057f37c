import { Document, type ISectionOptions } from "docx";
import type { FontProfile } from "../../layout/fonts.js";
import type { RenderContext } from "../../layout/primitives.js";
import type { SectionDecoration } from "../../layout/spec.js";
import { emptyFooter, emptyHeader, landscapeHeaders, letterFirstFooter, numberedFooters, unnumberedFooters } from "./page.js";
import { documentStyles } from "./styles.js";

/**
 * The `docx` library's Document for a package shell: one empty section per kind of page decoration
 * the document uses, so the library writes the constant parts (styles, settings, numbering, headers,
 * footers, theme, font table, content types) through its public API. The body is never the library's.
 */

const SHELL_CUSTOM_PROPERTY = [{ name: "文种", value: "-" }];

function headersAndFooters(context: RenderContext, decoration: SectionDecoration, withHeaders: boolean): Pick<ISectionOptions, "headers" | "footers"> {
  // Once any section has headers, every other section names empty ones, or it would inherit them.
  const emptyHeaders = withHeaders ? { headers: { default: emptyHeader(), even: emptyHeader() } } : {};
  switch (decoration) {
    case "numbered":
      return { ...emptyHeaders, footers: numberedFooters(context) };
    case "unnumbered":
      return { ...emptyHeaders, footers: unnumberedFooters() };
    case "letter":
      return {
        ...(withHeaders ? { headers: { default: emptyHeader(), even: emptyHeader(), first: emptyHeader() } } : {}),
        footers: { ...numberedFooters(context), first: letterFirstFooter() },
      };
    case "landscape":
      return { headers: landscapeHeaders(context), footers: unnumberedFooters() };
  }
}

export function shellDocument(fonts: FontProfile, decorations: readonly SectionDecoration[]): Document {
  const context: RenderContext = { fonts };
  const withHeaders = decorations.includes("landscape");
  return new Document({
    title: "-",
    creator: "-",
    revision: 1,
    evenAndOddHeaderAndFooters: true,
    styles: documentStyles(context),
    customProperties: SHELL_CUSTOM_PROPERTY,
    sections: decorations.map((decoration) => ({ ...headersAndFooters(context, decoration, withHeaders), children: [] })),
  });
}
