import dayjs from "dayjs";
import { isMap, isScalar, parseDocument, type Document } from "yaml";
import { diagnostic, GongwenError, type FieldPath } from "../errors.js";
import { DOC_NUMBER_PATTERN } from "./primitives.js";

/**
 * Next year's draft from this year's data file: the envelope's dates one year on and its 文号 moved on,
 * then whatever the kind moves (kinds/…/next-year.ts); comments and content kept (the content is the
 * clerk's draft to rewrite).
 */

const ENVELOPE_DATES: readonly FieldPath[] = [
  ["envelope", "signedOn"],
  ["envelope", "colophon", "printedOn"],
];

function plusOneYear(iso: string): string {
  const date = dayjs(iso, "YYYY-MM-DD", true);
  return date.isValid() ? date.add(1, "year").format("YYYY-MM-DD") : iso;
}

export function moveDatesOn(document: Document, paths: readonly FieldPath[]): void {
  for (const path of paths) {
    const value = document.getIn([...path]);
    if (typeof value === "string") document.setIn([...path], plusOneYear(value));
  }
}

/** The 文号's year and serial one on (the serial is a guess: the register decides it). */
export function moveDocNumberOn(document: Document): void {
  const node = document.getIn(["envelope", "docNumber"], true);
  if (isMap(node)) {
    const year = document.getIn(["envelope", "docNumber", "year"]);
    const serial = document.getIn(["envelope", "docNumber", "serial"]);
    if (typeof year === "number") document.setIn(["envelope", "docNumber", "year"], year + 1);
    if (typeof serial === "number") document.setIn(["envelope", "docNumber", "serial"], serial + 1);
  } else if (isScalar(node) && typeof node.value === "string") {
    const match = DOC_NUMBER_PATTERN.exec(node.value);
    // BigInt: Number() turned a 22-digit serial into 1e+21 and lost its digits.
    if (match) node.value = `${match[1]}〔${BigInt(match[2]!) + 1n}〕${BigInt(match[3]!) + 1n}号`;
  }
}

/** The next-year step of a kind, by its id (the registry's lookup, passed in). */
export type NextYearStep = (document: Document) => void;

export function nextYearDraft(text: string, file: string, stepOf: (kind: string) => NextYearStep | undefined = () => undefined): string {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    throw new GongwenError([diagnostic({ file, zh: "YAML 语法错误，无法生成下一年草稿（先运行 gongwen validate）", en: "YAML syntax error; run gongwen validate first", rule: "yaml-syntax" })]);
  }
  const kind = document.get("kind");
  const kindStep = typeof kind === "string" ? stepOf(kind) : undefined;
  moveDatesOn(document, ENVELOPE_DATES);
  if (kindStep) kindStep(document);
  else moveDocNumberOn(document);
  document.commentBefore = ` 草稿：由 ${file} 顺延一年生成，请逐项核对事实和发文顺序号 / draft moved on one year from ${file}; check every fact and the serial\n${document.commentBefore ?? ""}`;
  return document.toString({ lineWidth: 0 });
}
