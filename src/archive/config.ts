import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { diagnostic, GongwenError } from "../errors.js";

/**
 * The archive's own settings, `archive.json` at the archive root, written once by the archivist:
 * the parts of the 档号 (DA/T 22-2015 §6) that belong to the archive, not to the document.
 *
 *   { "全宗号": "Z109", "机构代码": "BGS" }
 *
 * Without the file (or without 全宗号) entries still get a 件号, but no 档号.
 */

export const CONFIG_FILE = "archive.json";

/** 全宗号 and codes go into a file-name-like 档号: letters, digits and a few separators only. */
const code = z.string().regex(/^[0-9A-Za-z]{1,16}$/, "只能由字母和数字组成（1–16 位）/ letters and digits only (1–16)");

export const archiveConfig = z.strictObject({
  /** 全宗号, assigned by the archives (档案馆) to the 立档单位. */
  全宗号: code.optional(),
  /** 机构（问题）代码, optional in DA/T 22 (e.g. BGS = 办公室). */
  机构代码: code.optional(),
  /** 档案门类代码: WS = 文书 for 公文. */
  门类代码: code.default("WS"),
  /** 立档单位名称, for the catalogue heading. */
  立档单位: z.string().min(1).optional(),
});

export type ArchiveConfig = z.output<typeof archiveConfig>;

export async function readArchiveConfig(root: string): Promise<ArchiveConfig> {
  const file = join(root, CONFIG_FILE);
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return archiveConfig.parse({});
    throw new GongwenError([diagnostic({ file, zh: "无法读取档案库配置", en: `cannot read the archive config (${(error as Error).message})`, rule: "archive-config" })], 66);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (error) {
    throw new GongwenError([diagnostic({ file, zh: "档案库配置不是有效的 JSON", en: `the archive config is not valid JSON (${(error as Error).message})`, rule: "archive-config" })], 1);
  }
  const parsed = archiveConfig.safeParse(data);
  if (!parsed.success) {
    throw new GongwenError(
      parsed.error.issues.map((issue) =>
        diagnostic({ file, path: issue.path.map(String), zh: `档案库配置有误：${issue.message}`, en: `invalid archive config: ${issue.message}`, rule: "archive-config" }),
      ),
      1,
    );
  }
  return parsed.data;
}
