import { z } from "zod";
import dayjs from "dayjs";
import customParseFormat from "dayjs/plugin/customParseFormat.js";
import { MAX_DOC_SERIAL } from "../limits.js";

dayjs.extend(customParseFormat);

/**
 * Building blocks shared by every document kind. Custom checks carry their Chinese and English
 * messages in `params` so that the error printer never has to guess what a rule meant.
 */

export interface RuleParams {
  readonly zh: string;
  readonly en: string;
  readonly rule: string;
}

const RULE_MESSAGE_PREFIX = "gongwen-rule:";

/**
 * Options for a zod check that carry our bilingual message. Built-in checks (min, regex) keep only the
 * message, so the parts travel inside it and `ruleFromMessage` reads them back.
 */
export function rule(zh: string, en: string, ruleId: string): { params: RuleParams; message: string; abort: true } {
  return { params: { zh, en, rule: ruleId }, message: `${RULE_MESSAGE_PREFIX}${JSON.stringify({ zh, en, rule: ruleId })}`, abort: true };
}

export function ruleFromMessage(message: string): RuleParams | undefined {
  if (!message.startsWith(RULE_MESSAGE_PREFIX)) return undefined;
  try {
    return JSON.parse(message.slice(RULE_MESSAGE_PREFIX.length)) as RuleParams;
  } catch {
    return undefined;
  }
}

/**
 * Characters that are illegal in XML 1.0 (C0 controls except tab/LF/CR, U+FFFE/U+FFFF, lone surrogates)
 * would corrupt the .docx, and our template markup uses C0 controls as separators, so none may reach us.
 */
const XML_ILLEGAL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;
/** Bidi overrides can make text display differently from what it says: never legitimate in a 公文. */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/u;

/**
 * Every code unit that the checks below could object to, surrogate pairs included: one quick scan
 * clears nearly all text, and only the rest is looked at closely.
 */
const SUSPECT_CODE_UNIT = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF\u202A-\u202E\u2066-\u2069]/;

