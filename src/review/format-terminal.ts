/**
 * A comparison as text for people: field changes first (two data files only), then each differing
 * paragraph with its edits inside it, `[-deleted-]` and `{+inserted+}` like `git diff --word-diff`.
 * The markers are always printed, so piped output and colour-blind readers lose nothing; colour
 * (deleted red, inserted green) is added only when asked for, normally when stdout is a terminal.
 */
import { formatPath } from "../errors.js";
import type { Comparison, ParagraphChange } from "./compare.js";
import { itemLabel, type FieldChange } from "./field-diff.js";
import { wordDiff, type Segment } from "./word-diff.js";
import { pushAll } from "./push-all.js";

export interface TerminalOptions {
  readonly color?: boolean;
}

const ANSI = { red: "\x1b[31m", green: "\x1b[32m", cyan: "\x1b[36m", bold: "\x1b[1m", dim: "\x1b[2m", reset: "\x1b[0m" } as const;

interface Paint {
  deleted(text: string): string;
  inserted(text: string): string;
  /** Colour without markers, where a label already says what happened (field summary). */
  red(text: string): string;
  green(text: string): string;
  header(text: string): string;
  strong(text: string): string;
}

function paint(color: boolean): Paint {
  const wrap = (code: string, text: string) => (color ? `${code}${text}${ANSI.reset}` : text);
  return {
    deleted: (text) => wrap(ANSI.red, `[-${text}-]`),
    inserted: (text) => wrap(ANSI.green, `{+${text}+}`),
    red: (text) => wrap(ANSI.red, text),
    green: (text) => wrap(ANSI.green, text),
    header: (text) => wrap(ANSI.cyan, text),
    strong: (text) => wrap(ANSI.bold, text),
  };
}

const KIND_LABEL = { data: "数据文件 data", docx: "Word 文档 docx" } as const;
const CHANGE_LABEL = {
  changed: "修改 changed",
  inserted: "新增 inserted",
  deleted: "删除 deleted",
  moved: "移动 moved",
} as const;

export function formatTerminal(comparison: Comparison, options: TerminalOptions = {}): string {
  const p = paint(options.color ?? false);
  const out: string[] = [];
  if (comparison.fields && comparison.fields.length > 0) {
    out.push(p.strong(`字段变化 field changes (${comparison.fields.length})`));
    for (const change of comparison.fields) out.push(`  ${formatField(change, p)}`);
    out.push("");
  }
  const { counts } = comparison;
  out.push(
    p.strong(
      `正文变化 text changes: 修改 changed ${counts.changed} · 新增 inserted ${counts.inserted} · 删除 deleted ${counts.deleted} · 移动 moved ${counts.moved}`,
    ),
  );
  out.push(p.header(`--- 旧稿 old: ${comparison.old.file} (${KIND_LABEL[comparison.old.kind]})`));
  out.push(p.header(`+++ 新稿 new: ${comparison.new.file} (${KIND_LABEL[comparison.new.kind]})`));
  for (const change of comparison.paragraphs) pushAll(out, formatParagraph(change, p));
  return `${out.join("\n")}\n`;
}

function formatParagraph(change: ParagraphChange, p: Paint): string[] {
  switch (change.change) {
    case "changed":
      return [p.header(`@@ -${change.old.line} +${change.new.line} @@ ${CHANGE_LABEL.changed}`), inline(change.segments, p)];
    case "inserted":
      return [p.header(`@@ +${change.new.line} @@ ${CHANGE_LABEL.inserted}`), p.inserted(change.new.text)];
    case "deleted":
      return [p.header(`@@ -${change.old.line} @@ ${CHANGE_LABEL.deleted}`), p.deleted(change.old.text)];
    case "moved":
      return [
        p.header(`@@ -${change.old.line} +${change.new.line} @@ ${CHANGE_LABEL.moved}`),
        change.segments.length > 0 ? inline(change.segments, p) : change.new.text,
      ];
  }
}

function inline(segments: readonly Segment[], p: Paint): string {
  return segments.map((s) => (s.op === "equal" ? s.text : s.op === "delete" ? p.deleted(s.text) : p.inserted(s.text))).join("");
}

/** Values longer than this are shown as their edits with a little context, not in full. */
const SHORT_VALUE = 40;
const CONTEXT = 10;

function formatField(change: FieldChange, p: Paint): string {
  const where = formatPath(change.path) || "(根 root)";
  switch (change.kind) {
    case "added":
      return `${where}: 新增 added ${p.green(display(change.new))}`;
    case "removed":
      return `${where}: 删除 removed ${p.red(display(change.old))}`;
    case "moved":
      return `${where}: 移动 moved 自 from [${change.from ?? "?"}] ${itemLabel(change.new)}`;
    case "changed": {
      const before = display(change.old);
      const after = display(change.new);
      if (typeof change.old === "string" && typeof change.new === "string" && Math.max([...before].length, [...after].length) > SHORT_VALUE) {
        return `${where}: 修改 changed ${excerpt(wordDiff(before, after), p)}`;
      }
      return `${where}: ${p.red(before)} → ${p.green(after)}`;
    }
  }
}

function display(value: unknown): string {
  if (typeof value === "string") return value;
  if (Array.isArray(value) && value.every((v) => typeof v !== "object" || v === null)) return value.join("、");
  if (typeof value === "object" && value !== null) return itemLabel(value);
  return String(value);
}

/** The edits of a long text with CONTEXT characters either side; longer stretches of equal text become "…". */
function excerpt(segments: readonly Segment[], p: Paint): string {
  return segments
    .map((s, index) => {
      if (s.op !== "equal") return s.op === "delete" ? p.deleted(s.text) : p.inserted(s.text);
      const chars = [...s.text];
      const first = index === 0;
      const last = index === segments.length - 1;
      if (first && chars.length > CONTEXT) return `…${chars.slice(-CONTEXT).join("")}`;
      if (last && chars.length > CONTEXT) return `${chars.slice(0, CONTEXT).join("")}…`;
      if (!first && !last && chars.length > 2 * CONTEXT) return `${chars.slice(0, CONTEXT).join("")}…${chars.slice(-CONTEXT).join("")}`;
      return s.text;
    })
    .join("");
}
