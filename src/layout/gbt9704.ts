import { mmToBorderEighths, mmToTwips, pointsToTwips } from "./units.js";

/**
 * Every number of GB/T 9704-2012 that the renderer uses, named after the standard's terms.
 * Clause numbers refer to the standard; see ../shared/spec/gbt9704.md for the derivations.
 * Nothing outside src/layout/ writes a twip, point or colour literal.
 */

/** 字号 (Chinese type sizes) in points, §1.2 of the spec. */
export const 字号 = {
  初号: 42,
  小初: 36,
  一号: 26,
  小一: 24,
  二号: 22,
  小二: 18,
  三号: 16,
  小三: 15,
  四号: 14,
  小四: 12,
} as const;

/** §5.1: A4. OOXML's conventional twips for 210 × 297 mm. */
export const PAGE = { widthTwips: 11906, heightTwips: 16838 } as const;

/** §5.2.1: 天头 37 mm, 订口 28 mm; 版心 156 × 225 mm gives right 26 mm and bottom 35 mm. */
export const MARGIN = {
  topTwips: mmToTwips(37),
  leftTwips: 1587,
  rightTwips: 1474,
  bottomTwips: mmToTwips(35),
  headerTwips: 851,
  /** §7.5: 一字线 7 mm below the 版心; 1446 puts the dash centre there (measured in LibreOffice). */
  footerTwips: 1446,
} as const;

/** 版心 (type area). */
export const TYPE_AREA = {
  widthTwips: PAGE.widthTwips - MARGIN.leftTwips - MARGIN.rightTwips,
  heightTwips: PAGE.heightTwips - MARGIN.topTwips - MARGIN.bottomTwips,
} as const;

/**
 * §5.2.3: 22 lines of 28 characters. 579 twips is the largest pitch that fits 22 lines in 225 mm.
 * 28 三号 characters (28 × 16 pt = 448 pt) need 442.25 pt: every glyph is set at 98 % width (w:w),
 * 15.68 pt a character. The spec's −0.25 pt tracking gives the same count, but LibreOffice 7.4 then
 * drops the punctuation mark hanging at the end of a justified line (measured: "联系电话；" printed
 * without "；"); horizontal scaling does not have that fault and Word honours it alike.
 */
export const GRID = {
  linesPerPage: 22,
  charsPerLine: 28,
  linePitchTwips: 579,
  characterScalePercent: 98,
} as const;

const SCALE = GRID.characterScalePercent / 100;

/** N 字 (§3.1: the width of one character) of a size, as set, in whole twips. */
export function charsTwips(count: number, sizePt: number = 字号.三号): number {
  return Math.round(count * sizePt * SCALE * 20);
}

/** Options for text-width measurement of text set in the document's default scale. */
export function setWidthOptions(sizePt: number = 字号.三号): { fontSizePt: number; trackingPt: number } {
  return { fontSizePt: sizePt * SCALE, trackingPt: 0 };
}

/** 正文 §7.3.3: 3号仿宋, 左空二字, 回行顶格. */
export const BODY = {
  sizePt: 字号.三号,
  firstLineIndentTwips: charsTwips(2),
} as const;

/** 红色 for 标志, 分隔线 and 印章 (§5.2.4); black for everything else. */
export const COLOUR = { red: "FF0000", black: "000000" } as const;

/** §7.2.4 发文机关标志: centred, red, 小标宋; its top edge 35 mm below the 版心's top. */
export const ISSUER_MARK = {
  topBelowTypeAreaTwips: mmToTwips(35),
  /** Sizes tried from the largest down; the standard fixes none ("醒目、美观、庄重"). */
  candidateSizesPt: [字号.初号, 字号.小初, 32, 28, 字号.一号, 字号.小一, 字号.二号],
  /** The mark may fill at most this share of the 版心 width, so it never touches the edges. */
  maxWidthShare: 0.9,
  /** Joint marks: the suffix (文件) column's share of the 版心 width. */
  jointSuffixColumnShare: 0.22,
} as const;

