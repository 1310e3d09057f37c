/**
 * Line breaking for 公文 titles (GB/T 9704 §7.3.1): "回行时，要做到词意完整，排列对称，长短适宜，
 * 间距恰当，标题排列应当使用梯形或菱形". Breaks are chosen among word boundaries, fewest lines first,
 * then by a score of break quality (words, names, 关于-phrases) plus shape (梯形/菱形, no 沙漏形).
 */
import {
  DEFAULT_TRACKING_PT,
  TYPE_AREA_WIDTH_PT,
  breakLines,
  isLineEndForbidden,
  isLineStartForbidden,
  lineCounter,
  textWidth,
} from "./text-width.js";
import { wordStarts } from "./word-boundaries.js";

export interface TitleOptions {
  maxLineWidthPt?: number;
  fontSizePt?: number;
  trackingPt?: number;
}
export type TitleShape = "single" | "trapezoid" | "inverted-trapezoid" | "diamond" | "hourglass" | "other";
export interface TitleProblem {
  kind: "too-wide" | "word-split" | "stray-char" | "punctuation" | "shape";
  severity: "error" | "warning";
  /** 0-based line index. */
  line: number;
  message: string;
}

const TITLE_FONT_SIZE_PT = 22;
/** Steps of the layout search before it settles for the best layout found so far. */
const SEARCH_BUDGET = 20_000;
const FORBIDDEN = Number.POSITIVE_INFINITY;

const BRACKETS: Record<string, string> = { "《": "》", "“": "”", "‘": "’", "（": "）", "(": ")", "〔": "〕", "【": "】", "「": "」", "『": "』" };
const CLOSERS = new Set(Object.values(BRACKETS));
const ISSUING_VERB = /^(印发|转发|批转|发布|公布|颁布|下达)/;
const UNIT = /^(年度|年|月|日|号|期|届|次|季度|周年|批|个|项|条|万|亿|元|版|%|％)/;
const DOC_TYPES = new Set(["通知", "通报", "决定", "意见", "报告", "请示", "批复", "函", "纪要", "公告", "通告", "决议", "命令", "议案", "公报", "办法", "规定"]);
const ORG_END = /(办公厅|办公室|厅|局|部|署|院|政府|委员会|中心|公司|集团|小组|中央)$/;
// Cost of breaking before / after a one-character function word.
const BEFORE: Record<string, number> = { 的: 10, 之: 6, 等: 8, 了: 8, 于: 6, 和: 2, 与: 2, 及: 2, 并: 2, 或: 2 };
const AFTER: Record<string, number> = { 的: 1, 之: 6, 和: 4, 与: 4, 及: 4, 暨: 2, 并: 4, 或: 4, 对: 6, 在: 6, 为: 6, 向: 6, 从: 6, 于: 4, 将: 6, 把: 6, 由: 6 };
const FUNCTION = new Set([...Object.keys(BEFORE), ...Object.keys(AFTER)]);
const VERBS = new Set(
  "加强 改进 开展 做好 推进 推动 落实 建立 健全 完善 表彰 印发 转发 批转 发布 加快 深化 促进 支持 提升 优化 强化 贯彻 调整 设立 成立 撤销 命名 授予 给予 举办 召开 加大".split(" "),
);
const ADVERBS = new Set(["进一步", "全面", "切实", "认真", "大力", "积极"]);
/**
 * Compounds of 公文 usage that the word segmenter splits (政务|服务, 公共|资源): a break inside one
 * splits a term.
 */
const TERMS = ["政务服务", "公共资源", "交易中心", "营商环境", "放管服", "一网通办", "政务公开", "安全生产", "生态环境", "乡村振兴", "高质量发展", "人民政府", "办公厅", "办公室", "委员会", "工作会议"];
// Characters that end an organisation or place name: a break right after them is natural.
const SUFFIX = new Set("厅局处室部委院会所站队组办司署省市县区镇乡村");

const isCjkChar = (s: string) => /^\p{Script=Han}$/u.test(s);
const isDigitOrLatin = (s: string) => /[0-9A-Za-z０-９.%％]/.test(s);

