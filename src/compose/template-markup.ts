import type { BodyNode } from "../document/body.js";
import { plain } from "../document/inline.js";
import { numbering } from "./chinese.js";

/**
 * The small line markup that body templates produce, and its parser.
 *
 *   # 基本情况            a first-level heading (numbered 一、 by position)
 *   ## 小标题             a second-level heading standing alone (（一）); ### and #### for 1. and （1）
 *   {{point title text}}  a run-in point numbered （一） … (helper output)
 *   {{item title text}}   a run-in point numbered 一是 …
 *   any other line        a body paragraph
 *
 * Values from the data are wrapped in STX…ETX while the template runs, so a value that happens to
 * start with "#" can never turn into markup; helpers emit RS-prefixed directives with US separators.
 * Those control characters are illegal in XML, so the model never lets them into user text.
 */

export const VALUE_START = "\u0002";
export const VALUE_END = "\u0003";
const DIRECTIVE = "\u001E";
const SEPARATOR = "\u001F";

export function wrapValue(text: string): string {
  return `${VALUE_START}${text}${VALUE_END}`;
}

export function unwrapValue(text: string): string {
  return text.replaceAll(VALUE_START, "").replaceAll(VALUE_END, "");
}

export function pointDirective(style: "paren" | "ordinal" | "arabic", title: string, text: string): string {
  return `${DIRECTIVE}point${SEPARATOR}${style}${SEPARATOR}${title}${SEPARATOR}${text}`;
}

export class TemplateMarkupError extends Error {}

type PointStyle = "paren" | "ordinal" | "arabic";

interface Counters {
  level1: number;
  level2: number;
  level3: number;
  level4: number;
  points: Record<PointStyle, number>;
}

function freshPointCounters(): Record<PointStyle, number> {
  return { paren: 0, ordinal: 0, arabic: 0 };
}

/** Parses the template's output into body nodes, numbering headings and points by position. */
export function parseBodyMarkup(output: string): BodyNode[] {
  const counters: Counters = { level1: 0, level2: 0, level3: 0, level4: 0, points: freshPointCounters() };
  const nodes: BodyNode[] = [];
  for (const rawLine of output.split("\n")) {
    const line = rawLine.trim();
    if (line === "") continue;
    if (line.startsWith(DIRECTIVE)) nodes.push(parseDirective(line, counters));
    else if (/^#{1,4} /.test(line)) nodes.push(parseHeading(line, counters));
    else nodes.push({ type: "paragraph", content: plain(unwrapValue(line)) });
  }
  return nodes;
}

function parseHeading(line: string, counters: Counters): BodyNode {
  const hashes = line.indexOf(" ");
  const title = plain(unwrapValue(line.slice(hashes + 1)).trim());
  counters.points = freshPointCounters();
  if (hashes === 1) {
    counters.level2 = 0;
    counters.level3 = 0;
    counters.level4 = 0;
    return { type: "heading", level: 1, number: numbering.level1(counters.level1++), title };
  }
  if (hashes === 2) {
    counters.level3 = 0;
    counters.level4 = 0;
    return { type: "heading", level: 2, number: numbering.level2(counters.level2++), title };
  }
  if (hashes === 3) {
    counters.level4 = 0;
    return { type: "heading", level: 3, number: numbering.level3(counters.level3++), title };
  }
  return { type: "heading", level: 4, number: numbering.level4(counters.level4++), title };
}

/**
 * `{{point}}` is a run-in second-level heading (（一）小标题。正文); `{{item}}` and `{{subpoint}}` are list
 * items (一是…, 1.…) with a run-in 小标题. Each numbers on from the last heading.
 */
function parseDirective(line: string, counters: Counters): BodyNode {
  const [name, style, rawTitle, rawText] = line.slice(1).split(SEPARATOR);
  if (name !== "point" || !isPointStyle(style) || rawTitle === undefined || rawText === undefined) {
    throw new TemplateMarkupError(`malformed template directive: ${JSON.stringify(line)}`);
  }
  const index = counters.points[style]++;
  const title = plain(unwrapValue(rawTitle).trim());
  const text = plain(unwrapValue(rawText).trim());
  if (style === "paren") return { type: "heading", level: 2, number: numbering.level2(index), title, text };
  const number = style === "arabic" ? numbering.level3(index) : numbering.ordinal(index);
  return { type: "list", style: style === "arabic" ? "arabic" : "ordinal", items: [{ number, title, content: text }] };
}

function isPointStyle(value: string | undefined): value is PointStyle {
  return value === "paren" || value === "ordinal" || value === "arabic";
}
