import { z } from "zod";
import { bodyInput } from "./body.js";
import { docNumber, inlineText, isoDate, nonEmptyList, paragraphText, rule } from "./primitives.js";

/**
 * The envelope every 公文 shares (GB/T 9704 §7 elements), as facts. Which elements a kind requires is
 * the kind's business: `envelopeSchema` builds the envelope a kind asks for; new kinds add a content
 * schema beside it and touch nothing here.
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
  z.strictObject({
    /** 联合行文：每个署名一枚电子印章，顺序同署名 / joint issuers: one seal image per 署名, in order */
    images: nonEmptyList(inlineText, "印章图片", "seal images"),
  }),
]);

export const ATTACHMENT_TYPES = ["附件", "印发件"] as const;

export const attachment = z.strictObject({
  title: z.union([inlineText, nonEmptyList(inlineText, "附件标题各行", "attachment title lines")]).refine(
    (title) => !/[。．.，,；;：:！!？?]$/.test(typeof title === "string" ? title : (title.at(-1) ?? "")),
    rule("附件名称后不加标点符号", "an attachment name takes no punctuation at its end", "attachment-punctuation"),
  ),
  /** 附件：另页编排，带“附件N”标识并列入附件说明；印发件：随文印发，不加标识、不列入附件说明 */
  type: z.enum(ATTACHMENT_TYPES).default("附件"),
  /** 附件正文段落（可选） / paragraphs of the attachment itself (optional) */
  paragraphs: z.array(paragraphText).optional(),
  /** 附件正文：Markdown 文字或块列表 / the attachment's text: Markdown, or a list of blocks */
  body: bodyInput.optional(),
});

export const note = z.strictObject({
  /** 信息公开属性 */
  publicity: z.enum(PUBLICITY_VALUES).optional(),
  /**
   * `below-date`: GB/T 9704 §7.3.6, 成文日期下一行居左空二字加圆括号 (（此件公开发布）);
   * `colophon`: 版记第一行 `信息公开属性：主动公开`, as some provinces (and the seed) print it.
   */
  placement: z.enum(["below-date", "colophon"]).default("below-date"),
  /** 其他附注（如联系人及电话），印在成文日期下一行 / further note text, printed below the date */
  text: inlineText.optional(),
});

const copyTo = z.array(inlineText).default([]);
const distribution = z.array(inlineText).default([]);

/** 版记 of the 文件 format: 抄送, further lines, and the 印发 line. */
export const colophon = z.strictObject({
  /** 抄送机关 */
  copyTo,
  /** 其他分送行，原样照印，如“局长，副局长，各处室、局属各单位。” / further distribution lines, printed as written */
  distribution,
  /** 印发机关 */
  printer: inlineText,
  /** 印发日期 */
  printedOn: isoDate,
});

/** A 版记 whose 印发 line may be left out (the 信函 format has none). */
export const optionalPrintColophon = colophon.extend({ printer: inlineText.optional(), printedOn: isoDate.optional() });

/** 签发人: a name, or a name with the 职务 the 命令 format prints beside the 签名章. */
export const signer = z.union([inlineText, z.strictObject({ name: inlineText, title: inlineText.optional() })]);

export const attendance = z.strictObject({
  /** 出席 */
  present: z.array(inlineText).optional(),
  /** 请假 */
  absent: z.array(inlineText).optional(),
  /** 列席 */
  observers: z.array(inlineText).optional(),
});

const positiveSerial = (zh: string, en: string) =>
  z.number().int().min(1, rule(`${zh}应为正整数`, `${en} must be a positive integer`, "serial")).max(999_999, rule(`${zh}过大`, `${en} is too large`, "serial"));

const addressees = nonEmptyList(inlineText, "主送机关", "addressees");
const title = z.union([inlineText, nonEmptyList(inlineText, "标题各行", "title lines")]);

/**
 * The envelope with nothing required beyond what every 公文 has (发文机关, 成文日期; 标题 but in the
 * 命令 format, whose kind checks it): the general kind's. A kind that requires more extends it (keys keep their places).
 */
export const openEnvelope = z.strictObject({
  /** 发文机关（联合行文时主办机关在前） */
  issuers: nonEmptyList(issuer, "发文机关", "issuers"),
  /** 发文机关标志文字；省略时按格式生成（文件格式为第一个发文机关名称加“文件”） */
  issuerMark: inlineText.optional(),
  /** 标志是否加“文件”二字（仅在未写 issuerMark 时使用） */
  markSuffix: z.enum(["文件", ""]).default("文件"),
  docNumber: docNumber.optional(),
  /** 令号（命令格式），印为“第N号” */
  orderNumber: positiveSerial("令号", "the order number").optional(),
  /** 期号（纪要格式），印为“第N期” */
  issueNumber: positiveSerial("期号", "the issue number").optional(),
  /** 签发人（上行文，与发文字号同行居右；命令格式为签发人职务和签名章） */
  signers: nonEmptyList(signer, "签发人", "signers").optional(),
  /** 份号（6 位阿拉伯数字） */
  copyNumber: z
    .string()
    .regex(/^\d{6}$/, rule("份号应为 6 位阿拉伯数字，如 000001", "copy number must be 6 Arabic digits, e.g. 000001", "copy-number"))
    .optional(),
  secrecy: secrecy.optional(),
  urgency: z.enum(URGENCY_LEVELS).optional(),
  /** 标题：一个字符串（自动按词意回行），或分行列出（按所写回行）；命令格式可以没有 */
  title: title.optional(),
  /** 主送机关，按顺序以逗号连接，末尾自动加全角冒号 */
  addressees: addressees.optional(),
  /** 发文机关署名；省略时用发文机关名称 */
  signature: z.array(inlineText).optional(),
  /** 成文日期 */
  signedOn: isoDate,
  seal: seal.default("manual"),
  note: note.optional(),
  attachments: z.array(attachment).default([]),
  /** 纪要的出席、请假、列席 */
  attendance: attendance.optional(),
  colophon: optionalPrintColophon.optional(),
  /** 保管期限，归档时写入档案元数据（默认定期30年） */
  retention: z.enum(RETENTION_VALUES).optional(),
});

/** The envelope of the assessment circular: 文号, 主送 and 版记 required, as in every file so far. */
export const envelope = openEnvelope.extend({ docNumber, title, addressees, colophon });

export type EnvelopeInput = z.input<typeof openEnvelope>;
/** Any kind's envelope, read through its most open form. */
export type Envelope = z.output<typeof openEnvelope>;
export type Seal = z.output<typeof seal>;
export type AttachmentInput = z.output<typeof attachment>;
