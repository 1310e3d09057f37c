import type { BodyNode } from "../document/body.js";
import { diagnostic, type Diagnostic, type FieldPath } from "../errors.js";
import type { CheckContext } from "../kinds/kind.js";
import type { BodyInput } from "../model/body.js";
import { blockNodes } from "./blocks.js";
import { markdownBody, type MarkdownProblem } from "./markdown.js";

/** A body field (Markdown or blocks) → body nodes, and the problems found in it. */

export interface ComposedBody {
  readonly nodes: BodyNode[];
  readonly problems: readonly MarkdownProblem[];
}

/** Parsed Markdown bodies, remembered for the compose that follows the check of the same text. */
const parsed = new Map<string, ReturnType<typeof markdownBody>>();
const REMEMBERED = 16;

function parseMarkdown(text: string) {
  let result = parsed.get(text);
  if (!result) {
    result = markdownBody(text);
    if (parsed.size >= REMEMBERED) parsed.delete(parsed.keys().next().value as string);
    parsed.set(text, result);
  }
  return result;
}

export function bodyNodes(input: BodyInput, path: FieldPath): ComposedBody {
  if (typeof input !== "string") return { nodes: blockNodes(input, path), problems: [] };
  const { nodes, problems } = parseMarkdown(input);
  return { nodes: nodes.map((node) => withPath(node, path)), problems };
}

function withPath(node: BodyNode, path: FieldPath): BodyNode {
  return node.source ? { ...node, source: { ...node.source, path } } : node;
}

/**
 * The problems of a Markdown body as diagnostics placed in the data file: a block scalar (`body: |`)
 * keeps its lines, so a problem's line in the Markdown is a line of the file; elsewhere they point at
 * the field.
 */
export function bodyDiagnostics(input: BodyInput, path: FieldPath, context: CheckContext): Diagnostic[] {
  if (typeof input !== "string") return [];
  const { problems } = parseMarkdown(input);
  if (problems.length === 0) return [];
  const origin = context.origin(path);
  const field = context.locate(path);
  return problems.map((problem) => {
    const place = origin?.block
      ? { line: origin.line + problem.line - 1, column: origin.column + problem.column - 1 }
      : field ?? {};
    return diagnostic({ file: context.file, path, ...place, zh: problem.zh, en: problem.en, rule: problem.rule, severity: problem.severity });
  });
}
