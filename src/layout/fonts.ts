/**
 * Font family names written into the .docx. The standard names type classes (仿宋体, 黑体, 楷体, 小标宋体,
 * 宋体); bureau PCs have them under these licensed names, which we name but never ship.
 */

export interface FontProfile {
  readonly name: string;
  /** 小标宋体: 发文机关标志, 标题 */
  readonly xiaobiaosong: string;
  /** 仿宋体: 正文 and everything not named otherwise */
  readonly fangsong: string;
  /** 黑体: first-level headings, 密级, 紧急程度, 附件 labels */
  readonly heiti: string;
  /** 楷体: second-level headings */
  readonly kaiti: string;
  /** 宋体: page numbers (§7.5) */
  readonly songti: string;
  /** Latin letters and digits in running text (practice) */
  readonly latin: string;
}

export const FONT_PROFILES: Readonly<Record<"default" | "gbk", FontProfile>> = {
  default: {
    name: "default",
    xiaobiaosong: "方正小标宋简体",
    fangsong: "仿宋_GB2312",
    heiti: "黑体",
    kaiti: "楷体_GB2312",
    songti: "宋体",
    latin: "Times New Roman",
  },
  gbk: {
    name: "gbk",
    xiaobiaosong: "方正小标宋_GBK",
    fangsong: "方正仿宋_GBK",
    heiti: "方正黑体_GBK",
    kaiti: "方正楷体_GBK",
    songti: "宋体",
    latin: "Times New Roman",
  },
};

export type FontProfileName = keyof typeof FONT_PROFILES;

export function isFontProfileName(value: string): value is FontProfileName {
  return Object.hasOwn(FONT_PROFILES, value);
}

/** Which class a piece of text is set in; the renderer maps it through the profile. */
export type FontRole = "xiaobiaosong" | "fangsong" | "heiti" | "kaiti" | "songti";
