import { z } from "zod";
import { bodyInput } from "../../model/body.js";
import { DOC_TYPES } from "../../model/cross-rules.js";
import { openEnvelope } from "../../model/envelope.js";
import { FONT_PROFILES } from "../../model/fonts.js";

/**
 * Any 公文 whose body a clerk writes directly: a 通知, 通报, 函, 请示, 报告, 决定, 纪要 …, in any of the
 * standard's four formats. The envelope requires only what every 公文 has (发文机关, 标题, 成文日期);
 * the body is Markdown or a list of blocks (model/body.ts).
 */

export const FORMAT_IDS = ["file", "letter", "order", "minutes"] as const;

export const generalDocument = z.strictObject({
  /** JSON Schema reference for editors; ignored by the tool. */
  $schema: z.string().optional(),
  kind: z.literal("general"),
  /** 文种（条例第八条的 15 种），须与标题末尾一致 */
  docType: z.enum(DOC_TYPES),
  /** 版式：file 文件格式、letter 信函格式、order 命令格式、minutes 纪要格式；省略时按文种 */
  format: z.enum(FORMAT_IDS).optional(),
  fonts: z.enum(FONT_PROFILES).optional(),
  envelope: openEnvelope,
  /** 正文：Markdown，或块列表 */
  body: bodyInput,
});

export type GeneralDocumentInput = z.input<typeof generalDocument>;
export type GeneralDocument = z.output<typeof generalDocument>;
