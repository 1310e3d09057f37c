import { formatDiagnostic, fromSystemError, isGongwenError, type Diagnostic } from "../errors.js";
import { MAX_PRINTED_MESSAGES } from "../limits.js";

/**
 * How the command line reports: exit codes and printed messages. Commands import this, never cli.ts
 * (which imports the commands), so the CLI has no import cycle.
 */

export const EXIT = {
  ok: 0,
  invalidInput: 1,
  usage: 64,
  noInput: 66,
  software: 70,
  cannotWrite: 73,
  io: 74,
} as const;

/**
 * Prints messages to stderr, at most `limit` (a generator gone wrong produced 14.5 MB of errors), then
 * 「还有 N 条 … and N more」. Errors come before warnings so the ones that matter are never cut.
 */
export function printDiagnostics(diagnostics: readonly Diagnostic[], limit = MAX_PRINTED_MESSAGES): void {
  const ordered = [...diagnostics.filter((d) => d.severity !== "warning"), ...diagnostics.filter((d) => d.severity === "warning")];
  const shown = ordered.length > limit ? ordered.slice(0, limit) : ordered;
  let out = "";
  for (const item of shown) out += `${formatDiagnostic(item)}\n`;
  const more = ordered.length - shown.length;
  if (more > 0) out += `……还有 ${more} 条消息未显示 / … and ${more} more message(s) not shown\n`;
  process.stderr.write(out);
}

export interface FailureOptions {
  /** The command writes files: say that nothing was written (a failing command writes nothing). */
  readonly writes?: boolean;
}

/**
 * Prints a failure and returns its exit code. Library errors print their diagnostics; system errors
 * (no permission, full disk …) their documented code and a one-line message; anything else is an
 * internal error (70) whose stack is printed only with GONGWEN_DEBUG=1 — never by default.
 */
export function reportFailure(error: unknown, options: FailureOptions = {}): number {
  const known = isGongwenError(error) ? error : fromSystemError(error);
  if (known) {
    printDiagnostics(known.diagnostics);
    const errors = known.diagnostics.filter((d) => d.severity !== "warning").length;
    const written = options.writes ? "，未生成任何文件" : "";
    const writtenEn = options.writes ? "; nothing was written" : "";
    process.stderr.write(`共 ${errors} 个错误${written} / ${errors} error(s)${writtenEn}\n`);
    return known.exitCode;
  }
  const detail = process.env.GONGWEN_DEBUG ? ((error as Error)?.stack ?? String(error)) : ((error as Error)?.message ?? String(error));
  process.stderr.write(
    `内部错误 / internal error: ${detail}\n请报告此问题；设置 GONGWEN_DEBUG=1 可显示详细信息 / please report this; GONGWEN_DEBUG=1 shows details\n`,
  );
  return EXIT.software;
}
