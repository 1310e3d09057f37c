/**
 * Errors are values with a place (file, field path, line, column), a Chinese message and an English one,
 * printed like unified's vfile messages: `file:line:col  中文 / English  [rule]`.
 */

export type FieldPath = ReadonlyArray<string | number>;

export interface Diagnostic {
  readonly file?: string;
  readonly path?: FieldPath;
  readonly line?: number;
  readonly column?: number;
  /** Chinese message, shown first. */
  readonly zh: string;
  /** English message, shown beside the Chinese one. */
  readonly en: string;
  /** Stable rule id, e.g. `yaml-syntax`, `schema`, `date-order`. */
  readonly rule: string;
  readonly severity?: "error" | "warning";
}

/** Thrown by the library when input is unusable; carries every problem found, not only the first. */
export class GongwenError extends Error {
  readonly diagnostics: readonly Diagnostic[];
  /** Process exit code the CLI should use (see README: 退出码 / exit codes). */
  readonly exitCode: number;

  constructor(diagnostics: readonly Diagnostic[], exitCode = 1) {
    super(diagnostics.map(formatDiagnostic).join("\n"));
    this.name = "GongwenError";
    this.diagnostics = diagnostics;
    this.exitCode = exitCode;
  }
}

export function diagnostic(fields: Diagnostic): Diagnostic {
  return { severity: "error", ...fields };
}

/** Renders a field path the way users write it: `results.awarded[1]`. */
export function formatPath(path: FieldPath | undefined): string {
  if (!path || path.length === 0) return "";
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}

export function formatDiagnostic(d: Diagnostic): string {
  let place = d.file ?? "";
  if (d.line !== undefined) place += `:${d.line}${d.column !== undefined ? `:${d.column}` : ""}`;
  const path = formatPath(d.path);
  const where = [place, path].filter(Boolean).join("  ");
  const level = d.severity === "warning" ? "警告 warning" : "错误 error";
  return `${where ? `${where}  ` : ""}${level}  ${d.zh} / ${d.en}  [${d.rule}]`;
}

export function isGongwenError(value: unknown): value is GongwenError {
  return value instanceof GongwenError;
}
