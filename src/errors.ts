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

/**
 * Exit codes of system errors that reach the command line (sysexits): a file or folder that cannot be
 * created or written — no permission, read-only or full file system, a name too long — is 73; a device
 * failing is 74; an input that is not there is 66. Anything else stays an internal error (70).
 */
const SYSTEM_EXIT: Record<string, number> = {
  EACCES: 73,
  EPERM: 73,
  EROFS: 73,
  ENOSPC: 73,
  EDQUOT: 73,
  ENAMETOOLONG: 73,
  EEXIST: 73,
  ENOTDIR: 73,
  EISDIR: 73,
  EMFILE: 73,
  ENFILE: 73,
  EFBIG: 73,
  EXDEV: 73,
  EIO: 74,
  ENOENT: 66,
};

const SYSTEM_ZH: Record<string, string> = {
  EACCES: "没有权限",
  EPERM: "没有权限",
  EROFS: "文件系统只读",
  ENOSPC: "磁盘已满",
  EDQUOT: "超出磁盘配额",
  ENAMETOOLONG: "文件名或路径过长",
  EEXIST: "文件已存在",
  ENOTDIR: "路径中有一段不是文件夹",
  EISDIR: "这是一个文件夹",
  EMFILE: "打开的文件过多",
  ENFILE: "打开的文件过多",
  EFBIG: "文件过大",
  EXDEV: "不能跨文件系统移动",
  EIO: "读写设备出错",
  ENOENT: "找不到文件或文件夹",
};

/** A Node system error (fs, child process) as a GongwenError with its documented exit code, or undefined. */
export function fromSystemError(error: unknown): GongwenError | undefined {
  const e = error as (NodeJS.ErrnoException & { dest?: string }) | undefined;
  if (!e || typeof e !== "object" || typeof e.code !== "string" || !(e.code in SYSTEM_EXIT)) return undefined;
  const where = e.path ?? e.dest;
  const zh = `${SYSTEM_ZH[e.code]}${where ? `：${where}` : ""}${e.code === "ENOENT" ? "" : "，无法写出"}`;
  const en = `${e.code}${e.syscall ? ` (${e.syscall})` : ""}${where ? `: ${where}` : ""}${e.code === "ENOENT" ? "" : "; cannot write"}`;
  return new GongwenError([diagnostic({ ...(where ? { file: String(where) } : {}), zh, en, rule: "system" })], SYSTEM_EXIT[e.code]);
}
