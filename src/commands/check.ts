import { printDiagnostics } from "../cli.js";
import { checkDocxFiles, type CheckInput, type CheckResult } from "../check/check-docx.js";
import { formatResult } from "../check/format.js";
import { isGongwenError } from "../errors.js";
import { readInputFile } from "../load/read-input.js";

export interface CheckCommandOptions {
  readonly json?: boolean;
  /** commander's --no-layout. */
  readonly layout?: boolean;
}

/**
 * Checks each file; exit 0 when none has a finding, 1 when some has, and the trouble code (≥ 2) of the
 * first file that could not be checked: the others are still checked and reported. Unusable input is
 * 2 here (1 means findings), a missing file 66, LibreOffice missing 3, a failed conversion 4.
 */
export async function checkCommand(files: readonly string[], options: CheckCommandOptions): Promise<number> {
  let trouble = 0;
  const inputs: CheckInput[] = [];
  for (const file of files) {
    try {
      inputs.push({ file, bytes: await readInputFile(file) });
    } catch (error) {
      if (!isGongwenError(error)) throw error;
      printDiagnostics(error.diagnostics);
      trouble ||= error.exitCode;
    }
  }
  const results: CheckResult[] = [];
  for (const outcome of await checkDocxFiles(inputs, { layout: options.layout !== false })) {
    if (isGongwenError(outcome)) {
      printDiagnostics(outcome.diagnostics);
      trouble ||= outcome.exitCode === 1 ? 2 : outcome.exitCode;
      continue;
    }
    results.push(outcome);
    if (!options.json) process.stdout.write(formatResult(outcome));
  }
  if (options.json) {
    const out = results.map(({ timings: _timings, ...rest }) => rest);
    process.stdout.write(`${JSON.stringify({ format: "gongwen-check/1", results: out }, null, 2)}\n`);
  }
  if (trouble) return Math.max(2, trouble);
  return results.some((r) => r.findings.length > 0) ? 1 : 0;
}
