import { LineRuleType, type IStylesOptions } from "docx";
import { BODY, GRID } from "../../layout/gbt9704.js";
import { pointsToHalfPoints } from "../../layout/units.js";
import { ELEMENT_STYLES } from "../../layout/element-styles.js";
import { fontFor, type RenderContext } from "../../layout/primitives.js";

/**
 * The element styles and the document defaults: 3号仿宋 with Latin in the Latin face, −0.25 pt tracking, exact 579-twip lines.
 * The Normal font size must be 16 pt here, since Word measures the grid against it (spec §1.4).
 * Formatting stays direct on the paragraphs; the styles name what each paragraph is.
 */

export function documentStyles(context: RenderContext): IStylesOptions {
  return {
    default: {
      document: {
        run: {
          font: fontFor(context, "fangsong"),
          size: pointsToHalfPoints(BODY.sizePt),
          sizeComplexScript: pointsToHalfPoints(BODY.sizePt),
          scale: GRID.characterScalePercent,
          language: { value: "en-US", eastAsia: "zh-CN" },
        },
        paragraph: {
          spacing: { line: GRID.linePitchTwips, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        },
      },
    },
    paragraphStyles: Object.values(ELEMENT_STYLES).map((style) => ({ id: style.id, name: style.name, basedOn: "Normal", quickFormat: true })),
  };
}
