import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { diagnostic, GongwenError } from "../errors.js";
import { findKind } from "../kinds/registry.js";
import { MAX_DATA_FILE_BYTES } from "../limits.js";
import { decodeDataFile, isDiagnostic } from "../load/decode.js";
import { readInputFile } from "../load/read-input.js";
import { nextYearDraft } from "../model/next-year.js";
import { parseDocumentText } from "../model/validate.js";
import { writeFileAtomic } from "../output/atomic-write.js";
import { SAMPLE_DATA_FILE } from "../pipeline.js";

export interface NewCommandOptions {
  readonly from?: string;
  /** A starter file to copy: circular (the sample), notice, letter, minutes, request, bulletin, order. */
  readonly starter?: string;
  readonly output: string;
  readonly force?: boolean;
}

/** The starter files shipped in data/, by the name a clerk asks for. */
export const STARTER_FILES: Readonly<Record<string, { readonly file: string; readonly zh: string }>> = {
  circular: { file: "qingzhengwu-2022-3.yaml", zh: "考核情况通报（样例）" },
  notice: { file: "notice-with-table.yaml", zh: "通知（附件中有表格）" },
  letter: { file: "letter.yaml", zh: "函（信函格式）" },
  minutes: { file: "minutes.yaml", zh: "会议纪要（纪要格式）" },
  request: { file: "request.yaml", zh: "请示（标注签发人）" },
  bulletin: { file: "bulletin-without-colophon.yaml", zh: "通报（无文号、主送、版记）" },
  order: { file: "order.yaml", zh: "令（命令格式）" },
};

function starterFile(name: string): string {
  const starter = STARTER_FILES[name];
  if (!starter) {
    const list = Object.entries(STARTER_FILES).map(([key, value]) => `${key}（${value.zh}）`).join("、");
    throw new GongwenError([diagnostic({ zh: `没有名为“${name}”的起始文件，可选：${list}`, en: `no starter named "${name}"; choose one of: ${Object.keys(STARTER_FILES).join(", ")}`, rule: "usage" })], 64);
  }
  return join(dirname(SAMPLE_DATA_FILE), starter.file);
}

/** Starts a data file: a copy of the sample or a starter, or next year's draft made from a given year's file. */
export async function newCommand(options: NewCommandOptions): Promise<number> {
  const target = resolve(options.output);
  if (existsSync(target) && !options.force) {
    throw new GongwenError([diagnostic({ file: target, zh: "文件已存在，未覆盖（需要覆盖请加 --force）", en: "the file exists and was not overwritten (use --force)", rule: "exists" })], 73);
  }
  if (options.from && options.starter) {
    throw new GongwenError([diagnostic({ zh: "--from 与 --starter 只能选一个", en: "use --from or --starter, not both", rule: "usage" })], 64);
  }
  const source = options.from ?? (options.starter ? starterFile(options.starter) : SAMPLE_DATA_FILE);
  const bytes = await readInputFile(source, MAX_DATA_FILE_BYTES);
  const decoded = decodeDataFile(bytes, source);
  if (isDiagnostic(decoded)) throw new GongwenError([decoded]);
  const text = decoded.text;
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

