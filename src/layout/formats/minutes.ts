import { ELEMENT_STYLES } from "../element-styles.js";
import { docNumber, issuerMark, RED_RULE } from "../frame/head.js";
import { charsTwips, TITLE, TYPE_AREA } from "../gbt9704.js";
import { markGeometry } from "../masthead.js";
import { gridParagraph, gridSpacing, run } from "../primitives.js";
import { TAB, type ParagraphSpec } from "../spec.js";
import type { FormatProfile } from "./format.js";
import { markerLines, titleAndAddressees } from "./head-parts.js";

/**
 * 纪要格式 (§10.3): the 纪要标志 35 mm below the 版心 top; the 期号 (or 文号) two lines under it; the
 * 编印 line — organ 居左空一字, date 居右空一字 — with the red rule 4 mm below; then the title. The
 * standard leaves the rest to practice ("可以根据实际制定"); this is the 会议纪要 layout of practice.
 */
export const minutesFormat: FormatProfile = {
  id: "minutes",
  firstDecoration: "numbered",
  colophonStyle: "ruled",
  colophonOnEvenPage: true,
  head(frame, context) {
    const markers = markerLines(frame, context);
    const mark = markGeometry(frame.mark.names, frame.mark.suffix, markers.length);
    const before = mark.spacing.docNumberBeforeTwips;
    const lines: ParagraphSpec[] = [];
    const issued = frame.issuedLine;
    if (frame.docNumber !== undefined || !issued) lines.push(docNumber(context, frame.docNumber, before, !issued));
    if (issued) {
      lines.push(
        gridParagraph({
          style: ELEMENT_STYLES.issuedLine.id,
          alignment: "left",
          tabStops: [
            { type: "left", position: charsTwips(1) },
            { type: "right", position: TYPE_AREA.widthTwips - charsTwips(1) },
          ],
          spacing: gridSpacing(lines.length === 0 ? before : 0),
          border: { bottom: RED_RULE },
          runs: [run(context, [TAB, issued.organ, TAB, issued.date])],
        }),
      );
    }
    return [
      ...markers,
      ...issuerMark(context, frame.mark.names, frame.mark.suffix, mark),
      ...lines,
      ...titleAndAddressees(frame, context, TITLE.blankLinesAbove, true),
    ];
  },
};