interface Resolved {
  maxWidth: number;
  unit: number;
  width: (s: string) => number;
  /** The line stays one line in both renderers (they differ in autospace and tracking). */
  fits: (s: string) => boolean;
}
function resolve(opts: TitleOptions = {}): Resolved {
  const size = opts.fontSizePt ?? TITLE_FONT_SIZE_PT;
  const tracking = opts.trackingPt ?? DEFAULT_TRACKING_PT;
  const maxWidth = opts.maxLineWidthPt ?? TYPE_AREA_WIDTH_PT;
  const line = { fontSizePt: size, trackingPt: tracking, lineWidthPt: maxWidth, hangingPunctuation: false };
  const widthOptions = { fontSizePt: size, trackingPt: tracking };
  // The layout search asks about hundreds of candidate lines: options are resolved once, not per line.
  const libreofficeLines = lineCounter({ ...line, engine: "libreoffice" });
  const wordLines = lineCounter({ ...line, engine: "word" });
  return {
    maxWidth,
    unit: size + tracking,
    width: (s) => textWidth(s.trim(), widthOptions),
    fits: (s) => {
      const text = s.trim();
      return libreofficeLines(text) === 1 && wordLines(text) === 1;
    },
  };
}

interface Word {
  readonly text: string;
  readonly at: number;
}
// breakCosts runs up to three times on one title, and ICU segmentation is its costliest step.
let lastSegmented: { readonly title: string; readonly words: readonly Word[] } | undefined;

function words(title: string): readonly Word[] {
  if (lastSegmented?.title !== title) {
    const starts = wordStarts(title);
    lastSegmented = { title, words: starts.map((at, i) => ({ text: title.slice(at, starts[i + 1] ?? title.length), at })) };
  }
  return lastSegmented.words;
}

/** Cost of a line break at each allowed position (UTF-16 offset); absent = not allowed. */
function breakCosts(title: string, r: Resolved, charLevel: boolean): Map<number, number> {
  const segs = words(title);
  const single = (i: number) => {
    const t = segs[i]?.text ?? "";
    return isCjkChar(t) && !FUNCTION.has(t);
  };
  const lone = (i: number) => single(i) && !single(i - 1) && !single(i + 1);
  const spans: Array<[number, number, boolean?]> = [];
  const stack: number[] = [];
  let at = 0;
  for (const ch of title) {
    if (BRACKETS[ch]) stack.push(at);
    else if (CLOSERS.has(ch) && stack.length > 0) spans.push([stack.pop() ?? 0, at + ch.length]);
    at += ch.length;
  }
  const costs = new Map<number, number>();
  const orgPart = title.indexOf("关于");
  const insideTerm = (p: number) => TERMS.some((term) => {
    for (let at = title.indexOf(term); at >= 0; at = title.indexOf(term, at + 1)) if (p > at && p < at + term.length) return true;
    return false;
  });
  // Joint issuers written apart (「甲局 乙厅 丙委关于……」): each organ's name is one unbreakable unit.
  if (orgPart > 0 && /\s/.test(title.slice(0, orgPart))) {
    for (const match of title.slice(0, orgPart).matchAll(/\S+/g)) spans.push([match.index ?? 0, (match.index ?? 0) + match[0].length]);
  }
  const add = (p: number, segIndex: number | undefined) => {
    const before = title.slice(0, p);
    const after = title.slice(p);
    const prev = [...before].pop() ?? "";
    const next = [...after][0] ?? "";
    if (/\s/.test(next) || isLineStartForbidden(next) || isLineEndForbidden(prev)) return;
    if (isDigitOrLatin(prev) && isDigitOrLatin(next)) return;
    if (/[0-9０-９]$/.test(before) && UNIT.test(after)) return;
    if (prev === "第" && /^[0-9０-９一二三四五六七八九十]/.test(after)) return;
    let cost = 0;
    for (const span of spans) {
      const [a, b] = span;
      span[2] ??= r.fits(title.slice(a, b));
      if (p > a && p < b) cost += span[2] ? FORBIDDEN : 2;
    }
    if (/\s$/.test(before)) cost -= 2; // space between joint issuing organs
    if (insideTerm(p)) cost += 8;
    if (segIndex === undefined) cost += 12; // not a word boundary at all
    else {
      const A = segs[segIndex - 1]?.text ?? "";
      const B = segs[segIndex]?.text ?? "";
      if (single(segIndex - 1) && single(segIndex)) cost += 8; // inside a word the segmenter did not know
      if (lone(segIndex - 1) && !SUFFIX.has(A)) cost += 5;
      if (lone(segIndex)) cost += 5;
      cost += (BEFORE[B] ?? 0) + (AFTER[A] ?? 0);
      // Between two content words is often inside a compound (安全|生产); after a verb is a phrase edge.
      const content = A !== "关于" && B !== "关于" && isCjkChar([...A].pop() ?? "") && isCjkChar([...B][0] ?? "");
      const verb = VERBS.has(A) && !(B in BEFORE); // not inside 加强和改进
      cost += verb ? -1 : ADVERBS.has(A) ? 2 : content ? 1 : 0;
    }
    if (after.startsWith("关于")) cost -= 4; // 发文机关名称 | 关于事由
    if (before.endsWith("关于")) cost += ISSUING_VERB.test(after) ? 2 : -2;
    if (/关于(印发|转发|批转|发布|公布|颁布|下达)$/.test(before)) cost -= 3;
    if (orgPart > 0 && p < orgPart) cost += ORG_END.test(before.trimEnd()) && !after.startsWith("办公") ? 0 : 3;
    if (BRACKETS[next]) cost -= 1;
    if (CLOSERS.has(prev)) cost -= 1;
    if (DOC_TYPES.has(after)) cost += 3; // 文种 alone on the last line
    if (/[0-9０-９](年度|年|月|日)$/.test(before) && /^[0-9０-９]/.test(after)) cost += 6;
    if (cost < FORBIDDEN) costs.set(p, cost);
  };
  segs.forEach((s, i) => i > 0 && add(s.at, i));
  if (charLevel) {
    const starts = new Set(segs.map((s) => s.at));
    let pos = 0;
    for (const ch of title) {
      if (pos > 0 && !starts.has(pos)) add(pos, undefined);
      pos += ch.length;
    }
  }
  return costs;
}

