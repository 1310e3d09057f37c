import { isScalar, isSeq, type Document } from "yaml";
import { moveDocNumberOn } from "../../model/next-year.js";

/**
 * Next year's draft of a document written by hand: besides the envelope's dates and 文号, the years
 * its title names for the year just ended and the year of signing move on by one (「关于2021年度…」).
 */
export function generalNextYear(document: Document): void {
  moveDocNumberOn(document);
  const signedOn = document.getIn(["envelope", "signedOn"]);
  if (typeof signedOn !== "string" || !/^\d{4}-/.test(signedOn)) return;
  // The dates have moved already: the year signed last time is one before this one.
  const signed = Number(signedOn.slice(0, 4)) - 1;
  const move = (text: string) => text.replaceAll(`${signed}年`, `${signed + 1}年`).replaceAll(`${signed - 1}年`, `${signed}年`);
  const node = document.getIn(["envelope", "title"], true);
  if (isScalar(node) && typeof node.value === "string") node.value = move(node.value);
  if (isSeq(node)) for (const item of node.items) if (isScalar(item) && typeof item.value === "string") item.value = move(item.value);
}
