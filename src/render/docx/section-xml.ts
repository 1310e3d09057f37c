import { GRID, LANDSCAPE, MARGIN, PAGE } from "../../layout/gbt9704.js";
import { isLandscape, type SectionSpec } from "../../layout/spec.js";

/**
 * A section's `w:sectPr` (§5 page set-up): A4 with the standard's margins and the 22-line grid,
 * repeated in every section (a section inherits none of them), with its header and footer references.
 * Landscape sections turn the page and keep each margin on its edge of the sheet (§8).
 */
export function sectionPropertiesXml(section: SectionSpec, references: string): string {
  const landscape = isLandscape(section);
  const size = landscape
    ? `<w:pgSz w:w="${LANDSCAPE.widthTwips}" w:h="${LANDSCAPE.heightTwips}" w:orient="landscape"/>`
    : `<w:pgSz w:w="${PAGE.widthTwips}" w:h="${PAGE.heightTwips}" w:orient="portrait"/>`;
  const m = landscape
    ? { top: LANDSCAPE.margin.topTwips, right: LANDSCAPE.margin.rightTwips, bottom: LANDSCAPE.margin.bottomTwips, left: LANDSCAPE.margin.leftTwips }
    : { top: MARGIN.topTwips, right: MARGIN.rightTwips, bottom: MARGIN.bottomTwips, left: MARGIN.leftTwips };
  return (
    `<w:sectPr>${references}` +
    (section.nextPage ? '<w:type w:val="nextPage"/>' : "") +
    size +
    `<w:pgMar w:top="${m.top}" w:right="${m.right}" w:bottom="${m.bottom}" w:left="${m.left}" w:header="${MARGIN.headerTwips}" w:footer="${landscape ? LANDSCAPE.footerTwips : MARGIN.footerTwips}" w:gutter="0"/>` +
    "<w:pgNumType/>" +
    (section.decoration === "letter" ? "<w:titlePg/>" : "") +
    `<w:docGrid w:type="lines" w:linePitch="${GRID.linePitchTwips}"/></w:sectPr>`
  );
}
