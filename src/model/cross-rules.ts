import type { FieldPath } from "../errors.js";
import { DOC_NUMBER_PATTERN, ISO_DATE_PATTERN, isRealDate } from "./primitives.js";

/**
 * Rules that relate two fields. They read the raw data defensively, so they can run even when the
 * schema found other problems: the user sees every problem in one go. These are the envelope's; each
 * kind adds its own (kinds/…/rules.ts).
 */

export interface CrossRuleProblem {
  readonly path: FieldPath;
  readonly zh: string;
  readonly en: string;
  readonly rule: string;
  readonly severity: "error" | "warning";
}

/** The 15 文种 of the 条例 (第八条), longest first so 命令 is found before 令. */
export const DOC_TYPES = ["决议", "决定", "命令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复", "议案", "纪要", "函", "令"] as const;
export type DocType = (typeof DOC_TYPES)[number];
const DOC_TYPE_AT_END = new RegExp(`(${DOC_TYPES.join("|")})$`, "u");

/** The 文种 a title ends with, if any. */
export function docTypeOfTitle(title: string): DocType | undefined {
  return DOC_TYPE_AT_END.exec(title)?.[1] as DocType | undefined;
}

export function at(data: unknown, path: FieldPath): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<string | number, unknown>)[key];
  }
  return current;
}

/**
 * A real calendar date as its `YYYY-MM-DD` text: for such texts (four-digit years) the order of the
 * strings is the order of the days and the first four digits are the year.
 */
export function dateAt(data: unknown, path: FieldPath): string | undefined {
  const value = at(data, path);
  if (typeof value !== "string" || !ISO_DATE_PATTERN.test(value)) return undefined;
  return isRealDate(value) ? value : undefined;
}

export const yearOf = (date: string) => Number(date.slice(0, 4));

export function docNumberYear(data: unknown, path: FieldPath): number | undefined {
  const value = at(data, path);
  if (typeof value === "string") {
    const match = DOC_NUMBER_PATTERN.exec(value.trim());
    return match ? Number(match[2]) : undefined;
  }
  const year = at(value, ["year"]);
  return typeof year === "number" ? year : undefined;
}

/** `later` must not be before `earlier`. */
export function dateOrder(
  data: unknown,
  earlierPath: FieldPath,
  laterPath: FieldPath,
  zh: string,
  en: string,
  ruleId: string,
): CrossRuleProblem[] {
  const earlier = dateAt(data, earlierPath);
  const later = dateAt(data, laterPath);
  if (!earlier || !later || !(later < earlier)) return [];
  return [{ path: laterPath, zh, en, rule: ruleId, severity: "error" }];
}

export function titleText(data: unknown): string | undefined {
  const title = at(data, ["envelope", "title"]);
  if (typeof title === "string") return title.trim();
  if (Array.isArray(title) && title.every((line) => typeof line === "string")) return title.join("").trim();
  return undefined;
}

/** Duplicates in a list of strings are errors at the later item. */
export function duplicates(data: unknown, path: FieldPath): CrossRuleProblem[] {
  const list = at(data, path);
  if (!Array.isArray(list)) return [];
  const problems: CrossRuleProblem[] = [];
  const seen = new Map<unknown, number>();
  list.forEach((item, index) => {
    const first = seen.get(item);
    if (first !== undefined) {
      problems.push({ path: [...path, index], zh: `与第 ${first + 1} 项重复`, en: `duplicates item ${first + 1}`, rule: "duplicate", severity: "error" });
    } else seen.set(item, index);
  });
  return problems;
}

/** Rules of the envelope every kind shares. */
export function envelopeCrossRules(data: unknown): CrossRuleProblem[] {
  const problems: CrossRuleProblem[] = [
    ...dateOrder(data, ["envelope", "signedOn"], ["envelope", "colophon", "printedOn"],
      "印发日期早于成文日期", "the printing date (印发日期) is before the signing date (成文日期)", "printed-after-signed"),
  ];
  const numberYear = docNumberYear(data, ["envelope", "docNumber"]);
  const signedOn = dateAt(data, ["envelope", "signedOn"]);
  if (numberYear !== undefined && signedOn && numberYear !== yearOf(signedOn)) {
    problems.push({
      path: ["envelope", "docNumber"],
      zh: `发文字号年份 ${numberYear} 与成文日期年份 ${yearOf(signedOn)} 不一致`,
      en: `the document number's year ${numberYear} differs from the signing year ${yearOf(signedOn)}`,
      rule: "docno-year",
      severity: "warning",
    });
  }
  const title = titleText(data);
  if (title !== undefined && /[。．.，,；;：:！!？?]$/u.test(title)) {
    problems.push({ path: ["envelope", "title"], zh: "标题末尾不加标点符号", en: "a title takes no punctuation at its end", rule: "title-punctuation", severity: "error" });
  }
  const seal = at(data, ["envelope", "seal"]);
  const images = at(seal, ["images"]);
  if (Array.isArray(images)) {
    const names = at(data, ["envelope", "signature"]) ?? at(data, ["envelope", "issuers"]);
    if (Array.isArray(names) && names.length !== images.length) {
      problems.push({
        path: ["envelope", "seal", "images"],
        zh: `印章图片有 ${images.length} 枚，署名有 ${names.length} 个，应一一对应`,
        en: `${images.length} seal image(s) for ${names.length} 署名: one per 署名`,
        rule: "seal-count",
        severity: "error",
      });
    }
  }
  return problems;
}
