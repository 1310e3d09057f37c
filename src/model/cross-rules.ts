import type { FieldPath } from "../errors.js";
import { DOC_NUMBER_PATTERN, ISO_DATE_PATTERN, isRealDate } from "./primitives.js";

/**
 * Rules that relate two fields. They read the raw data defensively, so they can run even when the
 * schema found other problems: the user sees every problem in one go.
 */

export interface CrossRuleProblem {
  readonly path: FieldPath;
  readonly zh: string;
  readonly en: string;
  readonly rule: string;
  readonly severity: "error" | "warning";
}

const DOCUMENT_KINDS = /(决议|决定|命令|令|公报|公告|通告|意见|通知|通报|报告|请示|批复|议案|函|纪要)$/u;

function at(data: unknown, path: FieldPath): unknown {
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
function dateAt(data: unknown, path: FieldPath): string | undefined {
  const value = at(data, path);
  if (typeof value !== "string" || !ISO_DATE_PATTERN.test(value)) return undefined;
  return isRealDate(value) ? value : undefined;
}

const yearOf = (date: string) => Number(date.slice(0, 4));

function docNumberYear(data: unknown, path: FieldPath): number | undefined {
  const value = at(data, path);
  if (typeof value === "string") {
    const match = DOC_NUMBER_PATTERN.exec(value.trim());
    return match ? Number(match[2]) : undefined;
  }
  const year = at(value, ["year"]);
  return typeof year === "number" ? year : undefined;
}

/** `later` must not be before `earlier`. */
function order(
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

function titleText(data: unknown): string | undefined {
  const title = at(data, ["envelope", "title"]);
  if (typeof title === "string") return title.trim();
  if (Array.isArray(title) && title.every((line) => typeof line === "string")) return title.join("").trim();
  return undefined;
}

export function checkCrossRules(data: unknown): CrossRuleProblem[] {
  const problems: CrossRuleProblem[] = [
    ...order(data, ["content", "assessment", "period", "start"], ["content", "assessment", "period", "end"],
      "考核结束日期早于开始日期", "the assessment period ends before it starts", "period-order"),
    ...order(data, ["content", "assessment", "period", "end"], ["envelope", "signedOn"],
      "成文日期早于考核结束日期", "the signing date is before the end of the assessment period", "signed-after-period"),
    ...order(data, ["envelope", "signedOn"], ["envelope", "colophon", "printedOn"],
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

  const assessmentYear = at(data, ["content", "assessment", "year"]);
  if (typeof assessmentYear === "number" && numberYear !== undefined && assessmentYear > numberYear) {
    problems.push({
      path: ["content", "assessment", "year"],
      zh: `考核年度 ${assessmentYear} 晚于发文年份 ${numberYear}`,
      en: `the assessment year ${assessmentYear} is after the document year ${numberYear}`,
      rule: "assessment-year",
      severity: "error",
    });
  }

  const title = titleText(data);
  if (title !== undefined && title !== "") {
    if (/[。．.，,；;：:！!？?]$/u.test(title)) {
      problems.push({
        path: ["envelope", "title"], zh: "标题末尾不加标点符号", en: "a title takes no punctuation at its end",
        rule: "title-punctuation", severity: "error",
      });
    } else if (!DOCUMENT_KINDS.test(title)) {
      problems.push({
        path: ["envelope", "title"], zh: "标题通常以文种（如“通报”）结尾", en: "a title normally ends with the document kind (e.g. 通报)",
        rule: "title-kind", severity: "warning",
      });
    }
  }

  const awarded = at(data, ["content", "results", "awarded"]);
  if (Array.isArray(awarded)) {
    const seen = new Map<unknown, number>();
    awarded.forEach((unit, index) => {
      const first = seen.get(unit);
      if (first !== undefined) {
        problems.push({
          path: ["content", "results", "awarded", index],
          zh: `与第 ${first + 1} 项重复`, en: `duplicates item ${first + 1}`, rule: "duplicate", severity: "error",
        });
      } else seen.set(unit, index);
    });
  }
  return problems;
}
