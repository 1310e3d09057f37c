import type { Signature, Signer } from "../../document/frame.js";
import { ELEMENT_STYLES } from "../element-styles.js";
import { charsTwips, GRID, setWidthOptions, SIGNATURE, TYPE_AREA } from "../gbt9704.js";
import { emptyLine, gridParagraph, run, type RenderContext } from "../primitives.js";
import { TAB, type ImageRunSpec, type ParagraphSpec } from "../spec.js";
import { textWidth } from "../text-width.js";
import { mmToEmu, mmToTwips, pointsToTwips } from "../units.js";

/**
 * 发文机关署名, 成文日期 and 印章 (§7.3.5.1–7.3.5.2), and the 命令 format's 签发人职务 + 签名章
 * (§7.3.5.3). The blank lines above the 署名 are kept with it, so it never stands on a page of its own.
 */

type OrganSignature = Extract<Signature, { kind: "organ" }>;
type SignerSignature = Extract<Signature, { kind: "signer" }>;

const widthTwips = (text: string) => pointsToTwips(textWidth(text, setWidthOptions()));

export interface SignatureLayout {
  /** Right indents in twips, one per name, and of the date. */
  readonly nameRightTwips: readonly number[];
  readonly dateRightTwips: number;
  readonly blankLinesAbove: number;
}

