import type { Attachment } from "../document/frame.js";
import { layOutBody, type BodyContext, type FlowPiece } from "./body/handlers.js";
import { ELEMENT_STYLES } from "./element-styles.js";
import { ATTACHMENT, GRID, 字号 } from "./gbt9704.js";
import { emptyLine, gridParagraph, gridSpacing, run } from "./primitives.js";

/**
 * 附件 pages (§7.3.7): each on a new page, `附件N` in 3号黑体 on line 1, the title centred on line 3 in
 * 2号小标宋, then its body. An 印发件 (no label) starts its page with the title.
 */
export function attachmentPages(context: BodyContext, attachment: Attachment): FlowPiece[] {
  const titleText = typeof attachment.title === "string" ? [attachment.title] : attachment.title;
  const titleRuns = titleText.map((line, index) =>
    run(context, line, { role: "xiaobiaosong", sizePt: 字号.二号, scalePercent: 100, breakBefore: index > 0 }),
  );
  const label = attachment.label;
  const head = label !== undefined
    ? [
        gridParagraph({ style: ELEMENT_STYLES.attachment.id, pageBreakBefore: true, alignment: "left", runs: [run(context, label, { role: "heiti" })] }),
        gridParagraph({
          style: ELEMENT_STYLES.attachment.id,
          alignment: "center",
          spacing: gridSpacing(ATTACHMENT.blankLinesBeforeTitle * GRID.linePitchTwips),
          runs: titleRuns,
        }),
      ]
    : [gridParagraph({ style: ELEMENT_STYLES.attachment.id, pageBreakBefore: true, alignment: "center", runs: titleRuns })];
  const body = layOutBody(context, attachment.body);
  const first = body[0];
  // An attachment that opens with a wide table stands on the table's landscape pages from its label on.
  if (first && first.kind === "landscape") {
    // The landscape section starts the page already; a page break too would leave a blank page in Word.
    const [label, ...rest] = head;
    const opening = label ? [{ ...label, pageBreakBefore: false }, ...rest] : rest;
    return [{ kind: "landscape", blocks: [...opening, emptyLine(), ...first.blocks] }, ...body.slice(1)];
  }
  return [...head, ...(attachment.body.length > 0 ? [emptyLine()] : []), ...body];
}
