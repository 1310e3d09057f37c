import type { Html, List, Nodes, PhrasingContent, Root, RootContent, Table } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { gfmTableFromMarkdown } from "mdast-util-gfm-table";
import { gfmTable } from "micromark-extension-gfm-table";
import { parse as parseYaml } from "yaml";
import type { BodyNode, CellAlign, HeadingLevel, ListItem, ListStyle, TableCell } from "../document/body.js";
import type { Span } from "../document/inline.js";
import { joinSoftLineBreaks } from "../model/primitives.js";
import { tableOptions } from "../model/body.js";
import { HeadingNumberer, listNumber } from "./numberer.js";
import { splitRunIn, typedNumber } from "./run-in.js";

/**
 * A body written in Markdown → body nodes, with every problem at its line and column. The dialect:
 *
 *   # 基本情况              一、 (## （一）, ### 1., #### （1）: the standard's four levels, numbered by position)
 *   ## 强化标准。各中心……    a run-in heading: its first sentence is the heading, the rest its paragraph
 *   text                   a paragraph; lines of a paragraph are joined (Chinese without a space)
 *   **黑体** *楷体*          emphasis is set in another face, never in bold or italics
 *   1. item / 1) item      numbered lists: 1. 2. … / （1）（2）…; start at 3. to continue a list
 *   - item                 一是、二是 …
 *   | a | b |              tables (GFM); `<!-- table: {title: …, widths: [1, 3], size: 三号, landscape: true} -->`
 *                          on the line before sets their options
 *
 * Parsed with mdast-util-from-markdown (micromark, the parser of remark), which keeps positions.
 */

export interface MarkdownProblem {
  readonly line: number;
  readonly column: number;
  readonly endLine?: number;
  readonly endColumn?: number;
  readonly zh: string;
  readonly en: string;
  readonly rule: string;
  readonly severity: "error" | "warning";
}

export interface MarkdownBody {
  readonly nodes: BodyNode[];
  readonly problems: MarkdownProblem[];
}

const TABLE_DIRECTIVE = /^<!--\s*table\s*:(.*)-->$/su;

class Converter {
  readonly problems: MarkdownProblem[] = [];
  private readonly headings = new HeadingNumberer();
  private pendingTableOptions: Record<string, unknown> | undefined;

  constructor(private readonly text: string) {}

  problem(node: Nodes, severity: "error" | "warning", zh: string, en: string, rule: string): void {
    const start = node.position?.start;
    const end = node.position?.end;
    this.problems.push({ line: start?.line ?? 1, column: start?.column ?? 1, endLine: end?.line, endColumn: end?.column, zh, en, rule, severity });
  }

  source(node: Nodes) {
    const start = node.position?.start;
    const end = node.position?.end;
    return start ? { line: start.line, column: start.column, ...(end ? { endLine: end.line, endColumn: end.column } : {}) } : undefined;
  }

  blocks(children: readonly RootContent[]): BodyNode[] {
    const out: BodyNode[] = [];
    for (const child of children) out.push(...this.block(child));
    return out;
  }

  block(node: RootContent): BodyNode[] {
    if (node.type !== "html" && node.type !== "table" && this.pendingTableOptions) {
      this.problem(node, "warning", "表格选项注释后面不是表格，已忽略", "a table options comment is not followed by a table; ignored", "table-options");
      this.pendingTableOptions = undefined;
    }
    switch (node.type) {
      case "heading":
        return this.heading(node);
      case "paragraph": {
        const content = this.spans(node.children);
        return content.length > 0 ? [{ type: "paragraph", content, source: this.source(node) }] : [];
      }
      case "list":
        return this.list(node);
      case "table":
        return [this.table(node)];
      case "html":
        this.html(node);
        return [];
      case "thematicBreak":
        this.problem(node, "error", "公文正文不使用分隔线（---）", "a 公文 body has no thematic breaks (---)", "markdown-unsupported");
        return [];
      case "blockquote":
        this.problem(node, "error", "公文正文不使用引用块（>）；引文请加引号写在段落中", "a 公文 body has no block quotes (>); quote inside a paragraph", "markdown-unsupported");
        return [];
      case "code":
        this.problem(node, "error", "公文正文不使用代码块；若是缩进，请删除段首空格", "a 公文 body has no code blocks; if this is indentation, remove the leading spaces", "markdown-unsupported");
        return [];
      default:
        this.problem(node, "error", `公文正文不支持此 Markdown 结构（${node.type}）`, `this Markdown construct (${node.type}) has no place in a 公文 body`, "markdown-unsupported");
        return [];
    }
  }

