/**
 * The block tree: the one contract between compose and the renderers (docx, text). Like pandoc's AST,
 * it says what each piece of the document is, never how it looks. Numbers (一、（一）一是) are already
 * resolved to text here, so every renderer prints the same thing.
 */

export type Seal = "none" | "manual" | { readonly image: string };

export type PointStyle =
  /** （一）run-in heading, 楷体 (second level) */
  | "paren"
  /** 一是…… run-in item, body face */
  | "ordinal"
  /** 1. run-in heading, third level */
  | "arabic";

export type Block =
  | { readonly type: "copyNumber"; readonly text: string }
  | { readonly type: "secrecy"; readonly text: string }
  | { readonly type: "urgency"; readonly text: string }
  /** 发文机关标志: one organ, or several stacked beside one shared suffix (联合行文). */
  | { readonly type: "issuerMark"; readonly names: readonly string[]; readonly suffix: string }
  | { readonly type: "docNumber"; readonly text: string }
  | { readonly type: "title"; readonly lines: readonly string[] }
  | { readonly type: "addressees"; readonly text: string }
  | { readonly type: "heading"; readonly level: 1 | 2 | 3 | 4; readonly number: string; readonly text: string }
  | { readonly type: "paragraph"; readonly text: string }
  | { readonly type: "point"; readonly style: PointStyle; readonly number: string; readonly title: string; readonly text: string }
  /** 附件说明: `附件：1.名称` … */
  | { readonly type: "attachmentNote"; readonly items: readonly string[] }
  /** 发文机关署名 + 成文日期 (+ 印章) */
  | { readonly type: "signature"; readonly names: readonly string[]; readonly date: string; readonly seal: Seal }
  /** 附注 below the date, already in its parentheses: （此件公开发布） */
  | { readonly type: "note"; readonly text: string }
  /** An attachment bound with the main text, on its own page(s). */
  | { readonly type: "attachment"; readonly label: string; readonly title: string; readonly paragraphs: readonly string[] }
  /** 版记: lines above the 印发 line (信息公开属性, 抄送, further distribution), then 印发机关 and 印发日期. */
  | { readonly type: "colophon"; readonly lines: readonly ColophonLine[]; readonly printer: string; readonly printDate: string };

export interface ColophonLine {
  readonly kind: "publicity" | "copyTo" | "distribution";
  readonly text: string;
}

export type BlockType = Block["type"];
export type BlockOf<T extends BlockType> = Extract<Block, { type: T }>;

/** Facts about the document that renderers put in metadata (core properties, archive records). */
export interface DocumentMeta {
  readonly title: string;
  readonly issuers: readonly string[];
  readonly docNumber: string;
  /** ISO dates: they drive the document's own timestamps, so output is reproducible. */
  readonly signedOn: string;
  readonly printedOn: string;
  readonly publicity?: string;
  readonly secrecy?: string;
  readonly kind: string;
}

export interface GongwenDocument {
  readonly meta: DocumentMeta;
  readonly blocks: readonly Block[];
}
