import dayjs from "dayjs";
import { isMap, isScalar, isSeq, parseDocument, type Document } from "yaml";
import { diagnostic, GongwenError } from "../errors.js";
import { DOC_NUMBER_PATTERN } from "./primitives.js";

/**
 * Next year's draft from this year's data file: dates one year on, the assessment year and the
 * document number's year and serial moved on, the title's year replaced; comments and content kept
 * (the content is the clerk's draft to rewrite).
 */

const DATE_PATHS = [
  ["envelope", "signedOn"],
  ["envelope", "colophon", "printedOn"],
  ["content", "assessment", "period", "start"],
  ["content", "assessment", "period", "end"],
] as const;

function plusOneYear(iso: string): string {
  const date = dayjs(iso, "YYYY-MM-DD", true);
  return date.isValid() ? date.add(1, "year").format("YYYY-MM-DD") : iso;
}

function moveDocNumber(document: Document): void {
  const node = document.getIn(["envelope", "docNumber"], true);
  if (isMap(node)) {
    const year = document.getIn(["envelope", "docNumber", "year"]);
    const serial = document.getIn(["envelope", "docNumber", "serial"]);
    if (typeof year === "number") document.setIn(["envelope", "docNumber", "year"], year + 1);
    if (typeof serial === "number") document.setIn(["envelope", "docNumber", "serial"], serial + 1);
  } else if (isScalar(node) && typeof node.value === "string") {
    const match = DOC_NUMBER_PATTERN.exec(node.value);
    if (match) node.value = `${match[1]}〔${Number(match[2]) + 1}〕${Number(match[3]) + 1}号`;
  }
}

function moveTitleYear(document: Document, from: number, to: number): void {
  const node = document.getIn(["envelope", "title"], true);
  const replace = (text: string) => text.replaceAll(`${from}年`, `${to}年`);
  if (isScalar(node) && typeof node.value === "string") node.value = replace(node.value);
  if (isSeq(node)) for (const item of node.items) if (isScalar(item) && typeof item.value === "string") item.value = replace(item.value);
}

export function nextYearDraft(text: string, file: string): string {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    throw new GongwenError([diagnostic({ file, zh: "YAML 语法错误，无法生成下一年草稿（先运行 gongwen validate）", en: "YAML syntax error; run gongwen validate first", rule: "yaml-syntax" })]);
  }
  for (const path of DATE_PATHS) {
    const value = document.getIn([...path]);
    if (typeof value === "string") document.setIn([...path], plusOneYear(value));
  }
  const year = document.getIn(["content", "assessment", "year"]);
  if (typeof year === "number") {
    document.setIn(["content", "assessment", "year"], year + 1);
    moveTitleYear(document, year, year + 1);
  }
  moveDocNumber(document);
  document.commentBefore = ` 草稿：由 ${file} 顺延一年生成，请逐项核对事实和发文顺序号 / draft moved on one year from ${file}; check every fact and the serial\n${document.commentBefore ?? ""}`;
  return document.toString({ lineWidth: 0 });
}
