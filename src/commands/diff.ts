import { resolve } from "node:path";
import { GongwenError, diagnostic, isGongwenError } from "../errors.js";
import { fileNameKey } from "../output/file-name.js";
import { compareDrafts } from "../review/compare.js";
import { formatJson } from "../review/format-json.js";
import { formatTerminal } from "../review/format-terminal.js";
import { readDraft, type Draft } from "../review/paragraphs.js";
import { revisionAuthor, revisionDate } from "../review/redline-defaults.js";
import type { RedlineResult } from "../review/redline.js";
import { writeStdout } from "../review/stdout.js";

/**
 * `gongwen diff <old> <new>`: exit status like diff(1) — 0 the drafts are identical, 1 they differ,
 * 2 or more trouble (2 unusable input, 64 usage, 66 unreadable file, 70 internal error, 73 the
 * redline could not be written). Input errors are raised to at least 2 so that "different" and
 * "broken" never share a code.
 */
export interface DiffOptions {
  readonly json?: boolean;
  /** A template folder of the user's own, for data files whose wording lives in templates. */
  readonly templates?: string;
  readonly redline?: string;
  readonly author?: string;
  readonly date?: string;
  /** commander's `--no-color`: false when given. */
  readonly color?: boolean;
}

export const DIFF_EXIT = { identical: 0, different: 1, trouble: 2 } as const;

export async function diffCommand(oldFile: string, newFile: string, options: DiffOptions = {}): Promise<number> {
  try {
    return await runDiff(oldFile, newFile, options);
  } catch (error) {
    if (isGongwenError(error) && error.exitCode < DIFF_EXIT.trouble) throw new GongwenError(error.diagnostics, DIFF_EXIT.trouble);
    throw error;
  }
}

async function runDiff(oldFile: string, newFile: string, options: DiffOptions): Promise<number> {
  if (options.redline !== undefined) guardRedlinePath(options.redline, [oldFile, newFile]);
  const draftOptions = options.templates ? { templateDir: options.templates } : {};
  const [oldDraft, newDraft] = await Promise.all([readDraft(oldFile, draftOptions), readDraft(newFile, draftOptions)]);
  const comparison = compareDrafts(oldDraft, newDraft);

  let redline: string | undefined;
  let written = "";
  if (options.redline !== undefined) {
    const c = await writeRedline(oldDraft, newDraft, options.redline, options);
    redline = options.redline;
    written = ` (修改 changed ${c.changed} · 新增 inserted ${c.inserted} · 删除 deleted ${c.deleted} · 移动 moved ${c.moved})`;
  }

  const code = comparison.identical ? DIFF_EXIT.identical : DIFF_EXIT.different;
  // Set before writing: a reader that closes the pipe early (`| head`) ends the process mid-write.
  process.exitCode = code;
  if (options.json) await writeStdout(formatJson(comparison, redline !== undefined ? { redline } : {}));
  else if (comparison.identical) process.stderr.write("两稿相同 / the drafts are identical\n");
  else await writeStdout(formatTerminal(comparison, { color: useColor(options) }));
  if (redline !== undefined) process.stderr.write(`已生成修订稿 / redline written: ${redline}${written}\n`);
  return code;
}

/** Colour only for a terminal, never when asked not to (`--no-color`, the NO_COLOR convention). */
function useColor(options: DiffOptions): boolean {
  if (options.color === false) return false;
  if (process.env.NO_COLOR !== undefined && process.env.NO_COLOR !== "") return false;
  return process.stdout.isTTY === true;
}

function guardRedlinePath(target: string, inputs: readonly string[]): void {
  // Compared as Windows and macOS compare names: B.docx and b.docx are one file there.
  if (inputs.some((input) => fileNameKey(resolve(input)) === fileNameKey(resolve(target)))) {
    throw new GongwenError(
      [diagnostic({ file: target, zh: "修订稿不能覆盖被比较的文件", en: "the redline must not overwrite one of the compared files", rule: "redline-output" })],
      64,
    );
  }
}

/** Only the redline needs the renderer (and the docx library): loaded here, so plain diffs start fast. */
async function writeRedline(oldDraft: Draft, newDraft: Draft, target: string, options: DiffOptions): Promise<RedlineResult["counts"]> {
  const [{ buildRedline }, { writeFileAtomic }] = await Promise.all([import("../review/redline.js"), import("../output/atomic-write.js")]);
  const bytesOf = async (draft: Draft) =>
    draft.kind === "docx" ? draft.bytes : (await (await import("../pipeline.js")).renderLoaded(draft.loaded!, options.templates ? { templateDir: options.templates } : {})).bytes;
  const [oldBytes, newBytes] = await Promise.all([bytesOf(oldDraft), bytesOf(newDraft)]);
  const date = revisionDate(newDraft, options.date);
  const result = buildRedline(oldBytes, newBytes, {
    author: revisionAuthor(oldDraft, newDraft, options.author),
    ...(date !== undefined ? { date } : {}),
    oldFileName: oldDraft.file,
    newFileName: newDraft.file,
  });
  await writeFileAtomic(target, result.bytes);
  return result.counts;
}
