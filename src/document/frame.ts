import type { BodyNode } from "./body.js";
import type { SourceRef } from "./source.js";

/**
 * The frame: the GB/T 9704 elements around the body (§7.2 版头, the 主体's fixed parts, §7.4 版记),
 * as facts. Which of them a document has is its kind's business; where they stand is its format's.
 */

/** 文件格式 (§7), 信函格式 (§10.1), 命令（令）格式 (§10.2), 纪要格式 (§10.3). */
export type FormatId = "file" | "letter" | "order" | "minutes";

export type Seal = "none" | "manual" | { readonly image: string };

/** Titles are broken into lines by the layout (by meaning), unless the data gives the lines. */
export type TitleText = string | readonly string[];

export interface Signer {
  readonly name: string;
  /** 职务: the 命令 format prints it beside the 签名章 (§7.3.5.3). */
  readonly title?: string;
}

export type Signature =
  /** 发文机关署名 + 成文日期 (+ 印章), §7.3.5.1–7.3.5.2; several names for joint issuers. */
  | { readonly kind: "organ"; readonly names: readonly string[]; readonly date: string; readonly seal: Seal; readonly source?: SourceRef }
  /** 签发人职务 + 签名章 + 成文日期, §7.3.5.3 (the 命令 format). */
  | { readonly kind: "signer"; readonly signers: readonly Signer[]; readonly date: string; readonly source?: SourceRef };

export interface ColophonLine {
  readonly kind: "publicity" | "copyTo" | "distribution" | "addressees";
  readonly text: string;
}

/** 版记 (§7.4): lines above the 印发 line, then 印发机关 and 印发日期 (absent in the 信函 format). */
export interface Colophon {
  readonly lines: readonly ColophonLine[];
  readonly printer?: string;
  readonly printDate?: string;
  readonly source?: SourceRef;
}

/** 纪要 attendance (§10.3): `出席：…`, `请假：…`, `列席：…`. */
export interface AttendanceLine {
  readonly label: string;
  readonly names: string;
}

export interface Frame {
  readonly copyNumber?: string;
  readonly secrecy?: string;
  readonly urgency?: string;
  /** 发文机关标志: one name, or several stacked beside a shared suffix (联合行文). */
  readonly mark: { readonly names: readonly string[]; readonly suffix: string };
  /** 发文字号, or the 令号 / 期号 the format puts in its place. */
  readonly docNumber?: string;
  /** 签发人 in the 版头 (上行文, §7.2.6). */
  readonly signers?: readonly Signer[];
  readonly title?: TitleText;
  /** 主送机关, joined and ending in `：`. */
  readonly addressees?: string;
  /** 附件说明 items (`1.名称` when there are several). */
  readonly attachmentNote?: readonly string[];
  readonly attendance?: readonly AttendanceLine[];
  readonly signature?: Signature;
  /** 附注 below the date, each in its parentheses. */
  readonly notes: readonly string[];
  /** The 纪要 format's 编印 line above the red rule: the organ left, the date right. */
  readonly issuedLine?: { readonly organ: string; readonly date: string };
  readonly colophon?: Colophon;
}

/** An attachment bound with the text (§7.3.7), or an 印发件 appended without the 附件 label. */
export interface Attachment {
  /** `附件`, `附件2`; absent for an 印发件. */
  readonly label?: string;
  readonly title: TitleText;
  readonly body: readonly BodyNode[];
  readonly source?: SourceRef;
}
