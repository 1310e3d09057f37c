import { z } from "zod";
import { illegalCharacterCheck, inlineText, MAX_LIST_ITEMS, nonEmptyList, paragraphText, rule } from "./primitives.js";

/**
 * The open body as written in a data file: Markdown text (parsed with positions, see
 * compose/markdown.ts), or a list of blocks in YAML. Block text is plain: no markup is read in it.
 *
 *   body:
 *     - h1: 基本情况                         一、 heading (h1–h4: the standard's four levels)
 *     - 各单位高度重视……                      a paragraph (or `p: …`)
 *     - h2: 强化标准。各中心科学设置……         a run-in heading: the first sentence is the heading
 *     - list: [第一项, 第二项]                 1. 2. …
 *     - list: { style: ordinal, items: […] }  一是、二是 … (arabic 1. · paren （1） · ordinal 一是)
 *     - table: { header: [序号, 单位], rows: [[1, 海北州]] }
 */

export const LIST_STYLES = ["arabic", "paren", "ordinal"] as const;
export const CELL_ALIGNS = ["left", "center", "right"] as const;
export const TABLE_SIZES = ["三号", "四号"] as const;

/** A table cell: text, or a number written as such. */
const cell = z.union([paragraphText, z.number().transform(String)]);
const row = z.array(cell).max(100, rule("表格一行最多 100 列", "a table row takes at most 100 cells", "too-many"));

export const tableOptions = z.strictObject({
  /** 表题，居中于表上 */
  title: inlineText.optional(),
  /** 相对列宽，如 [1, 4, 2]；省略时按内容 */
  widths: z.array(z.number().positive()).optional(),
  /** 各列对齐：left、center、right */
  align: z.array(z.enum(CELL_ALIGNS)).optional(),
  /** 表格文字字号：三号或四号（默认四号） */
  size: z.enum(TABLE_SIZES).optional(),
  /** 横排（另起横向页面，页码按 GB/T 9704 第 8 章） */
  landscape: z.boolean().optional(),
});

export const tableBlock = tableOptions.extend({
  /** 表头行（一行：文字列表；多行：列表的列表），跨页时重复 */
  header: z.union([row, z.array(row)]).optional(),
  rows: z.array(row).min(1, rule("表格至少要有一行", "a table needs at least one row", "non-empty")).max(MAX_LIST_ITEMS),
});

export const listBlock = z.union([
  nonEmptyList(paragraphText, "列表项", "list items"),
  z.strictObject({
    /** arabic：1. 2.；paren：（1）（2）；ordinal：一是、二是 */
    style: z.enum(LIST_STYLES).default("arabic"),
    /** 起始编号（接续上一列表时写上一列表项数加一） */
    start: z.number().int().min(1).max(MAX_LIST_ITEMS).default(1),
    items: nonEmptyList(paragraphText, "列表项", "list items"),
  }),
]);

export const bodyBlock = z.union([
  paragraphText,
  z.strictObject({ p: paragraphText }),
  z.strictObject({ h1: paragraphText }),
  z.strictObject({ h2: paragraphText }),
  z.strictObject({ h3: paragraphText }),
  z.strictObject({ h4: paragraphText }),
  z.strictObject({ list: listBlock }),
  z.strictObject({ table: tableBlock }),
]);

/** A body written in Markdown: about 300 pages of text at most. */
export const MAX_MARKDOWN_CHARS = 500_000;

export const markdownText = z
  .string()
  .min(1, rule("正文不能为空", "the body must not be empty", "non-empty"))
  .max(MAX_MARKDOWN_CHARS, rule(`正文最多 ${MAX_MARKDOWN_CHARS} 个字符`, `the body takes at most ${MAX_MARKDOWN_CHARS} characters`, "too-long"))
  .superRefine(illegalCharacterCheck);

/** Markdown text, or blocks. */
export const bodyInput = z.union([
  markdownText,
  nonEmptyList(bodyBlock, "正文", "body blocks"),
]);

export type BodyInput = z.output<typeof bodyInput>;
export type BodyBlockInput = z.output<typeof bodyBlock>;
export type TableBlockInput = z.output<typeof tableBlock>;
