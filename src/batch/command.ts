import { readdir, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { printDiagnostics } from "../commands/report.js";
import { diagnostic, GongwenError, type Diagnostic } from "../errors.js";
import { libreOfficeMissingWarning, pdfTimeoutMs, type RenderCommandOptions } from "../commands/render.js";
import { expandInputs } from "./inputs.js";
import type { PdfBatchOutcome } from "./pdf-batch.js";
import { createPool, defaultPoolSize } from "./pool.js";
import { ProgressBar } from "./progress.js";
import { renderBatch, ensureOutDir } from "./render-batch.js";
import { formatFailureList, formatSummary } from "./summary.js";
import { signalExitCode } from "../platform/interrupt.js";

/**
 * `gongwen render a.yaml b.yaml data/ -o out/`: the batch side of the render command. Messages go to
 * stderr as they happen (above the progress bar), the summary to stdout at the end. Exit code: 0 all
 * written; 1 any input failed (the others are still written); else 4 / 3 / 2 for a PDF conversion
 * failure, LibreOffice missing, a layout check that did not pass (see docs/exit-codes.md).
 */
export async function renderBatchCommand(inputs: readonly string[], options: RenderCommandOptions): Promise<number> {
  const quiet = options.quiet === true;
  const timeoutMs = pdfTimeoutMs(options);
  const expanded = await expandInputs(inputs);
  const inputErrors = expanded.problems.filter((d) => d.severity !== "warning");
  printDiagnostics(expanded.problems);
  if (expanded.files.length === 0) {
    throw new GongwenError([diagnostic({ zh: "没有可生成的数据文件（.yaml/.yml）", en: "no data files (.yaml/.yml) to render", rule: "no-input" })], 66);
  }
  const outDir = resolve(options.output ?? "output");
  await ensureOutDir(outDir);

  const progress = ProgressBar.forStderr(quiet);
  const printed = new Set<number>();
  const say = (diagnostics: readonly Diagnostic[]) => {
    if (diagnostics.length === 0) return;
    progress.clear();
    printDiagnostics(diagnostics);
  };
  const pool = createPool(Math.min(expanded.files.length, defaultPoolSize()));
  const stopOnSignal = (signal: NodeJS.Signals) => {
    progress.clear();
    process.stderr.write("已中断：已写入的文件完整可用，未完成的没有留下半个文件 / interrupted: files already written are complete; no half files were left\n");
    void pool
      .close()
      .then(() => removeOwnTemporaryFiles(outDir))
      .finally(() => process.exit(signalExitCode(signal)));
  };
  process.once("SIGINT", stopOnSignal);
  process.once("SIGTERM", stopOnSignal);

  let pdf: PdfBatchOutcome | undefined;
  try {
    const outcome = await renderBatch(expanded.files, {
      outDir,
      templateDir: options.templates,
      fonts: options.fonts,
      wantColophon: options.pdf === true,
      warnings: !quiet,
      pool,
      onResult: (item, counts) => {
        if (!item.ok) {
          printed.add(item.index);
          say(item.diagnostics);
        } else if (!quiet) say(item.warnings);
        progress.update(counts.done, counts.failed + inputErrors.length, counts.total, counts.done === counts.total);
      },
    });
    // Conflicts found after the fact (an earlier input took a later one's name).
    say(outcome.failed.filter((item) => !printed.has(item.index)).flatMap((item) => item.diagnostics));

    if (options.pdf && outcome.rendered.length > 0) {
      const { verifyBatchPdfs } = await import("./pdf-batch.js");
      pdf = await verifyBatchPdfs(outcome.rendered, {
        pool,
        outDir,
        templateDir: options.templates,
        fonts: options.fonts,
        timeoutMs,
        onProgress: (done, total) => progress.update(done, 0, total, done === total),
      });
      say(pdf.failures.flatMap((failure) => failure.diagnostics));
      if (pdf.libreOfficeMissing) say([libreOfficeMissingWarning()]);
    }
    progress.clear();

    const summary = { outcome, inputProblems: expanded.problems, outDir, pdf };
    const failures = formatFailureList(summary);
    if (failures) process.stderr.write(failures);
    if (!quiet) process.stdout.write(formatSummary(summary));
    else if (failures) process.stderr.write(formatSummary(summary));

    if (outcome.failed.length > 0 || inputErrors.length > 0) return 1;
    if (pdf?.failures.length) return Math.max(...pdf.failures.map((failure) => failure.exitCode));
    if (pdf?.libreOfficeMissing) return 3;
    if (pdf?.items.some((item) => !item.verified)) return 2;
    return 0;
  } finally {
    process.off("SIGINT", stopOnSignal);
    process.off("SIGTERM", stopOnSignal);
    await pool.close();
  }
}

/** The hidden temporary files this process's writes left when its workers were stopped mid-write. */
async function removeOwnTemporaryFiles(outDir: string): Promise<void> {
  const own = new RegExp(`^\\..*\\.${process.pid}\\.[0-9a-f]{8}\\.tmp$`, "u");
  const names = await readdir(outDir).catch(() => [] as string[]);
  await Promise.all(names.filter((name) => own.test(name)).map((name) => rm(join(outDir, name), { force: true })));
}
