import type { Signer, TitleText } from "../../document/frame.js";
import { ELEMENT_STYLES } from "../element-styles.js";
import { charsTwips, DOC_NUMBER, setWidthOptions, TITLE, TYPE_AREA } from "../gbt9704.js";
import type { MarkGeometry } from "../masthead.js";
import { gridParagraph, gridSpacing, RED, run, type RenderContext } from "../primitives.js";
import { TAB, type Alignment, type BlockSpec, type BorderLine, type CellSpec, type ParagraphSpec, type TextRunSpec } from "../spec.js";
import { textWidth } from "../text-width.js";
import { breakTitle } from "../title-breaks.js";
import { pointsToTwips } from "../units.js";

/**
 * Pieces of the 版头 (§7.2) and the start of the 主体 shared by the formats: 份号/密级/紧急程度,
 * 发文机关标志, 发文字号 (with 签发人 for 上行文) and the red rule, 标题, 主送机关. Each format
 * (formats/) stacks them with its own distances.
 */

const NO_BORDER: BorderLine = { style: "none", size: 0, color: "auto" };

/** The red rule under the 发文字号: 版心 wide, 4 mm below the number's ink (§7.2.7). */
export const RED_RULE: BorderLine = { style: "single", size: DOC_NUMBER.redRuleEighths, color: RED, space: DOC_NUMBER.redRuleSpacePt };

/** Lines 1–3 of the 版心: 份号 flush left, 密级 and 紧急程度 in 黑体 (§7.2.1–7.2.3). */
export function markerLine(context: RenderContext, kind: "copyNumber" | "secrecy" | "urgency", text: string): ParagraphSpec {
  const role = kind === "copyNumber" ? "fangsong" : "heiti";
  return gridParagraph({ style: ELEMENT_STYLES.marker.id, alignment: "left", runs: [run(context, text, { role })] });
}

export function issuerMark(context: RenderContext, names: readonly string[], suffix: string, geometry: MarkGeometry): BlockSpec[] {
  return geometry.joint ? jointMark(context, names, suffix, geometry) : [singleMark(context, `${names.join("")}${suffix}`, geometry)];
}

function markRun(context: RenderContext, text: string, geometry: MarkGeometry): TextRunSpec {
  const { sizePt, scalePercent } = geometry;
  return run(context, text, { role: "xiaobiaosong", sizePt, colour: RED, scalePercent, offGrid: true, latinInRoleFace: true });
}

export function singleMark(context: RenderContext, text: string, geometry: MarkGeometry): ParagraphSpec {
  const { lineTwips, beforeTwips } = geometry.spacing;
  return {
    kind: "paragraph",
    style: ELEMENT_STYLES.issuerMark.id,
    alignment: "center",
    widowControl: false,
    spacing: { line: lineTwips, before: beforeTwips, after: 0 },
    runs: [markRun(context, text, geometry)],
  };
}

/** 联合行文: names stacked on the left, the shared 文件 centred on them on the right (§7.2.4). */
function jointMark(context: RenderContext, names: readonly string[], suffix: string, geometry: MarkGeometry): BlockSpec[] {
  const { lineTwips, beforeTwips } = geometry.spacing;
  const exact = (line: number) => ({ line, before: 0, after: 0 });
  const cellParagraph = (text: string, alignment: Alignment): ParagraphSpec =>
    ({ kind: "paragraph", style: ELEMENT_STYLES.issuerMark.id, alignment, spacing: exact(lineTwips), runs: [markRun(context, text, geometry)] });
  const cell = (children: ParagraphSpec[], widthTwips: number): CellSpec => ({
    widthTwips,
    verticalAlign: "center",
    zeroMargins: true,
    borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER },
    children,
  });
  return [
    // Table rows take no spacing-before: a spacer paragraph carries the 35 mm.
    { kind: "paragraph", style: ELEMENT_STYLES.issuerMark.id, spacing: exact(Math.max(20, beforeTwips)), runs: [] },
    {
      kind: "table",
      widthTwips: TYPE_AREA.widthTwips,
      columnWidths: [geometry.namesColumnTwips, geometry.suffixColumnTwips],
      borders: { top: NO_BORDER, bottom: NO_BORDER, left: NO_BORDER, right: NO_BORDER, insideHorizontal: NO_BORDER, insideVertical: NO_BORDER },
      rows: [
        {
          cells: [
            cell(names.map((name) => cellParagraph(name, "distribute")), geometry.namesColumnTwips),
            cell([cellParagraph(suffix, "center")], geometry.suffixColumnTwips),
          ],
        },
      ],
    },
  ];
}

