import { docNumber, issuerMark, signerLines } from "../frame/head.js";
import { markGeometry } from "../masthead.js";
import { TITLE } from "../gbt9704.js";
import type { FormatProfile } from "./format.js";
import { markerLines, titleAndAddressees } from "./head-parts.js";

/**
 * 文件格式 (§7.2): 标志 35 mm below the 版心 top, 发文字号 two lines under it (居中; 居左 with the 签发人
 * on the right for 上行文), the red rule 4 mm below, the title two lines below the rule. Without a 文号
 * the rule stays where it would be, under an empty 文号 line, so every 文件 has the same 版头 geometry.
 */
export const fileFormat: FormatProfile = {
  id: "file",
  firstDecoration: "numbered",
  colophonStyle: "ruled",
  colophonOnEvenPage: true,
  head(frame, context) {
    const markers = markerLines(frame, context);
    const mark = markGeometry(frame.mark.names, frame.mark.suffix, markers.length);
    const before = mark.spacing.docNumberBeforeTwips;
    const numberLines = frame.signers && frame.signers.length > 0
      ? signerLines(context, frame.docNumber, frame.signers, before)
      : [docNumber(context, frame.docNumber, before)];
    return [
      ...markers,
      ...issuerMark(context, frame.mark.names, frame.mark.suffix, mark),
      ...numberLines,
      ...titleAndAddressees(frame, context, TITLE.blankLinesAbove, true),
    ];
  },
};
