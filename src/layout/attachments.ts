import type { Attachment } from "../document/frame.js";
import { layOutBody, type BodyContext, type FlowPiece } from "./body/handlers.js";
import { ELEMENT_STYLES } from "./element-styles.js";
import { title, titleLines } from "./frame/head.js";
import { ATTACHMENT, GRID } from "./gbt9704.js";
import { emptyLine, gridParagraph, run } from "./primitives.js";
import type { ParagraphSpec } from "./spec.js";

/**
 * 附件 pages (§7.3.7): each on a new page, `附件N` in 3号黑体 on line 1, the title centred on line 3 in
 * 2号小标宋, then its body. An 印发件 (no label) starts its page with the title.
 */
export function attachmentPages(context: BodyContext, attachment: Attachment): FlowPiece[] {
  // Broken by meaning like the main title, each line one grid line (the title face stays off the grid).
  const lines = titleLines(attachment.title, ATTACHMENT.titleSizePt);
  const label = attachment.label;
  const head: ParagraphSpec[] = label !== undefined
    ? [
        gridParagraph({ style: ELEMENT_STYLES.attachment.id, pageBreakBefore: true, alignment: "left", runs: [run(context, label, { role: "heiti" })] }),
        title(context, lines, ATTACHMENT.blankLinesBeforeTitle * GRID.linePitchTwips, ELEMENT_STYLES.attachmentTitle.id),
      ]
    : [{ ...title(context, lines, 0, ELEMENT_STYLES.attachmentTitle.id), pageBreakBefore: true }];
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
