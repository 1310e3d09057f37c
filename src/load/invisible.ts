import { isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from "yaml";
import { diagnostic, type Diagnostic } from "../errors.js";

/**
 * Invisible characters that come in with text pasted from web pages, WeChat or Word: zero-width
 * spaces and joiners, direction marks, a BOM in the middle of a file. They show nowhere, yet they
 * split words for search, break 发文字号 comparisons and end up in the archived .docx. They are not
 * worth stopping a clerk for, so they are removed, and a warning names each field and code point.
 * (Bidi *overrides*, which change what visible text appears to say, are refused by the model.)
 */

const NAMES: Record<number, readonly [string, string]> = {
  0x061c: ["阿拉伯字母标记", "arabic letter mark"],
  0x200b: ["零宽空格", "zero width space"],
  0x200c: ["零宽不连字", "zero width non-joiner"],
  0x200d: ["零宽连字", "zero width joiner"],
  0x200e: ["从左至右标记", "left-to-right mark"],
  0x200f: ["从右至左标记", "right-to-left mark"],
  0x2060: ["词连接符", "word joiner"],
  0x2061: ["不可见函数符", "function application"],
  0x2062: ["不可见乘号", "invisible times"],
  0x2063: ["不可见分隔符", "invisible separator"],
  0x2064: ["不可见加号", "invisible plus"],
  0xfeff: ["零宽不换行空格/BOM", "zero width no-break space/BOM"],
};
const INVISIBLE = /[\u061C\u200B-\u200F\u2060-\u2064\uFEFF]/gu;

export const codePointName = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;

export function hasInvisible(text: string): boolean {
  INVISIBLE.lastIndex = 0;
  return INVISIBLE.test(text);
}

/** The text without invisible characters, and one warning per field that had some. */
export function stripInvisible(text: string, file: string): { text: string; warnings: Diagnostic[] } {
  if (!hasInvisible(text)) return { text, warnings: [] };
  return { text: text.replace(INVISIBLE, ""), warnings: locate(text, file) };
}

/** Which fields hold them: parsed only on this rare path, so ordinary files pay nothing. */
function locate(text: string, file: string): Diagnostic[] {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, uniqueKeys: false });
  const warnings: Diagnostic[] = [];
  visit(document, {
    Scalar(_key, node, ancestors) {
      const [start, , end] = node.range ?? [];
      if (start === undefined || end === undefined) return;
      const raw = text.slice(start, end);
      if (!hasInvisible(raw)) return;
      warnings.push(warning(file, fieldPath(node, ancestors), raw, start, lineCounter));
    },
  });
  // Elsewhere (comments, indentation) they are removed without a word: they change nothing.
  return warnings;
}

function warning(file: string, path: Array<string | number> | undefined, raw: string, start: number, lineCounter: LineCounter): Diagnostic {
  INVISIBLE.lastIndex = 0;
  const found = [...raw.matchAll(INVISIBLE)];
  const first = found[0]?.index ?? 0;
  const position = lineCounter.linePos(start + first);
  const counts = new Map<number, number>();
  for (const match of found) {
    const cp = match[0].codePointAt(0) ?? 0;
    counts.set(cp, (counts.get(cp) ?? 0) + 1);
  }
  const list = (lang: 0 | 1) =>
    [...counts].map(([cp, n]) => `${codePointName(cp)}（${NAMES[cp]?.[lang] ?? ""}）${n > 1 ? ` ×${n}` : ""}`).join("、");
  return diagnostic({
    file,
    path,
    line: position.line,
    column: position.col,
    severity: "warning",
    zh: `含不可见字符 ${list(0)}，已删除`,
    en: `contained the invisible character(s) ${list(1).replace(/（/g, " (").replace(/）/g, ")").replace(/、/g, ", ")}; removed`,
    rule: "invisible-character",
  });
}

/** `envelope.title[1]` from the YAML ancestors of a scalar (undefined for a key). */
function fieldPath(node: Node, ancestors: readonly unknown[]): Array<string | number> | undefined {
  const path: Array<string | number> = [];
  let child: unknown = node;
  for (let i = ancestors.length - 1; i >= 0; i--) {
    const parent = ancestors[i];
    if (isPair(parent)) {
      if (parent.key === child) return undefined;
      path.unshift(isScalar(parent.key) ? String(parent.key.value) : "?");
    } else if (isSeq(parent)) path.unshift(parent.items.indexOf(child as never));
    child = parent;
  }
  return path;
}
