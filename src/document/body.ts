import type { Inline } from "./inline.js";
import type { SourceRef } from "./source.js";

/**
 * The open body of a 公文: what a clerk writes between the 主送机关 and the 附件说明, and what an
 * attachment holds. Numbers (一、（一）1.（1）一是) are resolved to text by compose, from position, so
 * every writer prints the same thing.
 */

/** The standard's four levels of structure (§7.3.3): 一、 （一） 1. （1）. */
export type HeadingLevel = 1 | 2 | 3 | 4;

export interface HeadingNode {
  readonly type: "heading";
  readonly level: HeadingLevel;
  /** `一、`, `（一）`, `1.`, `（1）`. */
  readonly number: string;
  /** The heading itself, set in the level's face. */
  readonly title: Inline;
  /** Run-in text after the heading, in the body face: the heading then heads a paragraph. */
  readonly text?: Inline;
  readonly source?: SourceRef;
}

export interface ParagraphNode {
  readonly type: "paragraph";
  readonly content: Inline;
  readonly source?: SourceRef;
}

/** `1.` items, `（1）` items, or `一是、二是` items. */
export type ListStyle = "arabic" | "paren" | "ordinal";

export interface ListItem {
  /** `1.`, `（1）`, `一是`. */
  readonly number: string;
  /** A run-in 小标题 of the item (一是基础设施还需完善。), when it has one. */
  readonly title?: Inline;
  readonly content: Inline;
  readonly source?: SourceRef;
}

export interface ListNode {
  readonly type: "list";
  readonly style: ListStyle;
  readonly items: readonly ListItem[];
  readonly source?: SourceRef;
}

export type CellAlign = "left" | "center" | "right";

export interface TableColumn {
  /** Relative width; columns without one share what is left by their content. */
  readonly width?: number;
  readonly align?: CellAlign;
}

/** A cell: one or more paragraphs of text. */
export interface TableCell {
  readonly paragraphs: readonly Inline[];
}

export interface TableNode {
  readonly type: "table";
  /** 表题, centred above the table. */
  readonly title?: string;
  readonly columns: readonly TableColumn[];
  /** Header rows, repeated at the top of every page the table runs onto. */
  readonly header: readonly (readonly TableCell[])[];
  readonly rows: readonly (readonly TableCell[])[];
  /** 3号 or 4号 text (§7.3.3 text is 3号; tables commonly 4号). */
  readonly textSize: "三号" | "四号";
  /** On landscape pages of their own (§8 横排表格). */
  readonly landscape: boolean;
  readonly source?: SourceRef;
}

/** The escape hatch: a group with a role, laid out as its children (a kind may give roles meaning). */
export interface DivNode {
  readonly type: "div";
  readonly role: string;
  readonly children: readonly BodyNode[];
  readonly source?: SourceRef;
}

export type BodyNode = HeadingNode | ParagraphNode | ListNode | TableNode | DivNode;
export type BodyNodeType = BodyNode["type"];
export type BodyNodeOf<T extends BodyNodeType> = Extract<BodyNode, { type: T }>;
