import {
  AlignmentType, BorderStyle, FrameAnchorType, Footer, Header, HeightRule, LineRuleType, PageNumber, Paragraph, Table, TableAnchorType,
  TableCell, TableLayoutType, TableRow, TextDirection, TextRun, VerticalAlignTable, WidthType,
} from "docx";
import { COLOUR, LANDSCAPE, LETTER, MARGIN, PAGE, PAGE_NUMBER, TYPE_AREA } from "../../layout/gbt9704.js";
import { ELEMENT_STYLES } from "../../layout/element-styles.js";
import { fontFor, type RenderContext } from "../../layout/primitives.js";
import { mmToTwips, pointsToHalfPoints } from "../../layout/units.js";

/**
 * What stands outside the 版心 (§7.5 页码, §10.1 the 信函 format's lower rule, §8 turned page numbers),
 * built with the `docx` library's public API as headers and footers: constant parts, made once per
 * font profile. Every section names all of its headers and footers, because a missing one is inherited
 * from the section before (Word's "link to previous").
 */

const exactLine = (twips: number) => ({ line: twips, lineRule: LineRuleType.EXACT, before: 0, after: 0 });

function pageNumberRun(context: RenderContext): TextRun {
  return new TextRun({
    font: fontFor(context, "songti", true),
    size: pointsToHalfPoints(PAGE_NUMBER.sizePt),
    scale: 100,
    children: [`${PAGE_NUMBER.dash} `, PageNumber.CURRENT, ` ${PAGE_NUMBER.dash}`],
  });
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
        spacing: exactLine(PAGE_NUMBER.lineTwips),
        children: [pageNumberRun(context)],
      }),
    ],
  });
}

const emptyParagraph = () => new Paragraph({ spacing: exactLine(PAGE_NUMBER.lineTwips), children: [] });

export const emptyFooter = (): Footer => new Footer({ children: [emptyParagraph()] });
export const emptyHeader = (): Header => new Header({ children: [emptyParagraph()] });

export function numberedFooters(context: RenderContext) {
  return { default: pageNumberFooter(context, "odd"), even: pageNumberFooter(context, "even") };
}

/** The blank page before a 版记 page and the 版记 page itself carry no number (§7.5). */
export function unnumberedFooters() {
  return { default: emptyFooter(), even: emptyFooter() };
}

/**
 * The 信函 format's first page (§10.1): no page number, and the red double rule (thin above, thick
 * below) 170 mm long with its lower edge 20 mm above the paper's bottom, in a frame fixed to the page.
 */
export function letterFirstFooter(): Footer {
  const thin = Math.round((LETTER.thinRuleEighths / 8) * 20);
  const thick = Math.round((LETTER.thickRuleEighths / 8) * 20);
  const height = thin + LETTER.ruleGapTwips + thick;
  const red = (size: number) => ({ style: BorderStyle.SINGLE, size, color: COLOUR.red, space: 0 });
  return new Footer({
    children: [
      new Paragraph({
        style: ELEMENT_STYLES.letterRule.id,
        frame: {
          type: "absolute",
          position: { x: MARGIN.leftTwips - Math.round((LETTER.ruleLengthTwips - TYPE_AREA.widthTwips) / 2), y: PAGE.heightTwips - LETTER.bottomRuleAbovePageEdgeTwips - height },
          width: LETTER.ruleLengthTwips,
          height,
          rule: HeightRule.EXACT,
          anchor: { horizontal: FrameAnchorType.PAGE, vertical: FrameAnchorType.PAGE },
        },
        border: { top: red(LETTER.thinRuleEighths), bottom: red(LETTER.thickRuleEighths) },
        spacing: exactLine(LETTER.ruleGapTwips),
        children: [],
      }),
      emptyParagraph(),
    ],
  });
}

/**
 * Page numbers of landscape pages (§8 横排表格, §7.5): the sheet is turned with the table's head on the
 * 订口 side, so the number stands where the portrait pages have theirs — on the landscape page's left
 * edge, 7 mm outside the 版心, read top to bottom (turned 90° clockwise with the sheet): odd pages
 * towards the bottom, even pages towards the top, 空一字 from the 版心's end. A cell with text
 * direction tbRl in a table fixed to the page carries it.
 */
function landscapePageNumberHeader(context: RenderContext, side: "odd" | "even"): Header {
  const lineTwips = PAGE_NUMBER.lineTwips;
  // The cell is wider than the line and centres it (vAlign turns with the text): where the line sits
  // in a turned cell is up to the renderer, its centre is not.
  const cellTwips = mmToTwips(10);
  // The portrait dash centre, 7 mm under the 版心, is this far from the paper edge the page turns onto.
  const dashCentreFromEdge = PAGE.heightTwips - MARGIN.topTwips - TYPE_AREA.heightTwips - mmToTwips(7);
  const span = mmToTwips(60);
  const numberEdge = side === "odd"
    ? LANDSCAPE.margin.topTwips + TYPE_AREA.widthTwips - PAGE_NUMBER.sideIndentTwips
    : LANDSCAPE.margin.topTwips + PAGE_NUMBER.sideIndentTwips;
  const top = side === "odd" ? numberEdge - span : numberEdge;
  return new Header({
    children: [
      new Table({
        layout: TableLayoutType.FIXED,
        width: { size: cellTwips, type: WidthType.DXA },
        columnWidths: [cellTwips],
        float: {
          horizontalAnchor: TableAnchorType.PAGE,
          verticalAnchor: TableAnchorType.PAGE,
          absoluteHorizontalPosition: dashCentreFromEdge - Math.round(cellTwips / 2),
          absoluteVerticalPosition: top,
        },
        borders: {
          top: { style: BorderStyle.NONE, size: 0, color: "auto" },
          bottom: { style: BorderStyle.NONE, size: 0, color: "auto" },
          left: { style: BorderStyle.NONE, size: 0, color: "auto" },
          right: { style: BorderStyle.NONE, size: 0, color: "auto" },
          insideHorizontal: { style: BorderStyle.NONE, size: 0, color: "auto" },
          insideVertical: { style: BorderStyle.NONE, size: 0, color: "auto" },
        },
        rows: [
          new TableRow({
            height: { value: span, rule: HeightRule.EXACT },
            children: [
              new TableCell({
                width: { size: cellTwips, type: WidthType.DXA },
                margins: { top: 0, bottom: 0, left: 0, right: 0 },
                textDirection: TextDirection.TOP_TO_BOTTOM_RIGHT_TO_LEFT,
                verticalAlign: VerticalAlignTable.CENTER,
                children: [
                  new Paragraph({
                    style: ELEMENT_STYLES.pageNumber.id,
                    alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
                    spacing: exactLine(lineTwips),
                    children: [pageNumberRun(context)],
                  }),
                ],
              }),
            ],
          }),
        ],
      }),
      emptyParagraph(),
    ],
  });
}

export function landscapeHeaders(context: RenderContext) {
  return { default: landscapePageNumberHeader(context, "odd"), even: landscapePageNumberHeader(context, "even") };
}
