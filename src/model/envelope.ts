import { z } from "zod";
import { docNumber, inlineText, isoDate, nonEmptyList, paragraphText, rule } from "./primitives.js";

/**
 * The envelope every 公文 shares (GB/T 9704 §7 elements). A new document kind adds a content schema
 * beside this one and touches nothing here.
 */

export const SECRECY_LEVELS = ["绝密", "机密", "秘密"] as const;
export const URGENCY_LEVELS = ["特急", "加急"] as const;
export const PUBLICITY_VALUES = ["主动公开", "依申请公开", "不予公开"] as const;
/** 保管期限 of DA/T 22-2015 (the retired 长期/短期 are not accepted). */
export const RETENTION_VALUES = ["永久", "定期30年", "定期10年"] as const;

export const issuer = z.strictObject({
  /** 发文机关全称或规范化简称 */
  name: inlineText,
});

export const secrecy = z.strictObject({
  level: z.enum(SECRECY_LEVELS),
  /** 保密期限, e.g. `1年`; Arabic digits (GB/T 9704 §7.2.2). */
  term: inlineText
    .refine((term) => /^\d+年$|^\d+个月$|^长期$/.test(term), rule("保密期限应写成“1年”“6个月”或“长期”", "secrecy term must read like 1年, 6个月 or 长期", "secrecy-term"))
    .optional(),
});

export const seal = z.union([
  z.literal("none").describe("不加盖印章 / not sealed"),
  z.literal("manual").describe("加盖印章（打印后手工盖印，版面按有印章编排）/ stamped by hand after printing"),
  z.strictObject({
    /** 已授权的电子印章图片（PNG），相对数据文件 / authorised seal image, relative to the data file */
    image: inlineText,
  }),
]);

export const attachment = z.strictObject({
  title: inlineText.refine(
    (title) => !/[。．.，,；;：:！!？?]$/.test(title),
    rule("附件名称后不加标点符号", "an attachment name takes no punctuation at its end", "attachment-punctuation"),
  ),
  /** 附件正文段落（可选） / paragraphs of the attachment itself (optional) */
  paragraphs: z.array(paragraphText).optional(),
});

export const note = z.strictObject({
  /** 信息公开属性 */
  publicity: z.enum(PUBLICITY_VALUES),
  /**
   * `below-date`: GB/T 9704 §7.3.6, 成文日期下一行居左空二字加圆括号 (（此件公开发布）);
   * `colophon`: 版记第一行 `信息公开属性：主动公开`, as some provinces (and the seed) print it.
   */
  placement: z.enum(["below-date", "colophon"]).default("below-date"),
  /** 其他附注（如联系人及电话），印在成文日期下一行 / further note text, printed below the date */
  text: inlineText.optional(),
});

export const colophon = z.strictObject({
  /** 抄送机关 */
  copyTo: z.array(inlineText).default([]),
  /** 其他分送行，原样照印，如“局长，副局长，各处室、局属各单位。” / further distribution lines, printed as written */
  distribution: z.array(inlineText).default([]),
  /** 印发机关 */
  printer: inlineText,
  /** 印发日期 */
  printedOn: isoDate,
});

export const envelope = z.strictObject({
  /** 发文机关（联合行文时主办机关在前） */
  issuers: nonEmptyList(issuer, "发文机关", "issuers"),
  /** 发文机关标志文字；省略时为第一个发文机关名称加“文件” */
  issuerMark: inlineText.optional(),
  /** 标志是否加“文件”二字（仅在未写 issuerMark 时使用） */
  markSuffix: z.enum(["文件", ""]).default("文件"),
  docNumber,
  /** 份号（6 位阿拉伯数字） */
  copyNumber: z
    .string()
    .regex(/^\d{6}$/, rule("份号应为 6 位阿拉伯数字，如 000001", "copy number must be 6 Arabic digits, e.g. 000001", "copy-number"))
    .optional(),
  secrecy: secrecy.optional(),
  urgency: z.enum(URGENCY_LEVELS).optional(),
  /** 标题：一个字符串（自动按词意回行），或分行列出（按所写回行） */
  title: z.union([inlineText, nonEmptyList(inlineText, "标题各行", "title lines")]),
  /** 主送机关，按顺序以逗号连接，末尾自动加全角冒号 */
  addressees: nonEmptyList(inlineText, "主送机关", "addressees"),
  /** 发文机关署名；省略时用发文机关名称 */
  signature: z.array(inlineText).optional(),
  /** 成文日期 */
  signedOn: isoDate,
  seal: seal.default("manual"),
  note: note.optional(),
  attachments: z.array(attachment).default([]),
  colophon,
  /** 保管期限，归档时写入档案元数据（默认定期30年） */
  retention: z.enum(RETENTION_VALUES).optional(),
});

export type EnvelopeInput = z.input<typeof envelope>;
export type Envelope = z.output<typeof envelope>;
export type Seal = z.output<typeof seal>;