  heading(node: Extract<RootContent, { type: "heading" }>): BodyNode[] {
    if (node.depth > 4) {
      this.problem(node, "error", "公文正文只有四级标题（# 至 ####）", "a 公文 body has four heading levels (# to ####)", "heading-depth");
      return [];
    }
    const level = node.depth as HeadingLevel;
    let spans = this.spans(node.children);
    spans = this.dropTypedNumber(node, spans);
    if (spans.length === 0) {
      this.problem(node, "error", "标题为空", "the heading is empty", "non-empty");
      return [];
    }
    // A heading that starts in bold names its run-in heading explicitly; otherwise the first sentence does.
    const { title, text } = leadingStrong(spans) ?? splitRunIn(spans);
    return [{ type: "heading", level, number: this.headings.next(level), title, ...(text && text.length > 0 ? { text } : {}), source: this.source(node) }];
  }

  dropTypedNumber(node: Nodes, spans: Span[]): Span[] {
    const first = spans[0];
    const typed = first ? typedNumber(first.text) : undefined;
    if (!first || typed === undefined) return spans;
    this.problem(node, "warning", `编号由工具按位置生成，已去掉手写的“${typed.trim()}”`, `numbering follows from position; the typed “${typed.trim()}” was left out`, "typed-numbering");
    const rest = first.text.slice(typed.length);
    return rest ? [{ ...first, text: rest }, ...spans.slice(1)] : spans.slice(1);
  }

  list(node: List): BodyNode[] {
    const style = this.listStyle(node);
    const out: BodyNode[] = [];
    let items: ListItem[] = [];
    const start = node.start ?? 1;
    const flush = () => {
      if (items.length > 0) out.push({ type: "list", style, items, source: this.source(node) });
      items = [];
    };
    node.children.forEach((item, index) => {
      const [first, ...rest] = item.children;
      const number = listNumber(style, start - 1 + index);
      if (first?.type === "paragraph") {
        const spans = this.dropTypedNumber(first, this.spans(first.children));
        const lead = leadingStrong(spans);
        items.push(lead ? { number, title: lead.title, content: lead.text, source: this.source(item) } : { number, content: spans, source: this.source(item) });
      } else {
        this.problem(item, "error", "列表项应以文字开头", "a list item must start with text", "list-item");
      }
      if (rest.length > 0) {
        // Further paragraphs or lists inside an item follow it; the list numbers on after them.
        flush();
        out.push(...this.blocks(rest as RootContent[]));
      }
    });
    flush();
    return out;
  }

