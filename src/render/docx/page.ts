import { AlignmentType, DocumentGridType, Footer, LineRuleType, PageNumber, Paragraph, TextRun, type ISectionPropertiesOptions } from "docx";
import { GRID, MARGIN, PAGE, PAGE_NUMBER } from "../../layout/gbt9704.js";
import { pointsToHalfPoints } from "../../layout/units.js";
import { ELEMENT_STYLES } from "./element-styles.js";
import { fontFor, type RenderContext } from "./primitives.js";

/**
 * Page set-up and page numbers (§5.2, §7.5). Every section repeats size, margins and grid, because a
 * new section does not inherit them, and names both its footers, because a missing one is inherited.
 */

export function sectionProperties(): ISectionPropertiesOptions {
  return {
    page: {
      size: { width: PAGE.widthTwips, height: PAGE.heightTwips },
      margin: {
        top: MARGIN.topTwips,
        right: MARGIN.rightTwips,
        bottom: MARGIN.bottomTwips,
        left: MARGIN.leftTwips,
        header: MARGIN.headerTwips,
        footer: MARGIN.footerTwips,
        gutter: 0,
      },
    },
    grid: { type: DocumentGridType.LINES, linePitch: GRID.linePitchTwips },
  };
}

/** `— 1 —` in 4号半角宋体: odd pages right, even pages left, 空一字 from the edge. */
function pageNumberFooter(context: RenderContext, side: "odd" | "even"): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: ELEMENT_STYLES.pageNumber.id,
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === "odd" ? { right: PAGE_NUMBER.sideIndentTwips } : { left: PAGE_NUMBER.sideIndentTwips },
        // The document defaults' 579 grid line must not leak into the footer.
        spacing: { line: PAGE_NUMBER.lineTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [
          new TextRun({
            font: fontFor(context, "songti", true),
            size: pointsToHalfPoints(PAGE_NUMBER.sizePt),
            scale: 100,
            children: [`${PAGE_NUMBER.dash} `, PageNumber.CURRENT, ` ${PAGE_NUMBER.dash}`],
          }),
        ],
      }),
    ],
  });
}

function emptyFooter(): Footer {
  return new Footer({ children: [new Paragraph({ spacing: { line: PAGE_NUMBER.lineTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, children: [] })] });
}

export function numberedFooters(context: RenderContext) {
  return { default: pageNumberFooter(context, "odd"), even: pageNumberFooter(context, "even") };
}

/** The blank page before a 版记 page and the 版记 page itself carry no number (§7.5). */
export function unnumberedFooters() {
  return { default: emptyFooter(), even: emptyFooter() };
}
