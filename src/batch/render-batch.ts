import { mkdir, rm, stat } from "node:fs/promises";
import { basename, resolve } from "node:path";
import { diagnostic, GongwenError, type Diagnostic } from "../errors.js";
import type { PaginationPlan } from "../layout/paginate.js";
import { NameClaims } from "./name-claims.js";
import { createPool, defaultPoolSize, type Pool } from "./pool.js";
import type { ColophonInfo, RenderTask, TaskResult } from "./task.js";

/**
 * Renders many data files with a pool of renderers (the main thread and worker threads). Each
 * document is written as soon as it is rendered (atomically: a reader or a kill never leaves half a
 * .docx), and only a small record of it is kept, so memory stays flat however many files there are.
 * A file that fails is reported with its diagnostics and the batch goes on.
 */

export interface BatchOptions {
  readonly outDir: string;
  readonly templateDir?: string;
  readonly fonts?: string;
  /** Keep what the PDF layout check needs (batch --pdf). */
  readonly wantColophon?: boolean;
  /** false under -q: warnings are neither looked for nor sent back. */
  readonly warnings?: boolean;
  /** An existing pool (the PDF pass re-renders with it); otherwise one is made and closed. */
  readonly pool?: Pool;
  /** Called as each document finishes, for progress and printing messages as they come. */
  readonly onResult?: (result: BatchItem, counts: { done: number; failed: number; total: number }) => void;
}

export interface RenderedItem {
  readonly ok: true;
  readonly index: number;
  readonly file: string;
  readonly target: string;
  readonly warnings: readonly Diagnostic[];
  plan: PaginationPlan;
  check?: ColophonInfo;
  readonly ms: number;
}

export interface FailedItem {
  readonly ok: false;
  readonly index: number;
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly exitCode: number;
}

export type BatchItem = RenderedItem | FailedItem;

export interface BatchOutcome {
  readonly rendered: RenderedItem[];
  readonly failed: FailedItem[];
  readonly ms: number;
  /** Threads that rendered: the main thread and the workers (0: in-process, the main thread alone). */
  readonly threads: number;
}

/** Documents in flight beyond the workers' own: keeps every worker fed without queueing the batch. */
const EXTRA_IN_FLIGHT = 2;

export async function ensureOutDir(outDir: string): Promise<void> {
  try {
    await mkdir(outDir, { recursive: true });
    if (!(await stat(outDir)).isDirectory()) throw Object.assign(new Error("not a directory"), { code: "ENOTDIR" });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "";
    const zh =
      code === "EACCES" || code === "EPERM" ? "没有写入权限" : code === "ENOTDIR" || code === "EEXIST" ? "路径中有同名文件，不是文件夹" : code === "EROFS" ? "位置只读" : "无法创建";
    throw new GongwenError(
      [diagnostic({ file: outDir, zh: `无法使用输出文件夹（${zh}），未生成任何文件`, en: `cannot use the output folder (${code || (error as Error).message}); nothing was written`, rule: "write" })],
      73,
    );
  }
}

export async function renderBatch(files: readonly string[], options: BatchOptions): Promise<BatchOutcome> {
  const started = performance.now();
  const outDir = resolve(options.outDir);
  await ensureOutDir(outDir);
  const pool = options.pool ?? createPool(Math.min(files.length, defaultPoolSize()));
  const claims = new NameClaims();
  const rendered: RenderedItem[] = [];
  const failed: FailedItem[] = [];
  const total = files.length;

  const record = (item: BatchItem) => {
    if (item.ok) rendered.push(item);
    else failed.push(item);
    options.onResult?.(item, { done: rendered.length + failed.length, failed: failed.length, total });
  };

  const renderOne = async (file: string, index: number) => {
    let claimed: string | undefined;
    const task: RenderTask = { id: index, file, outDir, templateDir: options.templateDir, fonts: options.fonts, wantColophon: options.wantColophon, warnings: options.warnings };
    const result = await pool.run(task, (name) => {
      claimed = name;
      return claims.claim(name, index, file).then((answer) => {
        if (!answer.granted) claimed = undefined;
        return answer;
      });
    });
    if (claimed !== undefined) claims.release(claimed, index);
    record(toItem(result, index));
  };

  try {
    const inFlight = new Set<Promise<void>>();
    const limit = pool.capacity + EXTRA_IN_FLIGHT;
    for (const [index, file] of files.entries()) {
      const job = renderOne(file, index).finally(() => inFlight.delete(job));
      inFlight.add(job);
      if (inFlight.size >= limit) await Promise.race(inFlight);
    }
    await Promise.all(inFlight);
  } finally {
    if (!options.pool) await pool.close();
  }

  // An input whose file an earlier input with the same 发文字号 overwrote is a conflict, not a success.
  for (let i = rendered.length - 1; i >= 0; i--) {
    const item = rendered[i];
    const winner = item && claims.lostTo(item.index);
    if (!item || !winner) continue;
    rendered.splice(i, 1);
    // Names differing only in case are one file on Windows and macOS but two here: the winner's write
    // did not replace this one, which must not stay behind as if it had been kept.
    const kept = rendered.find((other) => other.file === winner);
    if (kept && kept.target !== item.target) await rm(item.target, { force: true });
    failed.push({
      ok: false,
      index: item.index,
      file: item.file,
      exitCode: 1,
      diagnostics: [
        diagnostic({
          file: item.file,
          zh: `发文字号与 ${winner} 相同（都生成 ${basename(item.target)}），以排在前面的 ${winner} 为准，本文件的结果未保留。请核对发文字号`,
          en: `same document number as ${winner} (both make ${basename(item.target)}); ${winner}, listed first, keeps the name and this file's output was not kept. Check the document numbers`,
          rule: "duplicate-docno",
        }),
      ],
    });
  }
  rendered.sort((a, b) => a.index - b.index);
  failed.sort((a, b) => a.index - b.index);
  return { rendered, failed, ms: performance.now() - started, threads: pool.mode === "threads" ? pool.size : 0 };
}

export function toItem(result: TaskResult, index: number): BatchItem {
  if (result.ok) {
    return { ok: true, index, file: result.file, target: result.target, warnings: result.warnings, plan: result.plan, check: result.check, ms: result.ms };
  }
  return { ok: false, index, file: result.file, diagnostics: result.diagnostics, exitCode: result.exitCode };
}