  listStyle(node: List): ListStyle {
    if (!node.ordered) return "ordinal";
    const offset = node.children[0]?.position?.start.offset;
    const marker = offset === undefined ? "" : (/^\d+([.)])/.exec(this.text.slice(offset, offset + 12))?.[1] ?? ".");
    return marker === ")" ? "paren" : "arabic";
  }

  table(node: Table): BodyNode {
    const options = this.pendingTableOptions ?? {};
    this.pendingTableOptions = undefined;
    const parsed = tableOptions.safeParse(options);
    if (!parsed.success) {
      this.problem(node, "error", "表格选项不正确（title、widths、align、size、landscape）", `invalid table options: ${parsed.error.issues.map((issue) => issue.message).join("; ")}`, "table-options");
    }
    const chosen = parsed.success ? parsed.data : {};
    const rows = node.children.map((row) => row.children.map((cell): TableCell => ({ paragraphs: [this.spans(cell.children)] })));
    const [header, ...body] = rows;
    const columns = Math.max(...rows.map((row) => row.length));
    const align = (index: number): CellAlign | undefined => chosen.align?.[index] ?? (node.align?.[index] ?? undefined) ?? undefined;
    if (chosen.widths && chosen.widths.length !== columns) {
      this.problem(node, "error", `列宽有 ${chosen.widths.length} 项，表格有 ${columns} 列`, `${chosen.widths.length} widths for ${columns} columns`, "table-options");
    }
    return {
      type: "table",
      ...(chosen.title ? { title: chosen.title } : {}),
      columns: Array.from({ length: columns }, (_, index) => {
        const width = chosen.widths?.[index];
        const a = align(index);
        return { ...(width !== undefined ? { width } : {}), ...(a ? { align: a } : {}) };
      }),
      header: header ? [header] : [],
      rows: body,
      textSize: chosen.size ?? "四号",
      landscape: chosen.landscape ?? false,
      source: this.source(node),
    };
  }

  html(node: Html): void {
    const value = node.value.trim();
    const directive = TABLE_DIRECTIVE.exec(value);
    if (directive) {
      try {
        const options = parseYaml(`{${directive[1]!.trim().replace(/^\{|\}$/g, "")}}`) as unknown;
        this.pendingTableOptions = options && typeof options === "object" ? (options as Record<string, unknown>) : {};
      } catch {
        this.problem(node, "error", "表格选项写法不正确，应如 <!-- table: {widths: [1, 3], size: 三号} -->", "table options must read like <!-- table: {widths: [1, 3], size: 三号} -->", "table-options");
      }
      return;
    }
    if (value.startsWith("<!--")) return;
    this.problem(node, "error", "公文正文不使用 HTML", "a 公文 body has no HTML", "markdown-unsupported");
  }

  spans(children: readonly PhrasingContent[], role?: Span["role"]): Span[] {
    const out: Span[] = [];
    for (const child of children) {
      switch (child.type) {
        case "text":
          push(out, { text: child.value, ...(role ? { role } : {}) });
          break;
        case "strong":
          out.push(...this.spans(child.children, "strong"));
          break;
        case "emphasis":
          out.push(...this.spans(child.children, "emphasis"));
          break;
        case "inlineCode":
          push(out, { text: child.value, ...(role ? { role } : {}) });
          break;
        case "break":
          this.problem(child, "warning", "段内换行已合并；公文段落不分行", "a line break inside a paragraph was joined; 公文 paragraphs do not break lines", "line-break");
          break;
        case "link":
          this.problem(child, "warning", "链接地址不进入公文，只保留文字", "a link's address has no place in a 公文; only its text is kept", "link");
          out.push(...this.spans(child.children, role));
          break;
        case "html":
          if (!child.value.startsWith("<!--")) this.problem(child, "error", "公文正文不使用 HTML", "a 公文 body has no HTML", "markdown-unsupported");
          break;
        default:
          this.problem(child, "error", `公文正文不支持此 Markdown 结构（${child.type}）`, `this Markdown construct (${child.type}) has no place in a 公文 body`, "markdown-unsupported");
      }
    }
    return joinLines(out);
  }
}

/** Adjacent spans of one role are one span. */
function push(out: Span[], span: Span): void {
  const last = out[out.length - 1];
  if (last && last.role === span.role) out[out.length - 1] = { ...last, text: last.text + span.text };
  else out.push(span);
}

/** Lines of a paragraph joined as the data file joins them (Chinese without a space), ends trimmed. */
function joinLines(spans: Span[]): Span[] {
  const joined = spans.map((span) => ({ ...span, text: span.text.includes("\n") ? joinSoftLineBreaks(span.text) : span.text }));
  if (joined.length > 0) {
    joined[0] = { ...joined[0]!, text: joined[0]!.text.trimStart() };
    joined[joined.length - 1] = { ...joined[joined.length - 1]!, text: joined[joined.length - 1]!.text.trimEnd() };
  }
  return joined.filter((span) => span.text !== "");
}

/** A run-in 小标题 written in bold at the start: the bold part (in the heading's own face) and the rest. */
function leadingStrong(spans: readonly Span[]): { title: Span[]; text: Span[] } | undefined {
  let count = 0;
  while (count < spans.length && spans[count]!.role === "strong") count++;
  if (count === 0 || count === spans.length) return undefined;
  const rest = spans.slice(count);
  rest[0] = { ...rest[0]!, text: rest[0]!.text.trimStart() };
  return { title: spans.slice(0, count).map((span) => ({ text: span.text })), text: rest.filter((span) => span.text !== "") };
}

export function markdownBody(text: string): MarkdownBody {
  const tree: Root = fromMarkdown(text, { extensions: [gfmTable()], mdastExtensions: [gfmTableFromMarkdown()] });
  const converter = new Converter(text);
  const nodes = converter.blocks(tree.children);
  if (nodes.length === 0 && converter.problems.length === 0) {
    converter.problems.push({ line: 1, column: 1, zh: "正文为空", en: "the body is empty", rule: "non-empty", severity: "error" });
  }
  return { nodes, problems: converter.problems };
}
