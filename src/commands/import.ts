import { existsSync } from "node:fs";
import { basename, resolve } from "node:path";
import { readDraft } from "../draft/read-draft.js";
import { diagnostic, GongwenError } from "../errors.js";
import { readInputFile } from "../load/read-input.js";
import { parseDocumentText } from "../model/validate.js";
import { writeFileAtomic } from "../output/atomic-write.js";
import { formatReport } from "../import/report.js";
import { importDraft } from "../import/to-data.js";
import { importedYaml } from "../import/yaml-file.js";

export interface ImportOptions {
  readonly output?: string;
  readonly force?: boolean;
  readonly json?: boolean;
}

/**
 * A draft .docx → a data file of the general kind (stdout without -o), and the import report on stderr
 * (stdout with --json). The data file is checked by the same validation `render` uses before it is written.
 */
export async function importCommand(file: string, options: ImportOptions): Promise<number> {
  const target = options.output ? resolve(options.output) : undefined;
  if (target && existsSync(target) && !options.force) {
    throw new GongwenError([diagnostic({ file: target, zh: "文件已存在，未覆盖（需要覆盖请加 --force）", en: "the file exists and was not overwritten (use --force)", rule: "exists" })], 73);
  }
  const bytes = await readInputFile(file);
  const draft = readDraft(bytes, file);
  const imported = importDraft(draft);
  const yaml = importedYaml(imported, basename(file));
  // What is written must load: a file that does not would only confuse the clerk.
  const loaded = parseDocumentText(yaml, target ?? "<stdout>");
  if (target) await writeFileAtomic(target, yaml);
  else if (!options.json) process.stdout.write(yaml);
  if (options.json) {
    process.stdout.write(`${JSON.stringify({ format: "gongwen-import/1", file, output: target ?? null, report: imported.report, data: imported.data, warnings: loaded.warnings.map((w) => ({ zh: w.zh, en: w.en, rule: w.rule })) }, null, 2)}\n`);
  } else {
    process.stderr.write(formatReport(imported.report));
    if (target) process.stderr.write(`已生成 / written: ${target}\n`);
  }
  return 0;
}
