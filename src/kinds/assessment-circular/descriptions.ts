/**
 * What each field means, for editors completing a data file (JSON Schema `description`): Chinese
 * first, English beside. Keyed by field path; `[]` stands for any item of a list.
 */
import { ENVELOPE_DESCRIPTIONS } from "../../model/envelope-descriptions.js";

export const CIRCULAR_DESCRIPTIONS: Readonly<Record<string, string>> = {
  ...ENVELOPE_DESCRIPTIONS,
  kind: "数据文件种类：assessment-circular（考核情况通报） / kind of data file",
  fonts: "字体方案：default（方正小标宋简体、仿宋_GB2312…）或 gbk（方正…_GBK） / font profile",
  content: "考核情况通报的内容 / content of the assessment circular",
  "content.assessment": "考核的依据、范围和方式（用于开头一段） / what was assessed, on what basis, how",
  "content.assessment.year": "考核年度 / year assessed",
  "content.assessment.name": "考核全称，不含年度和引号 / full name of the assessment",
  "content.assessment.shortName": "以下简称 / short name",
  "content.assessment.conductedBy": "组织考核的机关在正文中的称呼 / who carried it out",
  "content.assessment.basis": "考核依据文件 / basis document",
  "content.assessment.basis.title": "依据文件标题，不加书名号 / its title, without 《》",
  "content.assessment.basis.number": "依据文件发文字号 / its number",
  "content.assessment.period": "考核期间 / assessment period",
  "content.assessment.methods": "考核方式，如“听汇报” / methods",
  "content.assessment.dimensions": "考核方面 / dimensions assessed",
  "content.assessment.subjects": "考核对象，如“全省8个公共资源交易中心” / who was assessed",
  "content.baseline": "一、基本情况 / baseline",
  "content.baseline.summary": "总述一段 / summary paragraph",
  "content.baseline.points": "要点：段首小标题 + 正文，编为（一）（二）… / points",
  "content.highlights": "二、亮点做法 / highlights",
  "content.problems": "三、存在问题及不足 / problems",
  "content.problems.intro": "引言一段 / introduction",
  "content.problems.points": "问题，编为一是、二是… / points",
  "content.results": "四、考核结果 / results",
  "content.results.awarded": "获评单位 / units awarded",
  "content.results.closing": "结尾的希望与要求 / closing exhortation",
};