/** §7.2.5–7.2.7: 发文字号 two lines below the mark, red rule 4 mm below it, 版心 wide. */
export const DOC_NUMBER = {
  blankLinesAboveTwips: 2 * GRID.linePitchTwips,
  /** Rule thickness is not in the standard; 1.25 pt (0.44 mm) sits in the 0.35–0.5 mm of practice. */
  redRuleEighths: 10,
  /**
   * Border distance in whole points (w:space): measured on LibreOffice's PDF, 5 pt left 2.8 mm between the
   * 文号's ink and the rule; 8 pt gives 3.9 mm, the nearest to the standard's 4 mm.
   */
  redRuleSpacePt: 8,
} as const;

/** Height the red rule adds below the 发文字号 line, paid back above the title to stay on the grid. */
export const RED_RULE_EXTRA_TWIPS = pointsToTwips(DOC_NUMBER.redRuleSpacePt) + Math.round((DOC_NUMBER.redRuleEighths / 8) * 20);

/** §7.3.1 标题: 2号小标宋, two blank lines below the red rule, centred. */
export const TITLE = {
  sizePt: 字号.二号,
  blankLinesAbove: 2,
} as const;

/** §7.3.2 主送机关: one blank line below the title, flush left. */
export const ADDRESSEES = { blankLinesAbove: 1 } as const;

/** §7.3.5: 署名 and 成文日期. */
export const SIGNATURE = {
  /** With a seal the date stands 右空四字 and the 署名 is centred on it (§7.3.5.1). */
  sealedDateRightChars: 4,
  /** Practice: 署名 two lines below the text, so a 40–42 mm seal reaches within one line of it. */
  sealedBlankLinesAbove: 2,
  /** Without a seal: 正文下空一行, 右空二字 (§7.3.5.2). */
  unsealedBlankLinesAbove: 1,
  unsealedNameRightChars: 2,
  /** The date starts 2 字 right of the 署名's first character. */
  unsealedDateOffsetChars: 2,
  /** Seal images are printed at the size of a 42 mm official seal. */
  sealDiameterMm: 42,
  /**
   * 联合行文 with seals (§7.3.5.1): 署名 side by side, each seal centred on its name, seals "互不相交或相切"
   * and each row inside the 版心: columns at least a seal wide, 3 mm apart; three 42 mm seals fit in
   * the 156 mm left of the date's centre plus half a seal.
   */
  jointColumnGapMm: 3,
  jointMaxPerRow: 3,
  /** Rows of sealed names five lines apart: a 42 mm seal spans 4.1 grid lines, so rows never touch. */
  jointRowPitchLines: 5,
  /** §7.3.5.3 签名章: 正文下空二行, 右空四字; 职务 左空二字 of it; the date one line below, 右空四字. */
  signerBlankLinesAbove: 2,
  signerRightChars: 4,
  signerTitleGapChars: 2,
  signerDateBlankLines: 1,
} as const;

/** §10.3 纪要 attendance: 正文或附件说明下空一行, 左空二字. */
export const ATTENDANCE = { blankLinesAbove: 1, leftIndentChars: 2 } as const;

/** §7.3.4 附件说明: 正文下空一行, 左空二字. */
export const ATTACHMENT_NOTE = { blankLinesAbove: 1, leftIndentChars: 2, labelChars: 3 } as const;

/** §7.4 版记: 4号仿宋, 左右各空一字, first/last rules 0.35 mm, inner rules 0.25 mm, 版心 wide. */
export const COLOPHON = {
  sizePt: 字号.四号,
  sideIndentTwips: charsTwips(1, 字号.四号),
  outerRuleEighths: mmToBorderEighths(0.35),
  innerRuleEighths: mmToBorderEighths(0.25),
  /** `抄送：` is three characters wide: wrapped lines align after it. */
  labelChars: 3,
  /** At least one empty line between the last text and the 版记's first rule. */
  minimumGapLines: 1,
} as const;

/** §7.5 页码: 4号半角宋体, 一字线 on each side, odd pages right / even left, 空一字. */
export const PAGE_NUMBER = {
  sizePt: 字号.四号,
  /** Page numbers are set at full width, so 一字 is the full 14 pt. */
  sideIndentTwips: pointsToTwips(字号.四号),
  dash: "\u2014",
  lineTwips: pointsToTwips(字号.四号),
} as const;

