import type { BlockOf } from "../../document/blocks.js";
import { ATTACHMENT, ATTACHMENT_NOTE, BODY, charsTwips, GRID, setWidthOptions, 字号 } from "../../layout/gbt9704.js";
import type { FontRole } from "../../layout/fonts.js";
import { textWidth } from "../../layout/text-width.js";
import { pointsToTwips } from "../../layout/units.js";
import { ELEMENT_STYLES } from "./element-styles.js";
import { emptyLine, gridParagraph, gridSpacing, run, type RenderContext } from "./primitives.js";
import type { ParagraphSpec, TextRunSpec } from "./spec.js";

/** 正文 (§7.3.3): paragraphs, headings of the four levels, run-in points, 附件说明, 附注, 附件 pages. */

const HEADING_FACE: Record<1 | 2 | 3 | 4, FontRole> = { 1: "heiti", 2: "kaiti", 3: "fangsong", 4: "fangsong" };
const POINT_FACE = { paren: "kaiti", ordinal: "fangsong", arabic: "fangsong" } as const satisfies Record<string, FontRole>;

function bodyParagraph(runs: TextRunSpec[], keepNext = false, style: string = ELEMENT_STYLES.body.id): ParagraphSpec {
  return gridParagraph({
    style,
    alignment: "both",
    indent: { firstLine: BODY.firstLineIndentTwips },
    keepNext,
    runs,
  });
}

export function paragraph(context: RenderContext, block: BlockOf<"paragraph">, keepNext = false): ParagraphSpec {
  return bodyParagraph([run(context, block.text)], keepNext);
}

/** Headings stand alone and are kept with the paragraph after them; numbering is literal text. */
export function heading(context: RenderContext, block: BlockOf<"heading">): ParagraphSpec {
  const style = [ELEMENT_STYLES.heading1, ELEMENT_STYLES.heading2, ELEMENT_STYLES.heading3, ELEMENT_STYLES.heading3][block.level - 1]?.id;
  return bodyParagraph([run(context, `${block.number}${block.text}`, { role: HEADING_FACE[block.level] })], true, style);
}

/** A run-in point: number and title in the heading face, then the text in 仿宋 (as in the seed). */
export function point(context: RenderContext, block: BlockOf<"point">, keepNext = false): ParagraphSpec {
  return bodyParagraph(
    [run(context, `${block.number}${block.title}`, { role: POINT_FACE[block.style] }), run(context, block.text)],
    keepNext,
  );
}

/** 附件说明 §7.3.4: 正文下空一行, 左空二字, `附件：1.名称`, wrapped lines aligned with the name. */
export function attachmentNote(context: RenderContext, block: BlockOf<"attachmentNote">): ParagraphSpec[] {
  const labelTwips = charsTwips(ATTACHMENT_NOTE.labelChars);
  const nameStart = charsTwips(ATTACHMENT_NOTE.leftIndentChars + ATTACHMENT_NOTE.labelChars);
  const numbered = block.items.length > 1;
  return [
    emptyLine(),
    ...block.items.map((item, index) => {
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

/** 附注 §7.3.6: 居左空二字, in parentheses, on the line below the date. */
export function note(context: RenderContext, block: BlockOf<"note">): ParagraphSpec {
  return bodyParagraph([run(context, block.text)], false, ELEMENT_STYLES.note.id);
}

/** 附件 pages §7.3.7: new page, `附件N` in 3号黑体 on line 1, title centred on line 3, then the text. */
export function attachment(context: RenderContext, block: BlockOf<"attachment">): ParagraphSpec[] {
  return [
    gridParagraph({ style: ELEMENT_STYLES.attachment.id, pageBreakBefore: true, alignment: "left", runs: [run(context, block.label, { role: "heiti" })] }),
    gridParagraph({
      style: ELEMENT_STYLES.attachment.id,
      alignment: "center",
      spacing: gridSpacing(ATTACHMENT.blankLinesBeforeTitle * GRID.linePitchTwips),
      runs: [run(context, block.title, { role: "xiaobiaosong", sizePt: 字号.二号, scalePercent: 100 })],
    }),
    ...(block.paragraphs.length > 0 ? [emptyLine()] : []),
    ...block.paragraphs.map((text) => bodyParagraph([run(context, text)])),
  ];
}
