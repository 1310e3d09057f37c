import { z } from "zod";
import { envelope } from "../../model/envelope.js";
import { docNumber, inlineText, isoDate, nonEmptyList, paragraphText, plausibleYear, rule } from "../../model/primitives.js";
import { FONT_PROFILES } from "../../model/fonts.js";

/**
 * Content of the annual assessment circular (考核情况通报): facts only. The words around them and their
 * order live in templates/circular/.
 */

/** A point with a run-in heading (（一）强化标准，基础设施合理配置。各政务……) or an 一是 item. */
export const titledPoint = z.strictObject({
  /** 段首小标题（含句末标点），如“强化标准，基础设施合理配置。” */
  title: inlineText,
  /** 小标题后的正文 */
  text: paragraphText,
});

export const assessment = z.strictObject({
  /** 考核年度 */
  year: plausibleYear,
  /** 考核全称（不含年度和引号），如“青海省创建示范公共资源交易中心” */
  name: inlineText,
  /** 以下简称 */
  shortName: inlineText,
  /** 组织考核的机关（正文中的称呼），如“省政务服务监督管理局” */
  conductedBy: inlineText,
  /** 考核依据文件 */
  basis: z.strictObject({
    title: inlineText.refine(
      (title) => !/^《|》$/.test(title),
      rule("书名号由模板添加，请不要写《》", "the template adds the 《》, leave them out", "basis-title"),
    ),
    number: docNumber,
  }),
  /** 考核期间 */
  period: z.strictObject({ start: isoDate, end: isoDate }),
  /** 考核方式，如“听汇报”“查资料” */
  methods: nonEmptyList(inlineText, "考核方式", "methods"),
  /** 考核内容（方面） */
  dimensions: nonEmptyList(inlineText, "考核方面", "dimensions"),
  /** 考核对象，如“全省8个公共资源交易中心” */
  subjects: inlineText,
});

export const circularContent = z.strictObject({
  assessment,
  /** 一、基本情况 */
  baseline: z.strictObject({
    summary: paragraphText,
    points: nonEmptyList(titledPoint, "基本情况要点", "baseline points"),
  }),
  /** 二、亮点做法 */
  highlights: z.strictObject({
    points: nonEmptyList(titledPoint, "亮点做法", "highlights"),
  }),
  /** 三、存在问题及不足 */
  problems: z.strictObject({
    intro: paragraphText,
    points: nonEmptyList(titledPoint, "存在问题", "problems"),
  }),
  /** 四、考核结果 */
  results: z.strictObject({
    /** 获评单位 */
    awarded: nonEmptyList(inlineText, "获评单位", "awarded units"),
    /** 结尾希望与要求 */
    closing: paragraphText,
  }),
});

/** A whole data file: which kind, the envelope, the content. */
export const circularDocument = z.strictObject({
  /** JSON Schema reference for editors; ignored by the tool. */
  $schema: z.string().optional(),
  kind: z.literal("assessment-circular"),
  /** 字体方案：default（方正小标宋简体、仿宋_GB2312…）或 gbk（方正…_GBK） */
  fonts: z.enum(FONT_PROFILES).optional(),
  envelope,
  content: circularContent,
});

export type CircularDocumentInput = z.input<typeof circularDocument>;
export type CircularDocument = z.output<typeof circularDocument>;
export type CircularContent = CircularDocument["content"];
export type TitledPoint = z.output<typeof titledPoint>;