/** Where the 署名 and the date stand, by the standard's two rules (with and without a seal). */
export function signatureLayout(block: OrganSignature): SignatureLayout {
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

/**
 * §7.3.5.5 lets the layout be tightened, but the one blank line the standard sets between the text and an
 * unsealed 署名 (§7.3.5.2) is part of the form: a fit takes lines only from two or more.
 */
function blanksAbove(natural: number, fewer: number): number {
  return Math.max(Math.min(natural, 1), natural - fewer);
}

/**
 * The signature block's paragraphs; `sealImages` are PNGs, one per 署名, when the data names them.
 * `fewerBlankLines` takes blank lines off above the 署名 where a page cannot hold the block otherwise
 * (§7.3.5.5: 调整行距 rather than leaving the 署名 without 正文).
 */
export function signature(context: RenderContext, block: Signature, sealImages: readonly Uint8Array[] = [], fewerBlankLines = 0): ParagraphSpec[] {
  if (block.kind === "signer") return signerSignature(context, block, fewerBlankLines);
  if (block.seal !== "none" && block.names.length > 1) return jointSealedSignature(context, block, sealImages, fewerBlankLines);
  const full = signatureLayout(block);
  const layout = { ...full, blankLinesAbove: blanksAbove(full.blankLinesAbove, fewerBlankLines) };
  const blanks = Array.from({ length: layout.blankLinesAbove }, () => emptyLine(true));
  const sealImage = sealImages[0];
  const names = block.names.map((name, index) =>
    gridParagraph({
      style: ELEMENT_STYLES.signature.id,
      alignment: "right",
      keepNext: true,
      indent: { right: layout.nameRightTwips[index] ?? 0 },
      runs: [
        run(context, name),
        ...(index === 0 && sealImage ? [sealRun(sealImage, dateCentreTwips(layout.dateRightTwips, block.date), layout.blankLinesAbove)] : []),
      ],
    }),
  );
  const date = gridParagraph({ style: ELEMENT_STYLES.date.id, alignment: "right", indent: { right: layout.dateRightTwips }, runs: [run(context, block.date)] });
  return [...blanks, ...names, date];
}

function dateCentreTwips(dateRightTwips: number, date: string): number {
  return TYPE_AREA.widthTwips - dateRightTwips - widthTwips(date) / 2;
}

/**
 * 联合行文 with seals (§7.3.5.1): the 署名 side by side in the order of the issuing organs, each centred
 * in a column as wide as its seal or its name (with one 字 to spare on each side), columns a little apart
 * so no two seals touch; the last name stands over the date (右空四字), so the last seal presses on both.
 * As many a row as fit in the 版心 (at most three), filled in order, the last row flush right, rows five
 * lines apart so the seals of one row clear those of the next.
 */
function jointSealedSignature(context: RenderContext, block: OrganSignature, sealImages: readonly Uint8Array[], fewerBlankLines: number): ParagraphSpec[] {
  const blankLines = blanksAbove(SIGNATURE.sealedBlankLinesAbove, fewerBlankLines);
  const dateRight = charsTwips(SIGNATURE.sealedDateRightChars);
  const lastCentre = dateCentreTwips(dateRight, block.date);
  const column = block.names.map((name) => Math.max(mmToTwips(SIGNATURE.sealDiameterMm), widthTwips(name) + 2 * charsTwips(1)));
  const gap = mmToTwips(SIGNATURE.jointColumnGapMm);
  /** Centres of a row of names ending in the date's column, or undefined if the row leaves the 版心. */
  const centresOf = (first: number, count: number): number[] | undefined => {
    const centres = [lastCentre];
    for (let i = first + count - 2; i >= first; i--) centres.unshift(centres[0]! - (column[i]! + column[i + 1]!) / 2 - gap);
    return centres[0]! - column[first]! / 2 >= 0 ? centres.map(Math.round) : undefined;
  };
  const rowsOf = (perRow: number) => {
    const rows: { first: number; count: number; centres: number[] }[] = [];
    for (let first = 0; first < block.names.length; first += perRow) {
      const count = Math.min(perRow, block.names.length - first);
      const centres = centresOf(first, count);
      if (!centres) return undefined;
      rows.push({ first, count, centres });
    }
    return rows;
  };
  let rows: ReturnType<typeof rowsOf>;
  for (let perRow = Math.min(SIGNATURE.jointMaxPerRow, block.names.length); perRow >= 1 && !rows; perRow--) rows = rowsOf(perRow);
  const placed = rows ?? block.names.map((_, first) => ({ first, count: 1, centres: [Math.round(lastCentre)] }));

  const out: ParagraphSpec[] = Array.from({ length: blankLines }, () => emptyLine(true));
  placed.forEach(({ first, count, centres }, rowIndex) => {
    const names = block.names.slice(first, first + count);
    const before = rowIndex === 0 ? 0 : (SIGNATURE.jointRowPitchLines - 1) * GRID.linePitchTwips;
    // A picture is placed from the paragraph's top, space before included: each seal reaches up two lines
    // above its own row of names.
    const images = names.flatMap((_, i) => {
      const image = sealImages[first + i];
      return image ? [sealRun(image, centres[i]!, blankLines - before / GRID.linePitchTwips)] : [];
    });
    out.push(
      gridParagraph({
        style: ELEMENT_STYLES.signature.id,
        alignment: "left",
        keepNext: true,
        tabStops: centres.map((position) => ({ type: "center" as const, position })),
        spacing: { line: GRID.linePitchTwips, before, after: 0 },
        runs: [run(context, names.flatMap((name) => [TAB, name])), ...images],
      }),
    );
  });
  out.push(gridParagraph({ style: ELEMENT_STYLES.date.id, alignment: "right", indent: { right: dateRight }, runs: [run(context, block.date)] }));
  return out;
}

/**
 * §7.3.5.3: 正文下空二行, the 签名章 右空四字 with the 职务 左空二字 of it (one signer a line, aligned),
 * then one blank line and the date 右空四字. The name stands where the 签名章 is stamped.
 */
function signerSignature(context: RenderContext, block: SignerSignature, fewerBlankLines: number): ParagraphSpec[] {
  const right = TYPE_AREA.widthTwips - charsTwips(SIGNATURE.signerRightChars);
  const nameWidth = Math.max(...block.signers.map((signer) => widthTwips(signer.name)));
  const titleEnd = right - nameWidth - charsTwips(SIGNATURE.signerTitleGapChars);
  const line = (signer: Signer): ParagraphSpec =>
    gridParagraph({
      style: ELEMENT_STYLES.signature.id,
      alignment: "left",
      keepNext: true,
      tabStops: [
        { type: "right", position: titleEnd },
        { type: "right", position: right },
      ],
      runs: [run(context, [TAB, signer.title ?? "", TAB, signer.name])],
    });
  return [
    ...Array.from({ length: blanksAbove(SIGNATURE.signerBlankLinesAbove, fewerBlankLines) }, () => emptyLine(true)),
    ...block.signers.map(line),
    ...Array.from({ length: SIGNATURE.signerDateBlankLines }, () => emptyLine(true)),
    gridParagraph({ style: ELEMENT_STYLES.date.id, alignment: "right", indent: { right: charsTwips(SIGNATURE.signerRightChars) }, runs: [run(context, block.date)] }),
  ];
}

/**
 * A seal image centred on `centreTwips` and reaching up to the line right after the text, so that the
 * 署名 and date sit in its lower half ("上不压正文、下压成文日期").
 */
function sealRun(image: Uint8Array, centreTwips: number, blankLinesAbove: number): ImageRunSpec {
  const diameterEmu = mmToEmu(SIGNATURE.sealDiameterMm);
  const twipsToEmu = (twips: number) => Math.round(twips * 635);
  return {
    kind: "image",
    png: image,
    sizeEmu: diameterEmu,
    offsetFromMarginEmu: twipsToEmu(centreTwips) - diameterEmu / 2,
    offsetFromParagraphEmu: -twipsToEmu(blankLinesAbove * GRID.linePitchTwips),
    altText: { name: "印章", title: "印章", description: "发文机关印章 / issuing organ's seal" },
  };
}
