import { diagnostic, GongwenError } from "../errors.js";
import type { ArchiveConfig } from "./config.js";

/**
 * The archive's codes from DA/T 22-2015: 保管期限 and its code, 件号, 档号.
 */

/** 保管期限 (DA/T 22 §5.2 with the 2006 scheme of 永久/定期30年/定期10年) → its code in the 档号. */
export const RETENTION_CODES = { 永久: "Y", 定期30年: "D30", 定期10年: "D10" } as const;
export type Retention = keyof typeof RETENTION_CODES;
export const RETENTIONS = Object.keys(RETENTION_CODES) as Retention[];

/**
 * Default when neither the data nor `--retention` says: most 通报 of a bureau's routine work fall under
 * 定期30年 in the usual 保管期限表; 永久 is for documents of lasting significance and must be chosen
 * deliberately, 定期10年 for routine matters of short value.
 */
export const DEFAULT_RETENTION: Retention = "定期30年";

const ALIASES: Record<string, Retention> = {
  永久: "永久",
  Y: "永久",
  定期30年: "定期30年",
  "30年": "定期30年",
  D30: "定期30年",
  定期10年: "定期10年",
  "10年": "定期10年",
  D10: "定期10年",
};

export function parseRetention(value: string): Retention {
  const key = value.replace(/\s+/g, "");
  const found = ALIASES[key] ?? ALIASES[key.toUpperCase()];
  if (found) return found;
  throw new GongwenError(
    [
      diagnostic({
        path: ["retention"],
        zh: `保管期限“${value}”无效，应为：永久、定期30年、定期10年（长期、短期已于 2006 年停用）`,
        en: `invalid retention "${value}": use 永久 (permanent), 定期30年 (30 years) or 定期10年 (10 years)`,
        rule: "archive-retention",
      }),
    ],
    64,
  );
}

/** 件号: four digits, zero-padded; the one place in a 公文's life where padding is right (DA/T 22 §6.3). */
export function formatItemNumber(n: number): string {
  return String(n).padStart(4, "0");
}

/** `全宗号-门类代码·年度-保管期限代码-机构代码-件号`, e.g. `Z109-WS·2022-D30-BGS-0001`; undefined without 全宗号. */
export function formatArchivalCode(config: ArchiveConfig, year: number, retention: Retention, itemNumber: string): string | undefined {
  if (!config.全宗号) return undefined;
  const parts = [config.全宗号, `${config.门类代码}·${year}`, RETENTION_CODES[retention]];
  if (config.机构代码) parts.push(config.机构代码);
  parts.push(itemNumber);
  return parts.join("-");
}
