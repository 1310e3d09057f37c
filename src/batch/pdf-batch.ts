import { readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, extname, join } from "node:path";
import { diagnostic, isGongwenError, type Diagnostic } from "../errors.js";
import { writeFileAtomic } from "../output/atomic-write.js";
import { convertToPdf, isLibreOfficeAvailable } from "../pdf/libreoffice.js";
import { checkColophon, type ColophonFinding } from "../verify/colophon-check.js";
import { measureLayout } from "../verify/measure.js";
import type { Pool } from "./pool.js";
import type { RenderedItem } from "./render-batch.js";
import { toItem } from "./render-batch.js";
import { makeWorkFolder, removeWorkFolder } from "../platform/interrupt.js";

/**
 * `render --pdf` for a batch. The per-document loop (src/verify/render-verified.ts) starts LibreOffice
 * once per pass per document: ~1 s each. Here every pass converts the whole batch in a few soffice
 * runs (chunks, two at a time on two cores), measures each PDF, and re-renders and re-converts only
 * the documents whose 版记 landed wrong. The PDFs are made in a temporary folder and moved beside
 * their .docx atomically.
 */

export interface PdfBatchOptions {
  readonly pool: Pool;
  readonly outDir: string;
  readonly templateDir?: string;
  readonly fonts?: string;
  /** Time limit of one soffice run, in ms; default 60 s + 3 s per document of the chunk. */
  readonly timeoutMs?: number;
  readonly chunkSize?: number;
  readonly maxPasses?: number;
  /** soffice runs at once; default 2 (one per core here). */
  readonly parallel?: number;
  readonly onProgress?: (done: number, total: number) => void;
}

export interface PdfItem {
  readonly index: number;
  readonly file: string;
  readonly pdf: string;
  readonly verified: boolean;
  readonly passes: number;
  readonly finding?: ColophonFinding;
  readonly reason?: string;
}

export interface PdfFailure {
  readonly index: number;
  readonly file: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly exitCode: number;
}

export interface PdfBatchOutcome {
  readonly libreOfficeMissing: boolean;
  readonly items: PdfItem[];
  readonly failures: PdfFailure[];
  /** soffice runs started, and their total time: what batching saves. */
  readonly sofficeRuns: number;
  readonly conversionMs: number;
}

const DEFAULT_CHUNK = 50;

export async function verifyBatchPdfs(docs: readonly RenderedItem[], options: PdfBatchOptions): Promise<PdfBatchOutcome> {
  if (!isLibreOfficeAvailable()) return { libreOfficeMissing: true, items: [], failures: [], sofficeRuns: 0, conversionMs: 0 };
  const maxPasses = options.maxPasses ?? 3;
  const items: PdfItem[] = [];
  const failures: PdfFailure[] = [];
  let sofficeRuns = 0;
  let conversionMs = 0;
  const work = await makeWorkFolder("gongwen-batch-pdf-");
  try {
    let pending = [...docs];
    for (let pass = 1; pending.length > 0; pass++) {
      const passDir = join(work, `pass${pass}`);
      const chunks = chunk(pending, options.chunkSize ?? DEFAULT_CHUNK);
      const converted = new Map<number, string>();
      await eachLimited(chunks, options.parallel ?? 2, async (part) => {
        const started = performance.now();
        sofficeRuns++;
        const timeoutMs = options.timeoutMs ?? 60_000 + 3_000 * part.length;
        try {
          const results = await convertToPdf(part.map((doc) => doc.target), passDir, { timeoutMs });
          results.forEach((result, i) => converted.set(part[i]?.index ?? -1, result.pdf));
        } catch (error) {
          if (!isGongwenError(error)) throw error;
          // One bad document fails alone; a timeout fails its chunk.
          for (const doc of part) {
            const own = error.diagnostics.filter((d) => d.file !== undefined && basename(d.file) === basename(doc.target));
            const general = error.diagnostics.filter((d) => d.file === undefined);
            if (own.length === 0 && general.length === 0) converted.set(doc.index, join(passDir, `${basename(doc.target, extname(doc.target))}.pdf`));
            else failures.push({ index: doc.index, file: doc.file, diagnostics: withFile(doc.file, [...own, ...general]), exitCode: error.exitCode });
          }
        } finally {
          conversionMs += performance.now() - started;
        }
      });

      const again: RenderedItem[] = [];
      await eachLimited(pending, options.pool.size, async (doc) => {
        const pdf = converted.get(doc.index);
        if (pdf === undefined) return;
        let layout;
        try {
          layout = await measureLayout(pdf);
        } catch (error) {
          if (!isGongwenError(error)) throw error;
          failures.push({ index: doc.index, file: doc.file, diagnostics: withFile(doc.file, error.diagnostics), exitCode: error.exitCode });
          return;
        }
        const finding = doc.check ? checkColophon(doc.check, layout, doc.plan.colophonLines) : undefined;
        const samePlan = finding && finding.wanted.placement === doc.plan.placement && finding.wanted.fillerLines === doc.plan.fillerLines;
        if (!finding || finding.ok || pass >= maxPasses || samePlan) {
          const target = `${doc.target.replace(/\.docx$/iu, "")}.pdf`;
          await writeFileAtomic(target, await readFile(pdf));
          const verified = !finding || finding.ok;
          items.push({ index: doc.index, file: doc.file, pdf: target, verified, passes: pass, finding, reason: verified ? undefined : finding?.problems.join("; ") });
          options.onProgress?.(items.length + failures.length, docs.length);
          return;
        }
        const result = await options.pool.run(
          {
            id: doc.index,
            file: doc.file,
            outDir: options.outDir,
            templateDir: options.templateDir,
            fonts: options.fonts,
            target: doc.target,
            wantColophon: true,
            colophonPlacement: { placement: finding.wanted.placement, fillerLines: finding.wanted.fillerLines },
          },
          () => Promise.resolve({ granted: true }),
        );
        const item = toItem(result, doc.index);
        if (item.ok) again.push(item);
        else failures.push({ index: doc.index, file: doc.file, diagnostics: item.diagnostics, exitCode: item.exitCode });
      });
      pending = again;
    }
  } finally {
    await removeWorkFolder(work);
  }
  items.sort((a, b) => a.index - b.index);
  failures.sort((a, b) => a.index - b.index);
  return { libreOfficeMissing: false, items, failures, sofficeRuns, conversionMs };
}

function withFile(file: string, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  return diagnostics.map((d) => diagnostic({ ...d, file }));
}

function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

/** Runs `work` over the list with at most `limit` at once. */
async function eachLimited<T>(list: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const runners = Array.from({ length: Math.max(1, Math.min(limit, list.length)) }, async () => {
    while (next < list.length) {
      const item = list[next++] as T;
      await work(item);
    }
  });
  await Promise.all(runners);
}
