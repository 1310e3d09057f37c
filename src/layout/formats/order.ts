import { docNumber, issuerMark } from "../frame/head.js";
import { ORDER } from "../gbt9704.js";
import { markGeometry } from "../masthead.js";
import type { FormatProfile } from "./format.js";
import { markerLines, titleAndAddressees } from "./head-parts.js";

/**
 * 命令（令）格式 (§10.2): 标志 (机关名称 + 命令/令) 20 mm below the 版心 top, the 令号 two blank lines
 * under it, the text two blank lines under the 令号; no red rule. A title or 主送, when the data has
 * them, take the text's place in the same way.
 */
export const orderFormat: FormatProfile = {
  id: "order",
  firstDecoration: "numbered",
  colophonStyle: "ruled",
  colophonOnEvenPage: true,
  head(frame, context) {
    const markers = markerLines(frame, context);
    const mark = markGeometry(frame.mark.names, frame.mark.suffix, markers.length, ORDER.markTopBelowTypeAreaTwips);
    return [
      ...markers,
      ...issuerMark(context, frame.mark.names, frame.mark.suffix, mark),
      docNumber(context, frame.docNumber, mark.spacing.docNumberBeforeTwips, false),
      ...titleAndAddressees(frame, context, ORDER.blankLinesAboveText, false),
    ];
  },
};
