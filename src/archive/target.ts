import { stat } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { diagnostic, GongwenError } from "../errors.js";
import { DOC_NUMBER_PATTERN } from "../model/primitives.js";
import { normalizeDocNumber } from "./catalog.js";
import { documentFolderName, isYearDirName, versionOfDirName } from "./layout.js";
import type { VerifyScope } from "./verify.js";

/**
 * What `archive verify [path]` should look at: a folder inside the archive (a year, a document or one of
 * its versions), a year (`2022`), or a 发文字号 (`青政务〔2022〕3号`, brackets typed as [] are fine).
 */
export async function resolveScope(root: string, path: string | undefined, cwd = process.cwd()): Promise<VerifyScope> {
  if (path === undefined || path === "") return {};
  const absolute = resolve(cwd, path);
  const isDir = await stat(absolute).then((s) => s.isDirectory(), () => false);
  if (isDir) {
    const inside = relative(root, absolute);
    if (inside === "") return {};
    const parts = inside.split(sep);
    if (inside.startsWith("..") || isAbsolute(inside) || !parts[0] || !isYearDirName(parts[0]) || parts.length > 3 || (parts[2] !== undefined && versionOfDirName(parts[2]) === undefined)) {
      throw notInArchive(path, root);
    }
    return parts[1] === undefined ? { year: parts[0] } : { year: parts[0], folder: parts[1] };
  }
  if (isYearDirName(path)) return { year: path };
  const match = DOC_NUMBER_PATTERN.exec(normalizeDocNumber(path));
  if (match?.[2]) return { year: match[2], folder: documentFolderName(normalizeDocNumber(path)) };
  throw notInArchive(path, root);
}

function notInArchive(path: string, root: string): GongwenError {
  return new GongwenError(
    [
      diagnostic({
        file: path,
        zh: `不是档案库 ${root} 中的年度、发文字号或条目文件夹`,
        en: `not a year, document number or entry folder of the archive ${root}`,
        rule: "archive-usage",
      }),
    ],
    64,
  );
}
