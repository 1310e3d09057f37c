import type { BlockOf } from "../../document/blocks.js";
import { charsTwips, GRID, setWidthOptions, SIGNATURE, TYPE_AREA } from "../../layout/gbt9704.js";
import { textWidth } from "../../layout/text-width.js";
import { mmToEmu, pointsToTwips } from "../../layout/units.js";
import { ELEMENT_STYLES } from "./element-styles.js";
import { emptyLine, gridParagraph, run, type RenderContext } from "./primitives.js";
import type { ImageRunSpec, ParagraphSpec } from "./spec.js";

/**
 * 发文机关署名, 成文日期 and 印章 (§7.3.5). The block is chained with keep-with-next to the last line of
 * the text before it, so the 署名 never stands on a page of its own (§7.3.5.5).
 */

const widthTwips = (text: string) => pointsToTwips(textWidth(text, setWidthOptions()));

export interface SignatureLayout {
  /** Right indents in twips, one per name, and of the date. */
  readonly nameRightTwips: readonly number[];
  readonly dateRightTwips: number;
  readonly blankLinesAbove: number;
}

/** Where the 署名 and the date stand, by the standard's two rules (with and without a seal). */
export function signatureLayout(block: BlockOf<"signature">): SignatureLayout {
  const nameWidths = block.names.map(widthTwips);
  const longest = Math.max(...nameWidths);
  const date = widthTwips(block.date);
  if (block.seal !== "none") {
    // §7.3.5.1: date 右空四字, each 署名 centred on the date.
    const dateRight = charsTwips(SIGNATURE.sealedDateRightChars);
    return {
      nameRightTwips: nameWidths.map((width) => Math.max(0, Math.round(dateRight + (date - width) / 2))),
      dateRightTwips: dateRight,
      blankLinesAbove: SIGNATURE.sealedBlankLinesAbove,
    };
  }
  // §7.3.5.2: 署名 右空二字; the date starts two 字 right of the 署名's first character, but never
  // closer than 右空二字 to the edge (then the 署名 moves left instead).
  const nameRight = charsTwips(SIGNATURE.unsealedNameRightChars);
  const offset = charsTwips(SIGNATURE.unsealedDateOffsetChars);
  const dateRight = Math.max(nameRight + longest - offset - date, nameRight);
  const blockRight = dateRight + date + offset - longest;
  return {
    // Joint names start where the longest does.
    nameRightTwips: nameWidths.map((width) => Math.round(blockRight + longest - width)),
    dateRightTwips: Math.round(dateRight),
    blankLinesAbove: SIGNATURE.unsealedBlankLinesAbove,
  };
}

export function signature(context: RenderContext, block: BlockOf<"signature">, sealImage?: Uint8Array): ParagraphSpec[] {
  const layout = signatureLayout(block);
  const blanks = Array.from({ length: layout.blankLinesAbove }, () => emptyLine(true));
  const names = block.names.map((name, index) =>
    gridParagraph({
      style: ELEMENT_STYLES.signature.id,
      alignment: "right",
      keepNext: true,
      indent: { right: layout.nameRightTwips[index] ?? 0 },
      runs: [
        run(context, name),
        ...(index === 0 && sealImage ? [sealRun(sealImage, layout, block.date)] : []),
      ],
    }),
  );
  const date = gridParagraph({ style: ELEMENT_STYLES.date.id, alignment: "right", indent: { right: layout.dateRightTwips }, runs: [run(context, block.date)] });
  return [...blanks, ...names, date];
}

/**
 * The seal image, centred on the date and reaching up to the line right after the text, so that the
 * 署名 and date sit in its lower half ("上不压正文、下压成文日期").
 */
function sealRun(image: Uint8Array, layout: SignatureLayout, date: string): ImageRunSpec {
  const diameterEmu = mmToEmu(SIGNATURE.sealDiameterMm);
  const dateCentreTwips = TYPE_AREA.widthTwips - layout.dateRightTwips - widthTwips(date) / 2;
  const twipsToEmu = (twips: number) => Math.round(twips * 635);
  return {
    kind: "image",
    png: image,
    sizePixels: Math.round((SIGNATURE.sealDiameterMm / 25.4) * 96),
    offsetFromMarginEmu: twipsToEmu(dateCentreTwips) - diameterEmu / 2,
    offsetFromParagraphEmu: -twipsToEmu(layout.blankLinesAbove * GRID.linePitchTwips),
    altText: { name: "印章", title: "印章", description: "发文机关印章 / issuing organ's seal" },
  };
}