const visibleLength = (s: string) => [...s.replace(/\s/g, "")].length;

function shapeCost(units: readonly number[]): number {
  if (units.length < 2) return 0;
  const peak = Math.max(...units);
  let cost = 0;
  units.forEach((u) => {
    cost += 0.1 * Math.max(0, 0.6 * peak - u) ** 2; // very unequal lines
    cost += 2 * Math.max(0, 5 - u); // 长短适宜: short lines
  });
  const shape = classify(units);
  const spread = (units[0] ?? 0) - (units[units.length - 1] ?? 0);
  if (shape === "inverted-trapezoid") cost += 1 + 0.1 * spread; // 上长下短 is tolerated, not preferred
  if (shape === "hourglass") cost += 8;
  if (shape === "other") cost += 4;
  return cost;
}

function search(title: string, r: Resolved, costs: Map<number, number>, allowStray: boolean): string[] | undefined {
  const ends = [...costs.keys(), title.length].sort((a, b) => a - b);
  const fitMemo = new Map<number, boolean>();
  const shortTitle = visibleLength(title) < 2;
  const fits = (a: number, b: number) => {
    const key = a * (title.length + 1) + b;
    let ok = fitMemo.get(key);
    if (ok === undefined) {
      const text = title.slice(a, b);
      ok = r.fits(text) && (allowStray || visibleLength(text) >= 2 || shortTitle);
      fitMemo.set(key, ok);
    }
    return ok;
  };
  const minMemo = new Map<number, number>();
  const minLines = (a: number): number => {
    if (a === title.length) return 0;
    let best = minMemo.get(a);
    if (best !== undefined) return best;
    best = FORBIDDEN;
    for (const b of ends) if (b > a && fits(a, b)) best = Math.min(best, 1 + minLines(b));
    minMemo.set(a, best);
    return best;
  };
  const k = minLines(0);
  if (k === FORBIDDEN) return undefined;
  let best: { score: number; cuts: number[] } | undefined;
  // The layouts of a title grow combinatorially with its length; real titles have a few hundred. The
  // walk is depth-first in a fixed order, so stopping after a fixed number of steps stays deterministic
  // (and a 100-character title is laid out in milliseconds instead of seconds).
  let budget = SEARCH_BUDGET;
  const walk = (a: number, left: number, cuts: number[]) => {
    if (--budget < 0 && best) return;
    if (a === title.length) {
      const units = cuts.map((c, i) => r.width(title.slice(cuts[i - 1] ?? 0, c)) / r.unit);
      const score = cuts.slice(0, -1).reduce((sum, c) => sum + (costs.get(c) ?? 0), 0) + shapeCost(units);
      if (!best || score < best.score - 1e-9) best = { score, cuts: [...cuts] };
      return;
    }
    for (const b of ends) if (b > a && fits(a, b) && minLines(b) === left - 1) walk(b, left - 1, [...cuts, b]);
  };
  walk(0, k, []);
  const cuts = best?.cuts ?? [];
  return cuts.map((c, i) => title.slice(cuts[i - 1] ?? 0, c).trim());
}

