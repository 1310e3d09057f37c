import { at, dateOrder, docNumberYear, docTypeOfTitle, duplicates, titleText, type CrossRuleProblem } from "../../model/cross-rules.js";

/** The assessment circular's own rules: the period in order and before the signing, years, awards. */
export function circularCrossRules(data: unknown): CrossRuleProblem[] {
  const problems: CrossRuleProblem[] = [
    ...dateOrder(data, ["content", "assessment", "period", "start"], ["content", "assessment", "period", "end"],
      "考核结束日期早于开始日期", "the assessment period ends before it starts", "period-order"),
    ...dateOrder(data, ["content", "assessment", "period", "end"], ["envelope", "signedOn"],
      "成文日期早于考核结束日期", "the signing date is before the end of the assessment period", "signed-after-period"),
  ];
  const numberYear = docNumberYear(data, ["envelope", "docNumber"]);
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
  if (title && !/[。．.，,；;：:！!？?]$/u.test(title) && !docTypeOfTitle(title)) {
    problems.push({
      path: ["envelope", "title"], zh: "标题通常以文种（如“通报”）结尾", en: "a title normally ends with the document kind (e.g. 通报)",
      rule: "title-kind", severity: "warning",
    });
  }
  problems.push(...duplicates(data, ["content", "results", "awarded"]));
  return problems;
}
