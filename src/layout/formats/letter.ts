import { ELEMENT_STYLES } from "../element-styles.js";
import { IDEOGRAPH_INK_HEIGHT_EM, GRID, LETTER, MARGIN, TYPE_AREA } from "../gbt9704.js";
import { markSize } from "../masthead.js";
import { gridParagraph, gridSpacing, RED, run, type RenderContext } from "../primitives.js";
import { TAB, type BlockSpec, type BorderLine, type ParagraphSpec } from "../spec.js";
import { mmToTwips, pointsToTwips } from "../units.js";
import type { Frame } from "../../document/frame.js";
import type { FormatProfile } from "./format.js";
import { titleAndAddressees } from "./head-parts.js";

/**
 * 信函格式 (§10.1). The 标志 stands above the 版心 (its top edge 30 mm from the paper's top), so it is a
 * frame fixed to the page; the red double rule, 份号/密级/紧急 (left) and 发文字号 (right) follow in the
 * text flow from the 版心's top, with heights worked out so the title lands two lines below them on the
 * 22-line grid. The rules reach 7 mm past the 版心 on each side (170 mm): negative indents, which
 * paragraph borders follow. The lower double rule and the missing page number of the first page are
 * the first section's decoration (`letter`).
 */

/** How far the rules reach past each edge of the 版心. */
export const LETTER_RULE_OVERHANG_TWIPS = Math.round((LETTER.ruleLengthTwips - TYPE_AREA.widthTwips) / 2);

const rule = (size: number): BorderLine => ({ style: "single", size, color: RED, space: 0 });
const ruleTwips = (eighths: number) => Math.round((eighths / 8) * 20);

function ruleParagraph(lineTwips: number, bottom: BorderLine): ParagraphSpec {
  return {
    kind: "paragraph",
    style: ELEMENT_STYLES.letterRule.id,
    widowControl: false,
    spacing: { line: lineTwips, before: 0, after: 0 },
    indent: { left: -LETTER_RULE_OVERHANG_TWIPS, right: -LETTER_RULE_OVERHANG_TWIPS },
    border: { bottom },
    runs: [],
  };
}

/**
 * The 标志 in a frame whose top is the mark's top edge: its line exactly its size (measured: the ink
 * then starts 0.4 mm above the frame on the preview face), so the frame stays (nearly) above the 版心.
 */
function markFrame(frame: Frame, context: RenderContext): { spec: ParagraphSpec; inkBottomFromPageTwips: number; bottomFromPageTwips: number } {
  // The host organ's mark alone, without 文件 (§10.1).
  const text = frame.mark.names[0] ?? "";
  const size = markSize(text, TYPE_AREA.widthTwips, LETTER.markSizesPt);
  const lineTwips = pointsToTwips(size.sizePt);
  const y = LETTER.markTopFromPageTwips;
  return {
    spec: {
      kind: "paragraph",
      style: ELEMENT_STYLES.issuerMark.id,
      alignment: "center",
      widowControl: false,
      spacing: { line: lineTwips, before: 0, after: 0 },
      frame: { yFromPageTwips: y, heightTwips: lineTwips, widthTwips: TYPE_AREA.widthTwips },
      runs: [run(context, text, { role: "xiaobiaosong", sizePt: size.sizePt, colour: RED, scalePercent: size.scalePercent, offGrid: true, latinInRoleFace: true })],
    },
    inkBottomFromPageTwips: LETTER.markTopFromPageTwips + pointsToTwips(size.sizePt * IDEOGRAPH_INK_HEIGHT_EM),
    bottomFromPageTwips: y + lineTwips,
  };
}

/** A 3号 line's ink top below the line's top, with exact 579-twip lines: 3.4 mm, measured on the body face. */
const GLYPH_TOP_IN_LINE_TWIPS = mmToTwips(3.43);

export const letterFormat: FormatProfile = {
  id: "letter",
  firstDecoration: "letter",
  colophonStyle: "plain",
  colophonOnEvenPage: false,
  head(frame, context) {
    const mark = markFrame(frame, context);
    // The flow starts at the 版心's top, or under the frame if the frame reaches into the 版心.
    const flowStart = Math.max(MARGIN.topTwips, mark.bottomFromPageTwips);
    const thickTop = mark.inkBottomFromPageTwips + LETTER.ruleBelowMarkTwips;
    const thick = ruleParagraph(Math.max(20, thickTop - flowStart), rule(LETTER.thickRuleEighths));
    const thin = ruleParagraph(LETTER.ruleGapTwips, rule(LETTER.thinRuleEighths));
    let y = flowStart - MARGIN.topTwips + (thick.spacing?.line ?? 0) + ruleTwips(LETTER.thickRuleEighths) + LETTER.ruleGapTwips + ruleTwips(LETTER.thinRuleEighths);

    const left = [frame.copyNumber, frame.secrecy, frame.urgency].filter((text): text is string => Boolean(text));
    const rows = Math.max(left.length, frame.docNumber ? 1 : 0);
    const lines: ParagraphSpec[] = [];
    for (let index = 0; index < rows; index++) {
      const before = index === 0 ? Math.max(0, LETTER.textBelowRuleTwips - GLYPH_TOP_IN_LINE_TWIPS) : 0;
      const marker = left[index];
      lines.push(
        gridParagraph({
          style: ELEMENT_STYLES.docNumber.id,
          alignment: "left",
          tabStops: [{ type: "right", position: TYPE_AREA.widthTwips }],
          spacing: gridSpacing(before),
          runs: [
            ...(marker ? [run(context, marker, { role: index === 0 && frame.copyNumber ? "fangsong" : "heiti" })] : []),
            ...(index === 0 && frame.docNumber ? [run(context, [TAB, frame.docNumber])] : []),
          ],
        }),
      );
      y += before + GRID.linePitchTwips;
    }
    // The title two lines under what stands above it, moved to the nearest grid line.
    const pitch = GRID.linePitchTwips;
    const target = Math.round((y + LETTER.blankLinesAboveTitle * pitch) / pitch) * pitch;
    const gap = target - y;
    const [first, ...others] = titleAndAddressees(frame, context, 0, false);
    const rest: BlockSpec[] = first && first.kind === "paragraph"
      ? [{ ...first, spacing: { line: first.spacing?.line ?? pitch, after: 0, before: (first.spacing?.before ?? 0) + gap } }, ...others]
      : [{ ...gridParagraph({ style: ELEMENT_STYLES.spacer.id, runs: [] }), spacing: { line: gap, before: 0, after: 0 } }];
    return [mark.spec, thick, thin, ...lines, ...rest];
  },
};