/** §7.3.7 附件 pages: label 3号黑体 on line 1, title on line 3 in 2号小标宋. */
export const ATTACHMENT = { titleSizePt: 字号.二号, blankLinesBeforeTitle: 1, blankLinesAfterTitle: 1 } as const;

/**
 * Tables (§7.3.3 text; the standard fixes no table style). Decisions, each measured in LibreOffice:
 * - every cell line is one grid line (579 twips), in 3号 or 4号, with no space above or below, so each
 *   row is a whole number of lines and the text after a table stays on the 22-line grid;
 * - rules as government tables draw them: a full grid, the outer frame 1 pt, inner rules 0.5 pt;
 * - header rows 黑体 and centred, repeated on every page the table runs onto;
 * - cell text 1/3 字 from the rules;
 * - one blank line after the table, shortened by the outer rule's width, which LibreOffice draws
 *   outside the rows (as with the 版记's first rule).
 */
export const TABLE = {
  outerRuleEighths: 8,
  innerRuleEighths: 4,
  cellSideMarginTwips: charsTwips(1 / 3),
  /** A column is never narrower than two characters. */
  minColumnChars: 2,
  textSizes: { 三号: 字号.三号, 四号: 字号.四号 },
} as const;

/**
 * §8 横排表格: an A4 page turned for a wide table keeps the portrait page's margins on the same edges
 * of the sheet (the table's head on the 订口 side), so its 版心 is 225 × 156 mm and its page number
 * stands where the portrait pages have theirs, turned with the sheet.
 */
export const LANDSCAPE = {
  widthTwips: PAGE.heightTwips,
  heightTwips: PAGE.widthTwips,
  /** Portrait left (订口) becomes the top, portrait bottom the left, portrait top the right. */
  margin: { topTwips: MARGIN.leftTwips, rightTwips: MARGIN.topTwips, bottomTwips: MARGIN.rightTwips, leftTwips: MARGIN.bottomTwips },
  /**
   * The (empty) footer must stay inside the 26 mm bottom margin, or LibreOffice shortens the 版心 by
   * what reaches above it (measured: a 14 pt footer at 25.5 mm cost the landscape pages a line).
   */
  footerTwips: mmToTwips(10),
} as const;

/** §10.2 命令（令）格式: 标志 20 mm below the 版心 top; 令号 and 正文 each two blank lines further down. */
export const ORDER = {
  markTopBelowTypeAreaTwips: mmToTwips(20),
  blankLinesAboveText: 2,
} as const;

/**
 * §10.1 信函格式: 标志 with its top edge 30 mm from the paper's top; red double rules 170 mm long,
 * centred on the 版心, 4 mm below the 标志 (thick above thin) and 20 mm above the paper's bottom (thin
 * above thick), the lower one on the first page only; 份号/密级/紧急 left and 发文字号 right under the
 * upper rule, 7/8 of a 3号 character's height below it; 标题 two lines under them; no page number on
 * the first page. The rules' weights are not in the standard: 1.25 pt (as the 文件 format's rule) and
 * 0.5 pt, 0.6 mm apart.
 */
export const LETTER = {
  markTopFromPageTwips: mmToTwips(30),
  /** The mark stands above the 版心; a larger mark would push the text down. */
  markSizesPt: [字号.二号, 字号.小二],
  ruleBelowMarkTwips: mmToTwips(4),
  ruleLengthTwips: mmToTwips(170),
  thickRuleEighths: 10,
  thinRuleEighths: 4,
  ruleGapTwips: mmToTwips(0.6),
  /** 7/8 of a 3号 character's height (14 pt) between the rule and the text under it. */
  textBelowRuleTwips: pointsToTwips((字号.三号 * 7) / 8),
  bottomRuleAbovePageEdgeTwips: mmToTwips(20),
  blankLinesAboveTitle: 2,
} as const;

/** Share of an ideograph's em box its ink covers from the top inset down (measured on the mark faces). */
export const IDEOGRAPH_INK_HEIGHT_EM = 0.88;

/**
 * §10.3 纪要格式: 纪要标志 35 mm below the 版心 top like the 文件 format; under it the 期号, then the
 * 编印 line (organ left, date right, each 空一字) with the red rule below: the layout of 会议纪要 in
 * practice ("纪要格式可以根据实际制定").
 */
export const MINUTES = { markSuffix: "纪要" } as const;