export function findIllegalCharacter(text: string): string | undefined {
  if (!SUSPECT_CODE_UNIT.test(text)) return undefined;
  // The `u` flag makes lone surrogates unmatchable by code-point classes, so test code units too.
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
      return `U+${code.toString(16).toUpperCase()}`;
    }
    if (code >= 0xdc00 && code <= 0xdfff) return `U+${code.toString(16).toUpperCase()}`;
  }
  const match = XML_ILLEGAL.exec(text) ?? BIDI_CONTROLS.exec(text);
  if (!match) return undefined;
  const codePoint = match[0].codePointAt(0) ?? 0;
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, "0")}`;
}

export function illegalCharacterCheck(text: string, ctx: z.core.$RefinementCtx<string>): void {
  const found = findIllegalCharacter(text);
  if (found) {
    ctx.addIssue({
      code: "custom",
      input: text,
      ...rule(
        `含有不允许的控制字符 ${found}（XML 非法字符或双向文本控制符），请删除`,
        `contains the forbidden control character ${found} (illegal in XML, or a bidi override); remove it`,
        "illegal-character",
      ),
    });
  }
}

/**
 * Limits against hostile or runaway input (a generator bug, a pasted file): far above any real 公文,
 * low enough that nothing hangs. A one-line field longer than 100 characters is no line of a 公文, and
 * a title given as one string is broken by a search whose time grows steeply with its length (about a
 * second at 100 random characters); a list of more than 1,000 items is no circular, and numbering
 * stops at 九千九百九十九.
 */
export const MAX_INLINE_CHARS = 100;
export const MAX_LIST_ITEMS = 1000;

/** One line of text (a name, a title part): non-empty, no line breaks, nothing XML cannot carry. */
export const inlineText = z
  .string()
  .trim()
  .min(1)
  .max(
    MAX_INLINE_CHARS,
    rule(
      `单行文字不能超过 ${MAX_INLINE_CHARS} 个字（标题过长可分行写成列表）`,
      `a one-line field takes at most ${MAX_INLINE_CHARS} characters (a long title can be written as a list of lines)`,
      "too-long",
    ),
  )
  .superRefine((text, ctx) => {
    illegalCharacterCheck(text, ctx);
    if (/[\r\n]/.test(text)) {
      ctx.addIssue({
        code: "custom",
        input: text,
        ...rule("此处应为单行文字，不能换行", "must be a single line, without line breaks", "single-line"),
      });
    }
  });

/**
 * A paragraph of running text. Line breaks typed inside a YAML block are joined: between two Chinese
 * characters with nothing (Chinese has no spaces between words), elsewhere with one space.
 */
export const paragraphText = z
  .string()
  .transform((text) => joinSoftLineBreaks(text))
  .pipe(z.string().min(1).superRefine(illegalCharacterCheck));

export function joinSoftLineBreaks(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.includes("\n")) return trimmed;
  return trimmed
    .replace(/[ \t]*\r?\n[ \t]*/g, (_match, offset: number, whole: string) => {
      const before = whole.slice(0, offset).slice(-1);
      const after = whole.slice(offset + _match.length).slice(0, 1);
      return isWide(before) || isWide(after) ? "" : " ";
    });
}

function isWide(char: string): boolean {
  return /[\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u3000-\u303F\u201C\u201D\u2018\u2019]|[\u{20000}-\u{3FFFF}]/u.test(char);
}

/**
 * Whether a `YYYY-MM-DD` text is a day of the real calendar. A strict dayjs parse costs some 10 µs and
 * a file asks about the same few dates in the schema and again in the cross rules (a batch: across
 * files too), so each answer is kept; the bound only stops a runaway batch from holding them all.
 */
const realDates = new Map<string, boolean>();
const MAX_REMEMBERED_DATES = 4096;

export function isRealDate(text: string): boolean {
  let real = realDates.get(text);
  if (real === undefined) {
    real = dayjs(text, "YYYY-MM-DD", true).isValid();
    if (realDates.size >= MAX_REMEMBERED_DATES) realDates.clear();
    realDates.set(text, real);
  }
  return real;
}

export const ISO_DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** ISO calendar date `YYYY-MM-DD`, checked against the real calendar (no 2022-02-30). */
export const isoDate = z
  .string()
  .regex(ISO_DATE_PATTERN, rule("日期应写成 YYYY-MM-DD，例如 2022-01-27", "date must be written YYYY-MM-DD, e.g. 2022-01-27", "date-format"))
  .refine((text) => isRealDate(text), rule("不是日历上存在的日期", "is not a real calendar date", "date-invalid"));

export type IsoDate = z.infer<typeof isoDate>;

/** Years a 公文 of this tool can plausibly carry: catches typos like 202 or 20222. */
export const plausibleYear = z
  .number()
  .int()
  .min(1949, rule("年份不合理（应在 1949 至 2100 之间）", "implausible year (expected 1949 to 2100)", "year-range"))
  .max(2100, rule("年份不合理（应在 1949 至 2100 之间）", "implausible year (expected 1949 to 2100)", "year-range"));

const SERIAL_TOO_LARGE = rule(
  `发文顺序号过大（上限 ${MAX_DOC_SERIAL}）`,
  `the serial is too large (the limit is ${MAX_DOC_SERIAL})`,
  "docno-serial",
);

/** 发文字号 parts: 机关代字, full year, serial without leading zeros (GB/T 9704 §7.2.5). */
export const docNumberParts = z.strictObject({
  code: inlineText.refine(
    (code) => ORGAN_CODE.test(code),
    rule(
      "机关代字只能由汉字、字母和数字组成（不含空格、括号、斜杠等）",
      "the organ code may hold only Chinese characters, letters and digits (no spaces, brackets or slashes)",
      "docno-code",
    ),
  ),
  year: plausibleYear,
  serial: z
    .number()
    .int()
    .min(1, rule("发文顺序号应为正整数", "the serial must be a positive integer", "docno-serial"))
    .max(MAX_DOC_SERIAL, SERIAL_TOO_LARGE),
});

/**
 * 机关代字 are Chinese characters (国办发, 青政务函), sometimes with Latin letters or digits. Nothing else:
 * the 发文字号 also names files and archive folders, so path characters never get that far.
 */
const ORGAN_CODE = /^[\p{Script=Han}A-Za-z0-9]+$/u;

export { MAX_DOC_SERIAL };

export const DOC_NUMBER_PATTERN = /^([\p{Script=Han}A-Za-z0-9]+)〔(\d{4})〕([1-9]\d*)号$/u;

/** A 发文字号 as parts, or written out (`青政务〔2022〕3号`) for convenience. */
export const docNumber = z.union([
  docNumberParts,
  z
    .string()
    .trim()
    .regex(
      DOC_NUMBER_PATTERN,
      rule(
        "发文字号格式应为“机关代字〔年份〕序号号”，如 青政务〔2022〕3号（六角括号，四位年份，序号不编虚位、不加“第”）",
        "document number must read CODE〔YYYY〕N号, e.g. 青政务〔2022〕3号 (hexagonal brackets, full year, no leading zeros, no 第)",
        "docno-format",
      ),
    )
    // The pattern takes any four digits and any length of serial: 〔0000〕 and 1e+21号 were printed.
    .refine((text) => {
      const year = Number(DOC_NUMBER_PATTERN.exec(text)?.[2]);
      return year >= 1949 && year <= 2100;
    }, rule("发文字号中的年份不合理（应在 1949 至 2100 之间）", "implausible year in the document number (expected 1949 to 2100)", "year-range"))
    .refine((text) => Number(DOC_NUMBER_PATTERN.exec(text)?.[3]) <= MAX_DOC_SERIAL, SERIAL_TOO_LARGE),
]);

export type DocNumberInput = z.infer<typeof docNumber>;
export type DocNumberParts = z.infer<typeof docNumberParts>;

export function toDocNumberParts(value: DocNumberInput): DocNumberParts {
  if (typeof value !== "string") return value;
  const match = DOC_NUMBER_PATTERN.exec(value);
  if (!match) throw new Error(`unvalidated document number: ${value}`);
  return { code: match[1] ?? "", year: Number(match[2]), serial: Number(match[3]) };
}

/** Renders `青政务〔2022〕3号`: U+3014/U+3015, full year, no padding, no 第. */
export function formatDocNumber(value: DocNumberInput): string {
  const { code, year, serial } = toDocNumberParts(value);
  return `${code}〔${year}〕${serial}号`;
}

export function nonEmptyList<T extends z.ZodType>(item: T, zh: string, en: string) {
  return z
    .array(item)
    .min(1, rule(`${zh}至少要有一项`, `${en} needs at least one item`, "non-empty"))
    .max(MAX_LIST_ITEMS, rule(`${zh}最多 ${MAX_LIST_ITEMS} 项`, `${en} takes at most ${MAX_LIST_ITEMS} items`, "too-many"));
}
