import { printDiagnostics } from "./report.js";
import { isGongwenError } from "../errors.js";
import { loadDocumentFile } from "../model/validate.js";

/**
 * Checks each file and reports every problem of every file; exit 1 if any file has an error, 66 when
 * the only problems are files that cannot be read (missing, a folder, a device).
 */
export async function validateCommand(files: readonly string[]): Promise<number> {
  let failed = 0;
  let dataErrors = 0;
  for (const file of files) {
    try {
      const loaded = await loadDocumentFile(file);
      // A seal that cannot be read or drawn fails here, before anything is rendered or archived.
      if (typeof loaded.document.envelope.seal === "object") await (await import("../load/seal-images.js")).loadSealImages(loaded);
      const warnings = loaded.warnings;
      printDiagnostics(warnings);
      process.stdout.write(`${file}: 通过 / valid${warnings.length > 0 ? `（${warnings.length} 个警告 / warning(s)）` : ""}\n`);
    } catch (error) {
      if (!isGongwenError(error)) throw error;
      failed++;
      if (error.exitCode !== 66) dataErrors++;
      printDiagnostics(error.diagnostics);
      const errors = error.diagnostics.filter((d) => d.severity !== "warning").length;
      process.stderr.write(`${file}: ${errors} 个错误 / error(s)\n`);
    }
  }
  return failed === 0 ? 0 : dataErrors > 0 ? 1 : 66;
}
