import { ENVELOPE_DESCRIPTIONS } from "../../model/envelope-descriptions.js";

/** What each field of a general document means (JSON Schema, editor help): Chinese first, English beside. */
export const GENERAL_DESCRIPTIONS: Readonly<Record<string, string>> = {
  ...ENVELOPE_DESCRIPTIONS,
  kind: "数据文件种类：general（正文直接书写的通知、通报、函、请示、报告、决定、纪要等） / kind of data file: any 公文 with a hand-written body",
  docType: "文种：决议、决定、命令、令、公报、公告、通告、意见、通知、通报、报告、请示、批复、议案、函、纪要；须与标题末尾一致 / document type, as the title ends",
  format: "版式：file 文件格式、letter 信函格式、order 命令格式、minutes 纪要格式；省略时函用信函格式、命令用命令格式、纪要用纪要格式，其余用文件格式 / layout format",
  fonts: "字体方案：default（方正小标宋简体、仿宋_GB2312…）或 gbk（方正…_GBK） / font profile",
  body: "正文：Markdown（# 一级标题 … #### 四级标题，1. 列表，| 表格 |），或块列表（h1–h4、p、list、table）；编号按位置自动生成 / the body: Markdown or a list of blocks; numbering follows from position",
  "body[]": "一段文字，或 {h1: 标题}、{p: 段落}、{list: […]}、{table: {header, rows}} / a paragraph, heading, list or table",
};
