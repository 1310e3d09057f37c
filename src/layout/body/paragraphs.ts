import type { BodyNodeOf, HeadingLevel, ListStyle } from "../../document/body.js";
import type { Inline, Span } from "../../document/inline.js";
import { ELEMENT_STYLES } from "../element-styles.js";
import type { FontRole } from "../fonts.js";
import { BODY } from "../gbt9704.js";
import { gridParagraph, run, type RenderContext } from "../primitives.js";
import type { ParagraphSpec, TextRunSpec } from "../spec.js";

/** 正文 paragraphs (§7.3.3): body text, headings of the four levels (alone or run-in), list items. */

/** §7.3.3: 一级 黑体, 二级 楷体, 三级 and 四级 仿宋. */
export const HEADING_FACE: Record<HeadingLevel, FontRole> = { 1: "heiti", 2: "kaiti", 3: "fangsong", 4: "fangsong" };
const HEADING_STYLE: Record<HeadingLevel, string> = {
  1: ELEMENT_STYLES.heading1.id,
  2: ELEMENT_STYLES.heading2.id,
  3: ELEMENT_STYLES.heading3.id,
  4: ELEMENT_STYLES.heading4.id,
};
/** Span roles in the standard's faces: emphasis in 公文 is set in another face, never in bold. */
const ROLE_FACE: Record<NonNullable<Span["role"]>, FontRole> = { strong: "heiti", emphasis: "kaiti" };

export function bodyParagraph(runs: TextRunSpec[], keepNext = false, style: string = ELEMENT_STYLES.body.id): ParagraphSpec {
  return gridParagraph({
    style,
    alignment: "both",
    indent: { firstLine: BODY.firstLineIndentTwips },
    keepNext,
    runs,
  });
}

/** Runs of spans set in `face` (a span's own role overrides it); `prefix` joins the first run. */
export function spanRuns(context: RenderContext, spans: Inline, face: FontRole = "fangsong", prefix = ""): TextRunSpec[] {
  const out: TextRunSpec[] = [];
  let pending = prefix;
  for (const span of spans) {
    const role = span.role ? ROLE_FACE[span.role] : face;
    out.push(run(context, pending + span.text, role === "fangsong" ? {} : { role }));
    pending = "";
  }
  if (pending) out.push(run(context, pending, face === "fangsong" ? {} : { role: face }));
  return out;
}

export function paragraph(context: RenderContext, node: BodyNodeOf<"paragraph">): ParagraphSpec {
  return { ...bodyParagraph(spanRuns(context, node.content)), ...(node.source ? { source: node.source } : {}) };
}

/**
 * A heading stands alone and is kept with what follows; a run-in heading (`text` after it) heads its
 * paragraph: number and heading in the level's face, then the text in 仿宋 (as in the seed).
 */
export function heading(context: RenderContext, node: BodyNodeOf<"heading">): ParagraphSpec {
  const face = HEADING_FACE[node.level];
  const spec = node.text
    ? bodyParagraph([...spanRuns(context, node.title, face, node.number), ...spanRuns(context, node.text)])
    : bodyParagraph(spanRuns(context, node.title, face, node.number), true, HEADING_STYLE[node.level]);
  return node.source ? { ...spec, source: node.source } : spec;
}

/** List items are body paragraphs led by their number: `1.`, `（1）`, `一是`, each in the body face. */
export function list(context: RenderContext, node: BodyNodeOf<"list">): ParagraphSpec[] {
  return node.items.map((item) => {
    const runs = item.title
      ? [...spanRuns(context, item.title, LIST_FACE[node.style], item.number), ...spanRuns(context, item.content)]
      : spanRuns(context, item.content, "fangsong", item.number);
    const spec = bodyParagraph(runs);
    const source = item.source ?? node.source;
    return source ? { ...spec, source } : spec;
  });
}

const LIST_FACE: Record<ListStyle, FontRole> = { arabic: "fangsong", paren: "fangsong", ordinal: "fangsong" };
