import type { AttendanceLine } from "../../document/frame.js";
import { bodyParagraph } from "../body/paragraphs.js";
import { ELEMENT_STYLES } from "../element-styles.js";
import { ATTACHMENT_NOTE, ATTENDANCE, charsTwips, setWidthOptions } from "../gbt9704.js";
import { emptyLine, gridParagraph, run, type RenderContext } from "../primitives.js";
import type { ParagraphSpec } from "../spec.js";
import { textWidth } from "../text-width.js";
import { pointsToTwips } from "../units.js";

/** The 主体's fixed parts after the text: 附件说明 (§7.3.4), 附注 (§7.3.6), 纪要 attendance (§10.3). */

/** 附件说明: 正文下空一行, 左空二字, `附件：1.名称`, wrapped lines aligned with the name. */
export function attachmentNote(context: RenderContext, items: readonly string[]): ParagraphSpec[] {
  const labelTwips = charsTwips(ATTACHMENT_NOTE.labelChars);
  const nameStart = charsTwips(ATTACHMENT_NOTE.leftIndentChars + ATTACHMENT_NOTE.labelChars);
  const numbered = items.length > 1;
  return [
    emptyLine(),
    ...items.map((item, index) => {
      // Wrapped lines start under the name, after the `1.` marker when the list is numbered.
      const marker = numbered ? `${index + 1}.` : "";
      const markerTwips = pointsToTwips(textWidth(marker, setWidthOptions()));
      const text = index === 0 ? `附件：${item}` : item;
      return gridParagraph({
        style: ELEMENT_STYLES.attachmentNote.id,
        alignment: "left",
        indent: index === 0
          ? { left: nameStart + markerTwips, hanging: labelTwips + markerTwips }
          : { left: nameStart + markerTwips, hanging: markerTwips },
        runs: [run(context, text)],
      });
    }),
  ];
}

/** 附注: 居左空二字, in parentheses, on the line below the date. */
export function note(context: RenderContext, text: string): ParagraphSpec {
  return bodyParagraph([run(context, text)], false, ELEMENT_STYLES.note.id);
}

/**
 * 纪要 attendance: 正文或附件说明下空一行, 左空二字, `出席：` in 黑体 and the names in 仿宋, wrapped
 * lines aligned after the colon; 请假 and 列席 each on a new line the same way.
 */
export function attendance(context: RenderContext, lines: readonly AttendanceLine[]): ParagraphSpec[] {
  return [
    emptyLine(),
    ...lines.map((line) => {
      const label = `${line.label}：`;
      const labelTwips = pointsToTwips(textWidth(label, setWidthOptions()));
      const start = charsTwips(ATTENDANCE.leftIndentChars);
      return gridParagraph({
        style: ELEMENT_STYLES.attendance.id,
        alignment: "both",
        indent: { left: start + labelTwips, hanging: labelTwips },
        runs: [run(context, label, { role: "heiti" }), run(context, line.names)],
      });
    }),
  ];
}
