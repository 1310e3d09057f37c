import { readdir, realpath, stat } from "node:fs/promises";
import { join } from "node:path";
import { diagnostic, type Diagnostic } from "../errors.js";

/**
 * The data files a batch renders: files as given, folders scanned (with their sub-folders) for
 * *.yaml / *.yml. The list is sorted and each file appears once, so a batch always processes the
 * same files in the same order, and "the earlier input" (see name-claims.ts) means the same thing
 * on every run. Hidden entries (.git, editor back-ups) are skipped.
 */

export interface ExpandedInputs {
  readonly files: readonly string[];
  /** Inputs that do not exist or cannot be read; the rest of the batch still runs. */
  readonly problems: readonly Diagnostic[];
  /** True when several files, or any folder, were given: `-o` then names a folder. */
  readonly isBatch: boolean;
}

const DATA_FILE = /\.ya?ml$/iu;
/** A folder tree deeper than this is a symlink loop or a mistake. */
const MAX_DEPTH = 16;

export async function expandInputs(inputs: readonly string[]): Promise<ExpandedInputs> {
  const found: string[] = [];
  const problems: Diagnostic[] = [];
  let sawFolder = false;
  for (const input of inputs) {
    let info;
    try {
      info = await stat(input);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code ?? "";
      problems.push(
        diagnostic({
          file: input,
          zh: code === "ENOENT" ? "找不到文件或文件夹" : "无法读取",
          en: code === "ENOENT" ? "no such file or folder" : `cannot read (${code})`,
          rule: "read",
        }),
      );
      continue;
    }
    if (info.isDirectory()) {
      sawFolder = true;
      const before = found.length;
      await scan(input, 0, found, problems);
      if (found.length === before) {
        problems.push(diagnostic({ file: input, zh: "文件夹中没有 .yaml/.yml 数据文件", en: "the folder holds no .yaml/.yml data file", rule: "no-input", severity: "warning" }));
      }
    } else found.push(input);
  }
  const files = await unique(found);
  return { files, problems, isBatch: sawFolder || inputs.length > 1 };
}

async function scan(dir: string, depth: number, found: string[], problems: Diagnostic[]): Promise<void> {
  if (depth > MAX_DEPTH) return;
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch (error) {
    problems.push(diagnostic({ file: dir, zh: "无法读取文件夹", en: `cannot read the folder (${(error as NodeJS.ErrnoException).code})`, rule: "read" }));
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    if (entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) await scan(path, depth + 1, found, problems);
    else if (DATA_FILE.test(entry.name) && (entry.isFile() || entry.isSymbolicLink())) found.push(path);
  }
}

/** Sorted by path, each real file once (the same file reached by two arguments or a symlink). */
async function unique(files: readonly string[]): Promise<string[]> {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const file of [...files].sort()) {
    const real = await realpath(file).catch(() => file);
    if (seen.has(real)) continue;
    seen.add(real);
    out.push(file);
  }
  return out;
}
