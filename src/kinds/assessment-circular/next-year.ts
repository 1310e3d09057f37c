import { isScalar, isSeq, type Document } from "yaml";
import { moveDatesOn, moveDocNumberOn } from "../../model/next-year.js";

/**
 * Next year's circular: besides the envelope's dates and 文号, the assessment period and year move on,
 * and the title's year with them. The content stays as the clerk's draft to rewrite.
 */
export function circularNextYear(document: Document): void {
  moveDatesOn(document, [
    ["content", "assessment", "period", "start"],
    ["content", "assessment", "period", "end"],
  ]);
  const year = document.getIn(["content", "assessment", "year"]);
  if (typeof year === "number") {
    document.setIn(["content", "assessment", "year"], year + 1);
    moveTitleYear(document, year, year + 1);
  }
  moveDocNumberOn(document);
}

function moveTitleYear(document: Document, from: number, to: number): void {
  const node = document.getIn(["envelope", "title"], true);
  const replace = (text: string) => text.replaceAll(`${from}年`, `${to}年`);
  if (isScalar(node) && typeof node.value === "string") node.value = replace(node.value);
  if (isSeq(node)) for (const item of node.items) if (isScalar(item) && typeof item.value === "string") item.value = replace(item.value);
}
