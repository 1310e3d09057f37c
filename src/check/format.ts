/** Findings for people: Chinese first with English beside, one finding a line, the place first. */
import type { CheckResult } from "./check-docx.js";
import type { Finding } from "./finding.js";

export function placeOf(finding: Finding): string {
  const parts: string[] = [];
  if (finding.where.page !== undefined) parts.push(`第 ${finding.where.page} 页${finding.where.line !== undefined ? `第 ${finding.where.line} 行` : ""}`);
  if (finding.where.paragraph !== undefined) parts.push(`第 ${finding.where.paragraph} 段`);
  if (finding.where.words) parts.push(`“${finding.where.words}”`);
  return parts.join(" ");
}

export function formatFinding(finding: Finding): string {
  const level = finding.severity === "error" ? "错误 error" : "警告 warning";
  const more = finding.count > 1 ? `（共 ${finding.count} 处 / ${finding.count} places）` : "";
  const place = placeOf(finding);
  return `${finding.clause.padEnd(9)} ${level}  ${finding.element}：${finding.zh}${more} / ${finding.en}\n` +
    `          ${place ? `${place}  ` : ""}实测 measured: ${finding.measured}  应为 wanted: ${finding.wanted}  [${finding.rule}]`;
}

export function formatResult(result: CheckResult): string {
  const errors = result.findings.filter((f) => f.severity === "error").length;
  const warnings = result.findings.length - errors;
  const special = {
    file: "",
    letter: "信函格式 §10.1：查标志位置、红色双线、首页页码和与文件格式共有的规则 / its own mark, double lines and first page, and the rules it shares with the 文件 format",
    order: "命令格式 §10.2：查标志位置和与文件格式共有的规则 / its own mark, and the rules it shares with the 文件 format",
    minutes: "纪要格式 §10.3：查标志位置、出席名单字体和与文件格式共有的规则 / its own mark and attendance faces, and the rules it shares with the 文件 format",
  }[result.format];
  const head = `${result.file}${result.pages !== undefined ? `（${result.pages} 页 / pages）` : "（未排版检查 / layout not checked）"}${special ? `［${special}］` : ""}`;
  if (result.findings.length === 0) return `${head}: 未发现不合 GB/T 9704 之处 / no deviation from GB/T 9704 found\n`;
  return `${head}\n${result.findings.map(formatFinding).join("\n")}\n共 ${errors} 个错误、${warnings} 个警告 / ${errors} error(s), ${warnings} warning(s)\n`;
}
