import { printDiagnostics } from "../cli.js";
import { isGongwenError } from "../errors.js";
import { loadDocumentFile } from "../model/validate.js";

/** Checks each file and reports every problem of every file; exit 1 if any file has an error. */
export async function validateCommand(files: readonly string[]): Promise<number> {
  let failed = 0;
  for (const file of files) {
    try {
      const loaded = await loadDocumentFile(file);
      const warnings = loaded.warnings;
      printDiagnostics(warnings);
      process.stdout.write(`${file}: 通过 / valid${warnings.length > 0 ? `（${warnings.length} 个警告 / warning(s)）` : ""}\n`);
    } catch (error) {
      if (!isGongwenError(error)) throw error;
      failed++;
      printDiagnostics(error.diagnostics);
      const errors = error.diagnostics.filter((d) => d.severity !== "warning").length;
      process.stderr.write(`${file}: ${errors} 个错误 / error(s)\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}
