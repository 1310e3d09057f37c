import type { BodyNode } from "./body.js";
import type { Attachment, FormatId, Frame } from "./frame.js";

/**
 * The document: the one contract between the kinds (which compose it) and the layout and writers
 * (which print it), like pandoc's `Pandoc Meta [Block]`: a typed frame, an open body, attachments.
 */

/** Facts about the document that writers put in metadata (core properties, archive records). */
export interface DocumentMeta {
  readonly title: string;
  readonly issuers: readonly string[];
  /** 发文字号 as printed; empty when the document has none. */
  readonly docNumber: string;
  /** ISO dates: they drive the document's own timestamps, so output is reproducible. */
  readonly signedOn: string;
  readonly printedOn: string;
  readonly publicity?: string;
  readonly secrecy?: string;
  /** The kind of data file (`assessment-circular`, `general`). */
  readonly kind: string;
  /** 文种 (通知, 通报, 函 …) of GB/T 33480. */
  readonly docType?: string;
}

export interface GongwenDocument {
  readonly meta: DocumentMeta;
  readonly format: FormatId;
  readonly frame: Frame;
  readonly body: readonly BodyNode[];
  readonly attachments: readonly Attachment[];
}

export type { BodyNode } from "./body.js";
export type { Attachment, FormatId, Frame } from "./frame.js";
