import type { BodyNode, BodyNodeOf, BodyNodeType } from "../../document/body.js";
import type { RenderContext } from "../primitives.js";
import type { BlockSpec } from "../spec.js";
import { heading, list, paragraph } from "./paragraphs.js";
import { table } from "./table.js";

/**
 * Body nodes → specs, one handler per node type (as remark-stringify keeps its handlers): a new node
 * type is one handler here and nothing else changes. The map's type makes it exhaustive.
 */

/** Specs in the text flow, or a run of them on landscape pages of their own (§8 横排表格). */
export type FlowPiece = BlockSpec | { readonly kind: "landscape"; readonly blocks: readonly BlockSpec[] };

export interface BodyContext extends RenderContext {
  /** Width of the 版心 of the pages the body stands on. */
  readonly widthTwips: number;
  readonly landscapeWidthTwips: number;
}

type Handler<T extends BodyNodeType> = (context: BodyContext, node: BodyNodeOf<T>) => FlowPiece[];

const HANDLERS: { readonly [T in BodyNodeType]: Handler<T> } = {
  heading: (context, node) => [heading(context, node)],
  paragraph: (context, node) => [paragraph(context, node)],
  list: (context, node) => list(context, node),
  table: (context, node) =>
    node.landscape ? [{ kind: "landscape", blocks: table(context, node, context.landscapeWidthTwips) }] : table(context, node, context.widthTwips),
  div: (context, node) => layOutBody(context, node.children),
};

export function layOutBody(context: BodyContext, nodes: readonly BodyNode[]): FlowPiece[] {
  const out: FlowPiece[] = [];
  for (const node of nodes) out.push(...(HANDLERS[node.type] as Handler<BodyNodeType>)(context, node));
  return out;
}
