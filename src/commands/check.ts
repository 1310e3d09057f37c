import { printDiagnostics } from "../cli.js";
import { checkDocx, type CheckResult } from "../check/check-docx.js";
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
 * first file that could not be checked at all: the others are still checked and reported.
 */
export async function checkCommand(files: readonly string[], options: CheckCommandOptions): Promise<number> {
  const results: CheckResult[] = [];
  let trouble = 0;
  for (const file of files) {
    try {
      const bytes = await readInputFile(file);
      const result = await checkDocx(bytes, file, { layout: options.layout !== false });
      results.push(result);
      if (!options.json) process.stdout.write(formatResult(result));
    } catch (error) {
      if (!isGongwenError(error)) throw error;
      printDiagnostics(error.diagnostics.map((d) => ({ ...d, file: d.file ?? file })));
      trouble ||= error.exitCode;
    }
  }
  if (options.json) {
    const out = results.map(({ timings: _timings, ...rest }) => rest);
    process.stdout.write(`${JSON.stringify({ format: "gongwen-check/1", results: out }, null, 2)}\n`);
  }
  if (trouble) return Math.max(2, trouble === 1 ? 2 : trouble);
  return results.some((r) => r.findings.length > 0) ? 1 : 0;
}
