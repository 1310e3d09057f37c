import { diagnostic, fromSystemError, isGongwenError, type Diagnostic } from "../errors.js";
import type { ColophonPlacement, PaginationPlan } from "../layout/paginate.js";
import { loadDocumentFile } from "../model/validate.js";
import { writeFileAtomic } from "../output/atomic-write.js";
import { directlyInside } from "../output/file-name.js";
import { renderLoaded } from "../pipeline.js";
import { colophonInfo, type ColophonInfo } from "../verify/colophon-check.js";

/**
 * One document of a batch: load, render, claim the output name, write. The same code runs in a worker
 * thread and, where workers are unavailable, in the main thread. The bytes go straight to disk from
 * here; only a small record travels back, so a batch of any size holds no documents in memory.
 */

export interface RenderTask {
  readonly id: number;
  readonly file: string;
  readonly outDir: string;
  readonly templateDir?: string;
  readonly fonts?: string;
  /** A measured correction of the 版记's place (batch --pdf, second pass). */
  readonly colophonPlacement?: { readonly placement: ColophonPlacement; readonly fillerLines: number };
  /** Write here without claiming a name: the name was granted in an earlier pass. */
  readonly target?: string;
  /** Send back what the layout check needs (batch --pdf). */
  readonly wantColophon?: boolean;
  /** false under -q: warnings are not looked for (see LoadOptions). */
  readonly warnings?: boolean;
}

export type { ColophonInfo };

export type TaskResult =
  | {
      readonly id: number;
      readonly ok: true;
      readonly file: string;
      readonly target: string;
      readonly warnings: readonly Diagnostic[];
      readonly plan: PaginationPlan;
      readonly check?: ColophonInfo;
      readonly ms: number;
    }
  | {
      readonly id: number;
      readonly ok: false;
      readonly file: string;
      readonly diagnostics: readonly Diagnostic[];
      readonly exitCode: number;
      readonly ms: number;
    };

export type ClaimAnswer = { readonly granted: true } | { readonly granted: false; readonly owner: string };
/** Asks the batch whether this input may write `name` (two inputs with one 发文字号 must not overwrite each other). */
export type Claim = (name: string) => Promise<ClaimAnswer>;

export async function runTask(task: RenderTask, claim: Claim): Promise<TaskResult> {
  const started = performance.now();
  const elapsed = () => performance.now() - started;
  try {
    const loaded = await loadDocumentFile(task.file, { warnings: task.warnings });
    const result = await renderLoaded(loaded, { templateDir: task.templateDir, fonts: task.fonts, colophonPlacement: task.colophonPlacement });
    let target = task.target;
    if (target === undefined) {
      target = insideOutDir(task.outDir, result.suggestedFileName);
      const answer = await claim(result.suggestedFileName);
      if (!answer.granted) return { id: task.id, ok: false, file: task.file, diagnostics: [conflict(task.file, result.suggestedFileName, answer.owner)], exitCode: 1, ms: elapsed() };
    }
    await writeFileAtomic(target, result.bytes);
    const check = task.wantColophon ? colophonInfo(result.document) : undefined;
    return { id: task.id, ok: true, file: task.file, target, warnings: loaded.warnings, plan: result.plan, check, ms: elapsed() };
  } catch (error) {
    const known = isGongwenError(error) ? error : fromSystemError(error);
    if (known) return { id: task.id, ok: false, file: task.file, diagnostics: known.diagnostics, exitCode: known.exitCode, ms: elapsed() };
    const message = error instanceof Error ? error.message : String(error);
    return {
      id: task.id,
      ok: false,
      file: task.file,
      diagnostics: [diagnostic({ file: task.file, zh: `内部错误：${message}`, en: `internal error: ${message}`, rule: "internal" })],
      exitCode: 70,
      ms: elapsed(),
    };
  }
}

/**
 * The output path for a suggested name. safeFileName already strips separators and `..`; this is the
 * second lock: whatever a 发文字号 says, nothing is written outside the output folder.
 */
export function insideOutDir(outDir: string, name: string): string {
  const target = directlyInside(outDir, name);
  if (target === undefined) throw new Error(`output name escapes the output folder: ${JSON.stringify(name)}`);
  return target;
}

function conflict(file: string, name: string, owner: string): Diagnostic {
  return diagnostic({
    file,
    zh: `发文字号与 ${owner} 相同（都生成 ${name}），以排在前面的 ${owner} 为准，本文件未生成。请核对发文字号`,
    en: `same document number as ${owner} (both make ${name}); ${owner}, listed first, keeps the name and this file was not written. Check the document numbers`,
    rule: "duplicate-docno",
  });
}
