import type { FormatId } from "../../document/frame.js";
import { at, docTypeOfTitle, titleText, type CrossRuleProblem } from "../../model/cross-rules.js";

/** The format a 文种 is usually issued in (函 in the 信函 format, 命令 in its own, 纪要 in its own). */
export function defaultFormat(docType: string | undefined): FormatId {
  if (docType === "函") return "letter";
  if (docType === "命令" || docType === "令") return "order";
  if (docType === "纪要") return "minutes";
  return "file";
}

const sameDocType = (a: string, b: string) => a === b || (["命令", "令"].includes(a) && ["命令", "令"].includes(b));

/** The general kind's rules: the title ends with the 文种, and what the chosen 文种 and format imply. */
export function generalCrossRules(data: unknown): CrossRuleProblem[] {
  const problems: CrossRuleProblem[] = [];
  const docType = at(data, ["docType"]);
  const title = titleText(data);
  if (typeof docType === "string" && title && !/[。．.，,；;：:！!？?]$/u.test(title)) {
    const ending = docTypeOfTitle(title);
    if (!ending || !sameDocType(ending, docType)) {
      problems.push({
        path: ["envelope", "title"],
        zh: `标题应以文种“${docType}”结尾${ending ? `（现为“${ending}”）` : ""}`,
        en: `the title must end with the document kind “${docType}”${ending ? ` (it ends with “${ending}”)` : ""}`,
        rule: "title-kind",
        severity: "error",
      });
    }
  }
  const format = (at(data, ["format"]) as FormatId | undefined) ?? defaultFormat(typeof docType === "string" ? docType : undefined);
  if (at(data, ["envelope", "title"]) === undefined && format !== "order") {
    problems.push({ path: ["envelope", "title"], zh: "缺少标题（只有命令格式可以不写）", en: "the title is missing (only the 命令 format may go without)", rule: "required", severity: "error" });
  }
  const addressees = at(data, ["envelope", "addressees"]);
  if (docType === "请示") {
    if (Array.isArray(addressees) && addressees.length > 1) {
      problems.push({
        path: ["envelope", "addressees"], zh: "请示应当一文一事，只主送一个上级机关（条例第十五条）",
        en: "a 请示 goes to one superior organ only (条例 art. 15)", rule: "request-addressee", severity: "warning",
      });
    }
    if (at(data, ["envelope", "signers"]) === undefined && format === "file") {
      problems.push({
        path: ["envelope"], zh: "上报的公文应当标注签发人（GB/T 9704 7.2.6）", en: "a document to a superior organ names its 签发人 (§7.2.6)",
        rule: "signers", severity: "warning",
      });
    }
  }
  if (format === "order" && at(data, ["envelope", "orderNumber"]) === undefined) {
    problems.push({ path: ["envelope"], zh: "命令格式应有令号（orderNumber）", en: "the 命令 format has an order number (orderNumber)", rule: "order-number", severity: "warning" });
  }
  if (format !== "order" && at(data, ["envelope", "orderNumber"]) !== undefined) {
    problems.push({ path: ["envelope", "orderNumber"], zh: "令号只用于命令格式", en: "an order number belongs to the 命令 format", rule: "format-field", severity: "warning" });
  }
  if (format !== "minutes" && (at(data, ["envelope", "issueNumber"]) !== undefined || at(data, ["envelope", "attendance"]) !== undefined)) {
    problems.push({ path: ["envelope"], zh: "期号和出席、列席名单只用于纪要格式", en: "an issue number and attendance belong to the 纪要 format", rule: "format-field", severity: "warning" });
  }
  if (format === "letter" && at(data, ["envelope", "colophon", "printer"]) !== undefined) {
    problems.push({
      path: ["envelope", "colophon", "printer"], zh: "信函格式的版记不印印发机关和印发日期（GB/T 9704 10.1），此项不印出",
      en: "the 信函 format's 版记 has no 印发 line (§10.1); it is not printed", rule: "format-field", severity: "warning",
    });
  }
  return problems;
}
