import { relative } from "node:path";
import type { Diagnostic } from "../errors.js";
import type { PdfBatchOutcome } from "./pdf-batch.js";
import type { BatchOutcome } from "./render-batch.js";

/**
 * The closing report of a batch, Chinese first, English beside: what was written where, how fast,
 * and, for every file that failed, its name and first reason (the full diagnostics were printed as
 * the failures happened).
 */

export interface SummaryInput {
  readonly outcome: BatchOutcome;
  /** Inputs that could not even be read (missing files): failures too. */
  readonly inputProblems: readonly Diagnostic[];
  readonly outDir: string;
  readonly pdf?: PdfBatchOutcome;
  readonly cwd?: string;
}

const seconds = (ms: number) => (ms / 1000).toFixed(ms < 10_000 ? 2 : 1);

export function formatSummary(input: SummaryInput): string {
  const { outcome, outDir } = input;
  const failed = outcome.failed.length + input.inputProblems.filter((d) => d.severity !== "warning").length;
  const rate = outcome.ms > 0 ? (outcome.rendered.length / outcome.ms) * 1000 : 0;
  const threads = outcome.threads > 0 ? `${outcome.threads} 个线程` : "单线程";
  const threadsEn = outcome.threads > 0 ? `${outcome.threads} threads` : "in-process";
  const where = display(outDir, input.cwd);
  let text =
    `已生成 ${outcome.rendered.length} 篇，失败 ${failed} 篇，用时 ${seconds(outcome.ms)} 秒（每秒 ${rate.toFixed(0)} 篇，${threads}）→ ${where}\n` +
    `rendered ${outcome.rendered.length}, failed ${failed} in ${seconds(outcome.ms)} s (${rate.toFixed(0)}/s, ${threadsEn}) → ${where}\n`;
  if (input.pdf && !input.pdf.libreOfficeMissing) {
    const { items, failures, sofficeRuns, conversionMs } = input.pdf;
    const verified = items.filter((item) => item.verified).length;
    const corrected = items.filter((item) => item.passes > 1).length;
    text +=
      `PDF：已生成 ${items.length} 份，排版核验通过 ${verified} 份（其中 ${corrected} 份经重排更正），失败 ${failures.length} 份；LibreOffice 启动 ${sofficeRuns} 次，共 ${seconds(conversionMs)} 秒\n` +
      `PDF: ${items.length} written, ${verified} verified (${corrected} corrected by re-rendering), ${failures.length} failed; ${sofficeRuns} LibreOffice run(s), ${seconds(conversionMs)} s\n`;
    for (const item of items.filter((i) => !i.verified)) text += `  排版核验未通过 / layout check failed: ${display(item.file, input.cwd)}: ${item.reason ?? ""}\n`;
  }
  return text;
}

/** One line per failed file, for the end of the run (stderr). */
export function formatFailureList(input: SummaryInput): string {
  const lines: string[] = [];
  for (const problem of input.inputProblems.filter((d) => d.severity !== "warning")) lines.push(line(problem.file ?? "", problem, input.cwd));
  for (const item of input.outcome.failed) {
    const first = item.diagnostics.find((d) => d.severity !== "warning") ?? item.diagnostics[0];
    lines.push(line(item.file, first, input.cwd, item.diagnostics.filter((d) => d.severity !== "warning").length));
  }
  for (const failure of input.pdf?.failures ?? []) lines.push(line(failure.file, failure.diagnostics[0], input.cwd));
  return lines.length === 0 ? "" : `失败 / failed (${lines.length}):\n${lines.join("\n")}\n`;
}

function line(file: string, first: Diagnostic | undefined, cwd?: string, count = 1): string {
  const more = count > 1 ? `（另有 ${count - 1} 个错误 / ${count - 1} more）` : "";
  return `  ${display(file, cwd)}  ${first ? `${first.zh} / ${first.en}` : ""}${more}`;
}

function display(path: string, cwd = process.cwd()): string {
  const rel = relative(cwd, path);
  return rel === "" ? "." : rel.startsWith("..") ? path : rel;
}
