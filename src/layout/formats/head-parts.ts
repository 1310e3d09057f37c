import type { Frame } from "../../document/frame.js";
import { addressees, markerLine, title, titleLines } from "../frame/head.js";
import { GRID, RED_RULE_EXTRA_TWIPS, TITLE } from "../gbt9704.js";
import { emptyLine, type RenderContext } from "../primitives.js";
import type { BlockSpec } from "../spec.js";

/** Pieces several formats stack the same way. */

/** 份号, 密级和保密期限, 紧急程度: lines 1–3 of the 版心, those present, in that order (§7.2.1–7.2.3). */
export function markerLines(frame: Frame, context: RenderContext): BlockSpec[] {
  const out: BlockSpec[] = [];
  if (frame.copyNumber) out.push(markerLine(context, "copyNumber", frame.copyNumber));
  if (frame.secrecy) out.push(markerLine(context, "secrecy", frame.secrecy));
  if (frame.urgency) out.push(markerLine(context, "urgency", frame.urgency));
  return out;
}

/**
 * 标题 `blankLines` lines below what stands above it, 主送机关 one blank line below the title, the text on
 * the next line (§7.3.1–7.3.3). `ruleAbove`: a red rule's border stands right above, whose height is
 * taken back so the title sits on the grid. Without 主送 the text keeps the blank line; without a title
 * the 主送 (or the text) takes the title's place.
 */
export function titleAndAddressees(frame: Frame, context: RenderContext, blankLines: number, ruleAbove: boolean): BlockSpec[] {
  const before = blankLines * GRID.linePitchTwips - (ruleAbove ? RED_RULE_EXTRA_TWIPS : 0);
  const out: BlockSpec[] = [];
  if (frame.title !== undefined) {
    out.push(title(context, titleLines(frame.title, TITLE.sizePt), before));
    if (frame.addressees) out.push(addressees(context, frame.addressees, GRID.linePitchTwips));
    else out.push(emptyLine());
  } else if (frame.addressees) {
    out.push(addressees(context, frame.addressees, before));
  } else {
    // Nothing between the rule and the text: the blank lines alone (the first one carries the rule's height back).
    for (let line = 0; line < blankLines; line++) {
      const spacer = emptyLine();
      out.push(line === 0 && ruleAbove ? { ...spacer, spacing: { line: GRID.linePitchTwips - RED_RULE_EXTRA_TWIPS, before: 0, after: 0 } } : spacer);
    }
  }
  return out;
}