/** Lines for a 标题, chosen by meaning and shape; "\n" in the title are explicit breaks and win. */
export function breakTitle(title: string, options?: TitleOptions): string[] {
  const text = title.trim();
  if (text.includes("\n")) return text.split("\n").map((l) => l.trim()).filter((l) => l.length > 0);
  const r = resolve(options);
  if (r.fits(text)) return [text];
  return (
    search(text, r, breakCosts(text, r, false), false) ??
    searchCharLevel(text, r) ??
    // Only a Latin/digit run wider than a line gets here: fill greedily, as Word would.
    breakLines(text, { fontSizePt: options?.fontSizePt ?? TITLE_FONT_SIZE_PT, trackingPt: options?.trackingPt, lineWidthPt: r.maxWidth })
  );
}

/** Breaks inside words too, first without and then with single-character lines; the costs are the same. */
function searchCharLevel(text: string, r: Resolved): string[] | undefined {
  const costs = breakCosts(text, r, true);
  return search(text, r, costs, false) ?? search(text, r, costs, true);
}

/** Outline of a multi-line title; lines within one character of each other count as equal. */
export function titleShape(lines: readonly string[], options?: TitleOptions): TitleShape {
  const r = resolve(options);
  return classify(lines.map((l) => r.width(l) / r.unit));
}

function classify(u: readonly number[]): TitleShape {
  if (u.length < 2) return "single";
  const tol = 1;
  const steps = u.slice(1).map((v, i) => v - (u[i] ?? 0));
  const up = (d: number) => d >= -tol;
  const down = (d: number) => d <= tol;
  if (steps.every(up)) return "trapezoid";
  if (steps.every(down)) return "inverted-trapezoid";
  const first = u[0] ?? 0;
  const last = u[u.length - 1] ?? 0;
  const top = u.indexOf(Math.max(...u));
  const bottom = u.indexOf(Math.min(...u));
  if (steps.slice(0, top).every(up) && steps.slice(top).every(down) && (u[top] ?? 0) > Math.max(first, last) + tol) return "diamond";
  if (steps.slice(0, bottom).every(down) && steps.slice(bottom).every(up) && (u[bottom] ?? 0) < Math.min(first, last) - tol) return "hourglass";
  return "other";
}

/** Problems in explicit title lines given by the user (they are kept, but deserve a warning). */
export function validateTitleLines(lines: readonly string[], options?: TitleOptions): TitleProblem[] {
  const r = resolve(options);
  const problems: TitleProblem[] = [];
  const warn = (kind: TitleProblem["kind"], line: number, message: string) =>
    problems.push({ kind, severity: kind === "too-wide" ? "error" : "warning", line, message });
  const joined = lines.join("");
  const costs = breakCosts(joined, r, false);
  let offset = 0;
  lines.forEach((line, i) => {
    const n = i + 1;
    if (!r.fits(line)) warn("too-wide", i, `line ${n} is ${r.width(line).toFixed(1)} pt wide: it will wrap in ${r.maxWidth} pt`);
    if (lines.length > 1 && visibleLength(line) === 1) warn("stray-char", i, `line ${n} holds a single character "${line.trim()}"`);
    const chars = [...line.trim()];
    const head = chars[0] ?? "";
    const tail = chars[chars.length - 1] ?? "";
    if (i > 0 && isLineStartForbidden(head)) warn("punctuation", i, `line ${n} starts with closing punctuation "${head}"`);
    if (i < lines.length - 1 && isLineEndForbidden(tail)) warn("punctuation", i, `line ${n} ends with opening punctuation "${tail}"`);
    offset += line.length;
    const cost = costs.get(offset);
    if (i < lines.length - 1 && (cost === undefined || cost >= 8)) {
      const around = `${[...joined.slice(0, offset)].slice(-3).join("")}|${[...joined.slice(offset)].slice(0, 3).join("")}`;
      warn("word-split", i, `the break after line ${n} splits a word, number or quoted name: "${around}"`);
    }
  });
  // 上长下短 (an inverted trapezoid) is tolerated, as breakTitle itself chooses it when meaning wants it
  // (「关于表彰2021年度政务服务 / “微笑红旗岗”的通报」); an hourglass or a ragged outline is not.
  const shape = titleShape(lines, options);
  if (shape === "hourglass" || shape === "other") {
    warn("shape", 0, `the lines form ${shape === "hourglass" ? "an hourglass" : "an irregular"} shape; GB/T 9704 asks for a trapezoid or diamond`);
  }
  return problems;
}
