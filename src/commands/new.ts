import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { diagnostic, GongwenError } from "../errors.js";
import { findKind } from "../kinds/registry.js";
import { nextYearDraft } from "../model/next-year.js";
import { parseDocumentText } from "../model/validate.js";
import { writeFileAtomic } from "../output/atomic-write.js";
import { SAMPLE_DATA_FILE } from "../pipeline.js";

export interface NewCommandOptions {
  readonly from?: string;
  readonly output: string;
  readonly force?: boolean;
}

/** Starts a data file: a copy of the sample, or next year's draft made from a given year's file. */
export async function newCommand(options: NewCommandOptions): Promise<number> {
  const target = resolve(options.output);
  if (existsSync(target) && !options.force) {
    throw new GongwenError([diagnostic({ file: target, zh: "文件已存在，未覆盖（需要覆盖请加 --force）", en: "the file exists and was not overwritten (use --force)", rule: "exists" })], 73);
  }
  const source = options.from ?? SAMPLE_DATA_FILE;
  const text = await readFile(source, "utf8").catch(() => {
    throw new GongwenError([diagnostic({ file: source, zh: "找不到文件", en: "file not found", rule: "read" })], 66);
  });
  const output = options.from ? nextYearDraft(text, source, (kind) => findKind(kind)?.nextYear) : text;
  // The result must itself be valid: a draft that does not load would only confuse the clerk.
  parseDocumentText(output, target);
  await writeFileAtomic(target, output);
  process.stdout.write(`已生成 / written: ${target}\n`);
  if (options.from) {
    process.stdout.write("年份、日期、发文字号已顺延；请逐项核对内容和发文顺序号 / year, dates and number moved on; check the content and the serial\n");
  }
  return 0;
}

