import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from "yaml";
import { diagnostic, type Diagnostic, type FieldPath } from "../errors.js";
import { withYamlEnv } from "./yaml-env.js";

/** A parsed YAML data file that can still tell where each field was written. */
export interface YamlSource {
  readonly file: string;
  readonly data: unknown;
  /** Line and column (1-based) of a field; a missing field points at its nearest written parent. */
  locate(path: FieldPath): { line: number; column: number } | undefined;
  /** Where a text field's content starts, so positions inside the text (Markdown) map to the file. */
  origin(path: FieldPath): { line: number; column: number; block: boolean } | undefined;
}

const MAX_ALIAS_COUNT = 100;

export function parseYamlSource(text: string, file: string): YamlSource | Diagnostic[] {
  // Lines are counted during the parse: that costs nothing measurable, whereas counting them only
  // when asked would parse again every file that has a problem or a title warning to place.
  const lineCounter = new LineCounter();
  const document = withYamlEnv(() => parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true }));
  // An unknown tag (`!python/object`, `!!binary` outside the core schema) was only a warning, and the
  // value silently became a string: refused like a syntax error.
  const unknownTags = document.warnings.filter((warning) => warning.code === "TAG_RESOLVE_FAILED");
  if (document.errors.length > 0 || unknownTags.length > 0) {
    return [...document.errors, ...unknownTags].map((error) => {
      const position = error.linePos?.[0];
      return diagnostic({
        file,
        line: position?.line,
        column: position?.col,
        zh: `YAML 语法错误：${describeYamlError(error.code)}`,
        en: `YAML syntax error: ${error.message.split("\n")[0]?.replace(/ at line \d+, column \d+:?$/, "")}`,
        rule: "yaml-syntax",
      });
    });
  }
  let data: unknown;
  try {
    // maxAliasCount guards against "billion laughs" alias bombs.
    data = document.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return [diagnostic({ file, zh: "YAML 别名展开过多或无效", en: `YAML aliases could not be resolved: ${(error as Error).message}`, rule: "yaml-alias" })];
  }
  return { file, data, locate: (path) => locateNode(document, lineCounter, path), origin: (path) => textOrigin(document, lineCounter, text, path) };
}

/**
 * A block scalar (`body: |`) keeps its lines: its content starts on the line after the header, indented
 * by the block's indentation. Other scalars start where they are written.
 */
function textOrigin(document: Document, lineCounter: LineCounter, text: string, path: FieldPath): { line: number; column: number; block: boolean } | undefined {
  const node = document.getIn([...path], true);
  if (!isScalar(node) || !node.range) return undefined;
  const start = lineCounter.linePos(node.range[0]);
  const block = node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED";
  if (!block) return { line: start.line, column: start.col + (node.type === "PLAIN" ? 0 : 1), block: false };
  const headerEnd = text.indexOf("\n", node.range[0]);
  const content = text.slice(headerEnd + 1, node.range[1]);
  const firstLine = /^(?:[ \t]*\r?\n)*( *)/.exec(content);
  return { line: start.line + 1, column: (firstLine?.[1]?.length ?? 0) + 1, block: true };
}

function locateNode(document: Document, lineCounter: LineCounter, path: FieldPath): { line: number; column: number } | undefined {
  let node: unknown = document.contents;
  let best: number | undefined = (node as Node | null)?.range?.[0];
  for (const key of path) {
    let next: unknown;
    if (isMap(node)) {
      const pair = node.items.find((item) => isPair(item) && isScalar(item.key) && item.key.value === key);
      if (pair && isScalar(pair.key) && pair.key.range) best = pair.key.range[0];
      next = pair?.value;
    } else if (isSeq(node) && typeof key === "number") {
      next = node.items[key];
    } else break;
    if (next === undefined || next === null) break;
    const range = (next as Node).range;
    if (range && !isMap(next)) best = range[0];
    node = next;
  }
  if (best === undefined) return undefined;
  const position = lineCounter.linePos(best);
  return { line: position.line, column: position.col };
}

/** Chinese names for the YAML parser's error codes; the English message comes from the parser. */
function describeYamlError(code: string): string {
  const names: Record<string, string> = {
    BAD_INDENT: "缩进不正确",
    BLOCK_AS_IMPLICIT_KEY: "同一行内不能再嵌套键值",
    DUPLICATE_KEY: "键重复",
    MISSING_CHAR: "缺少字符（如引号或括号未闭合）",
    MULTILINE_IMPLICIT_KEY: "键不能跨行",
    UNEXPECTED_TOKEN: "出现意外的符号",
    TAB_AS_INDENT: "不能用 Tab 缩进，请用空格",
    BAD_SCALAR_START: "值的开头字符无效（含 : 或 # 等时请加引号）",
    BLOCK_IN_FLOW: "方括号/花括号内不能使用块结构",
    MULTIPLE_DOCS: "一个文件只能有一个文档",
    BAD_ALIAS: "别名无效",
    TAG_RESOLVE_FAILED: "未知的 YAML 标签（如 !foo），数据文件中不能使用",
    RESOURCE_EXHAUSTION: "嵌套过深或结构过大",
  };
  return names[code] ?? code;
}