/** 发文字号 (or 令号, 期号) centred on its line; `rule` draws the red rule 4 mm below it. */
export function docNumber(context: RenderContext, text: string | undefined, beforeTwips: number, rule = true): ParagraphSpec {
  return gridParagraph({
    style: ELEMENT_STYLES.docNumber.id,
    alignment: "center",
    spacing: gridSpacing(beforeTwips),
    ...(rule ? { border: { bottom: RED_RULE } } : {}),
    runs: text === undefined ? [] : [run(context, text)],
  });
}

/** Signers shown two to a line, in the order of the issuing organs (§7.2.6). */
const SIGNERS_PER_LINE = 2;
const SIGNER_LABEL = "签发人：";
const SIGNER_GAP = "\u3000";

/**
 * 上行文 (§7.2.6): the 文号 居左空一字 on the line of the last signer; `签发人：` in 仿宋 and the names
 * in 楷体 居右空一字, further lines aligned under the first name; the red rule below the last line.
 */
export function signerLines(context: RenderContext, text: string | undefined, signers: readonly Signer[], beforeTwips: number): ParagraphSpec[] {
  const lines: string[] = [];
  for (let i = 0; i < signers.length; i += SIGNERS_PER_LINE) {
    lines.push(signers.slice(i, i + SIGNERS_PER_LINE).map((signer) => signer.name).join(SIGNER_GAP));
  }
  const width = (value: string) => pointsToTwips(textWidth(value, setWidthOptions()));
  const labelTwips = width(SIGNER_LABEL);
  const right = TYPE_AREA.widthTwips - charsTwips(1);
  const labelStart = right - labelTwips - Math.max(...lines.map(width));
  const tabStops = [
    { type: "left" as const, position: charsTwips(1) },
    { type: "left" as const, position: labelStart },
    { type: "left" as const, position: labelStart + labelTwips },
  ];
  return lines.map((names, index) => {
    const last = index === lines.length - 1;
    return gridParagraph({
      style: ELEMENT_STYLES.docNumber.id,
      alignment: "left",
      tabStops,
      spacing: gridSpacing(index === 0 ? beforeTwips : 0),
      ...(last ? { border: { bottom: RED_RULE } } : {}),
      runs: [
        run(context, [TAB, ...(last && text !== undefined ? [text] : []), TAB, ...(index === 0 ? [SIGNER_LABEL] : []), TAB]),
        run(context, names, { role: "kaiti" }),
      ],
    });
  });
}

/** A title's lines: as written, or broken by meaning (§7.3.1), set at full width without tracking. */
export function titleLines(title: TitleText, sizePt: number = TITLE.sizePt): readonly string[] {
  return typeof title === "string" ? breakTitle(title, { trackingPt: 0, fontSizePt: sizePt }) : title;
}

/** 标题 in 2号小标宋, centred, its lines broken as given. */
export function title(context: RenderContext, lines: readonly string[], beforeTwips: number, style: string = ELEMENT_STYLES.title.id): ParagraphSpec {
  return gridParagraph({
    style,
    alignment: "center",
    keepNext: true,
    keepLines: true,
    spacing: gridSpacing(beforeTwips),
    runs: lines.map((line, index) => run(context, line, { role: "xiaobiaosong", sizePt: TITLE.sizePt, scalePercent: 100, breakBefore: index > 0, latinInRoleFace: true })),
  });
}

/** 主送机关: flush left, wrapped lines flush left too (§7.3.2). */
export function addressees(context: RenderContext, text: string, beforeTwips: number): ParagraphSpec {
  return gridParagraph({
    style: ELEMENT_STYLES.addressees.id,
    alignment: "both",
    spacing: gridSpacing(beforeTwips),
    runs: [run(context, text)],
  });
}
