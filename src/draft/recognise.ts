/**
 * Recognises the 公文 elements of a draft by content and position, never by style names: a clerk's
 * draft uses 正文 or Normal for everything, pandoc uses Heading 1, LibreOffice's text import uses
 * Preformatted Text. Shared by `check` (which element is this paragraph, so which face and size it
 * needs) and `import` (which field of the data file it fills).
 *
 * Order of the standard (§7): 版头 (份号, 密级, 紧急程度, 标志, 文号, 签发人), 主体 (标题, 主送, 正文,
 * 附件说明, 署名, 成文日期, 附注, 附件), 版记 (抄送, 印发机关和日期). The head is read from the top,
 * the closing from the bottom; what lies between is the 正文.
 */
import { DOC_TYPES } from "../model/cross-rules.js";
import type { Draft, DraftParagraph } from "./model.js";

export type Role =
  | "copy-number" | "secrecy" | "urgency" | "mark" | "doc-number" | "signer" | "title" | "addressees"
  | "heading" | "paragraph" | "list-item" | "table" | "attachment-note" | "signature" | "date" | "note"
  | "attachment-label" | "attachment-title" | "attachment-body" | "copy-to" | "distribution" | "printer" | "issued-line"
  | "attendance";

export type Confidence = "recognised" | "guessed";

export interface Element {
  readonly role: Role;
  /** Paragraph indices (Draft.paragraphs) the element covers. */
  readonly paragraphs: readonly number[];
  /** The text as a reader sees it (Word's numbers included, surrounding white space trimmed). */
  readonly shown: string;
  /** The text the data file takes: typed numbering removed, lines of a paragraph joined. */
  readonly text: string;
  readonly confidence: Confidence;
  /** Headings 1–4; list items' style. */
  readonly level?: 1 | 2 | 3 | 4;
  readonly listStyle?: "arabic" | "paren" | "ordinal";
  /** The numbering as typed (or drawn by Word), e.g. `一、`, `(一)`, `1、`. */
  readonly marker?: string;
  /** A run-in heading: the heading sentence and the text after it. */
  readonly runIn?: { readonly heading: string; readonly rest: string };
  /** Title lines as broken in the draft. */
  readonly lines?: readonly string[];
  /** Attachment the element belongs to (0-based), for attachment labels, titles and bodies. */
  readonly attachment?: number;
  readonly table?: number;
}

export interface DocNumberParts {
  readonly shown: string;
  readonly code: string;
  readonly year: string;
  readonly serial: string;
  readonly open: string;
  readonly close: string;
  /** 〔2022〕3号 written as the standard wants it. */
  readonly proper: string;
  readonly wellFormed: boolean;
}

export interface DateParts {
  readonly shown: string;
  readonly iso?: string;
  readonly arabic: boolean;
  readonly padded: boolean;
}

export type FormatId = "file" | "letter" | "order" | "minutes";

export interface Recognised {
  readonly elements: readonly Element[];
  /** The standard's format the head shows (§7 文件, §10.1 信函, §10.2 命令, §10.3 纪要). */
  readonly format: FormatId;
}

function formatOf(draft: Draft, elements: readonly Element[]): FormatId {
  const mark = elements.find((e) => e.role === "mark");
  const number = elements.find((e) => e.role === "doc-number");
  if (mark && number && /^第\d+号$/u.test(number.text)) return "order";
  if (mark && number && /^第\d+期$/u.test(number.text)) return "minutes";
  // 信函: the organ's name alone, the 文号 set right under the double rule (§10.1)
  const numberParagraph = number ? draft.paragraphs[number.paragraphs[0]!] : undefined;
  const setRight = numberParagraph && (numberParagraph.align === "right" || /^\t/.test(numberParagraph.text));
  const redRulesAbove = number ? draft.paragraphs.slice(0, number.paragraphs[0]).filter((p) => p.borders.bottom?.colour === "FF0000" || p.shapes.some((shape) => shape.colour === "FF0000")).length : 0;
  if (mark && !/文件$/u.test(mark.text) && number && !number.marker && (setRight || redRulesAbove >= 2)) return "letter";
  return "file";
}

/** How the names of documents issued with a 令 or a 通知 end (办法, 规定, 实施方案 …, or a 文种 such as 意见). */
const ENCLOSED_TITLE_END = new RegExp(`(办法|规定|方案|细则|规则|制度|要点|计划|规划|条例|章程|标准|指南|清单|名单|目录|守则|准则|纲要|${DOC_TYPES.join("|")})$`, "u");
/** 纪要 attendance lines: 出席：… 请假：… 列席：… (also 出席人员：…). */
export const ATTENDANCE = /^(出席|请假|缺席|列席)(人员)?[:：]/u;
const DOC_TYPE_AT_END = new RegExp(`(${DOC_TYPES.join("|")})$`, "u");
const SPACE = /^[\s\u3000]+|[\s\u3000]+$/gu;
export const trimText = (text: string): string => text.replace(SPACE, "");

const CN_DIGIT = "〇零一二三四五六七八九十";
const CN = "[一二三四五六七八九十]{1,3}";
export const DOC_NUMBER = /^(?<code>[^\s〔〕[\]【】［］（）()]+?)\s*(?<open>[〔[【［（(<〈])\s*(?<year>\d{2,4})\s*(?<close>[〕\]】］）)>〉])\s*(?<serial>第?\s*\d+)\s*号$/u;
const DATE = new RegExp(`^(?<y>\\d{4}|[${CN_DIGIT}○]{4})\\s*年\\s*(?<m>\\d{1,2}|[${CN_DIGIT}]{1,3})\\s*月\\s*(?<d>\\d{1,2}|[${CN_DIGIT}]{1,3})\\s*日$`, "u");
const PRINTER = new RegExp(`^(?<printer>.*?)[\\s\\u3000]*(?<date>(?:\\d{4}|[${CN_DIGIT}○]{4})\\s*年\\s*(?:\\d{1,2}|[${CN_DIGIT}]{1,3})\\s*月\\s*(?:\\d{1,2}|[${CN_DIGIT}]{1,3})\\s*日)\\s*印发$`, "u");

export const MARKERS: ReadonlyArray<{ level: 1 | 2 | 3 | 4 | "ordinal"; pattern: RegExp }> = [
  { level: 2, pattern: new RegExp(`^[（(]${CN}[）)][、，,．.]?\\s*`, "u") },
  { level: 4, pattern: /^[（(]\d{1,2}[）)][、，,．.]?\s*/u },
  { level: "ordinal", pattern: new RegExp(`^${CN}是(?=[^，。；：\\s]|[，、])[，、]?`, "u") },
  { level: 1, pattern: new RegExp(`^${CN}[、，,．.]\\s*`, "u") },
  { level: 3, pattern: /^\d{1,2}(?:[.．、](?!\d)|\s+(?=\D))\s*/u },
];

/** The proper marker of each level (§7.3.3), to tell a typed one that deviates. */
export const PROPER_MARKER: Record<1 | 2 | 3 | 4, RegExp> = {
  1: new RegExp(`^${CN}、$`, "u"),
  2: new RegExp(`^（${CN}）$`, "u"),
  3: /^\d{1,2}[.．]$/u,
  4: /^（\d{1,2}）$/u,
};

export function parseDocNumber(text: string): DocNumberParts | undefined {
  const m = DOC_NUMBER.exec(text);
  if (!m?.groups) return undefined;
  const { code, open, year, close, serial } = m.groups as Record<string, string>;
  const number = serial!.replace(/^第\s*/, "").replace(/^0+(?=\d)/, "");
  const proper = `${code}〔${year}〕${number}号`;
  return { shown: text, code: code!, year: year!, serial: serial!, open: open!, close: close!, proper, wellFormed: proper === text && year!.length === 4 };
}

export function cnToNumber(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const digit = (c: string) => "〇一二三四五六七八九".indexOf(c === "零" || c === "○" ? "〇" : c);
  if (!text.includes("十")) return Number([...text].map(digit).join(""));
  const [tens, units] = text.split("十");
  return (tens ? digit(tens) : 1) * 10 + (units ? digit(units) : 0);
}

export function parseDate(text: string): DateParts | undefined {
  const m = DATE.exec(text.replace(/\s+/g, ""));
  if (!m?.groups) return undefined;
  const { y, m: mo, d } = m.groups as Record<string, string>;
  const arabic = /^\d+$/.test(y! + mo! + d!);
  const year = cnToNumber(y!);
  const month = cnToNumber(mo!);
  const day = cnToNumber(d!);
  const valid = month >= 1 && month <= 12 && day >= 1 && day <= 31;
  return {
    shown: text,
    ...(valid ? { iso: `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}` } : {}),
    arabic,
    padded: /年0\d月|月0\d日/.test(text),
  };
}

export function parsePrinterLine(text: string): { printer: string; date: string } | undefined {
  const m = PRINTER.exec(trimText(text));
  return m?.groups ? { printer: trimText(m.groups.printer ?? ""), date: m.groups.date! } : undefined;
}

/** The marker a paragraph starts with, and its level. */
export function markerOf(text: string): { marker: string; level: 1 | 2 | 3 | 4 | "ordinal" } | undefined {
  for (const { level, pattern } of MARKERS) {
    const m = pattern.exec(text);
    if (m && m[0].trim() !== "" && text.length > m[0].length) return { marker: m[0].trim(), level };
  }
  return undefined;
}

interface Item {
  readonly kind: "p" | "table";
  readonly paragraphs: number[];
  /** Shown text (numbering included), trimmed; lines kept. */
  readonly shown: string;
  readonly table?: number;
  /** Blank paragraphs right before it. */
  readonly blankBefore: number;
  readonly p?: DraftParagraph;
}

function itemsOf(draft: Draft): Item[] {
  const items: Item[] = [];
  let blank = 0;
  let tableSeen = -1;
  // A one-column table is a layout device (a 版记 drawn as a table, a framed title), not a table of data.
  const layoutTables = new Set(draft.tables.filter((t) => t.rows.every((row) => row.length <= 1)).map((t) => t.index));
  for (const p of draft.paragraphs) {
    if (p.table && !layoutTables.has(p.table.index)) {
      if (p.table.index !== tableSeen) {
        tableSeen = p.table.index;
        items.push({ kind: "table", paragraphs: [p.index], shown: "", table: p.table.index, blankBefore: blank });
        blank = 0;
      } else items[items.length - 1]!.paragraphs.push(p.index);
      continue;
    }
    const shown = trimText(`${p.numberingText ?? ""}${p.text}`.split("\n").map(trimText).join("\n"));
    if (shown === "" && p.shapes.length === 0) {
      blank++;
      continue;
    }
    if (shown === "") continue; // a paragraph holding only a drawn line (a red rule) is no text
    items.push({ kind: "p", paragraphs: [p.index], shown, blankBefore: blank, p });
    blank = 0;
  }
  return items;
}

const joinLines = (text: string): string => text.split("\n").map(trimText).join("");
const isShortName = (text: string): boolean => text.length <= 30 && !/[，。；：:,;！？]/u.test(text) && markerOf(text) === undefined;

export function recognise(draft: Draft): Recognised {
  const items = itemsOf(draft);
  const out: Element[] = [];
  const push = (item: Item, role: Role, extra: Partial<Element> = {}, confidence: Confidence = "recognised"): void => {
    out.push({ role, paragraphs: item.paragraphs, shown: item.shown, text: joinLines(item.shown), confidence, ...extra });
  };

  // ── head, from the top ──
  let i = 0;
  let sawNumber = false;
  let special: "order" | "minutes" | undefined;
  while (i < items.length && i < 8) {
    const item = items[i]!;
    if (item.kind !== "p") break;
    const text = joinLines(item.shown);
    const next = items[i + 1];
    const [first, ...others] = text.split(/\t+|\s{2,}|\u3000{2,}/u).map(trimText);
    const second = others.join("");
    const numberLine = (candidate: Item | undefined) => candidate?.kind === "p" && /^第\s*\d+\s*[号期]$/u.test(joinLines(candidate.shown));
    if (/^\d{6}$/.test(text)) push(item, "copy-number");
    else if (!sawNumber && /(命令|令|纪要)$/u.test(text) && numberLine(next)) {
      // 命令 and 纪要 formats (§10.2, §10.3): the mark, then 第N号 or 第N期 where the 文号 stands
      push(item, "mark");
      push(next!, "doc-number", { text: joinLines(next!.shown).replace(/\s+/g, "") });
      special = /期$/u.test(joinLines(next!.shown)) ? "minutes" : "order";
      sawNumber = true;
      i++;
    }
    else if (/^(绝密|机密|秘密)([★☆*]\s*\S+)?$/u.test(text)) push(item, "secrecy");
    else if (/^(特急|加急|特提|平急)$/u.test(text)) push(item, "urgency");
    else if (!sawNumber && first && parseDocNumber(first)) {
      push(item, "doc-number", { text: first, ...(second && /^签发人/.test(second) ? { marker: second } : {}) });
      sawNumber = true;
    } else if (/^签发人[:：]/.test(text)) push(item, "signer", { text: trimText(text.replace(/^签发人[:：]/, "")) });
    else if (special === "minutes" && /^\S+[\t\s\u3000]+(\d{4}年\d{1,2}月\d{1,2}日)$/u.test(text)) push(item, "issued-line");
    else if (!sawNumber && (/(文件|命令|令|纪要)$/u.test(text) && !DOC_TYPE_AT_END.test(text.replace(/(文件)$/, "")) || (next?.kind === "p" && parseDocNumber(joinLines(next.shown).split(/\t+|\s{2,}/u)[0] ?? "")))) {
      push(item, "mark", {}, /文件$/.test(text) || isRed(item.p) ? "recognised" : "guessed");
    } else break;
    i++;
  }

  // ── closing, from the bottom ──
  let end = items.length;
  const closing: Array<() => void> = [];
  // 印发机关和印发日期
  const last = items[end - 1];
  if (last?.kind === "p" && parsePrinterLine(joinLines(last.shown))) {
    const parsed = parsePrinterLine(joinLines(last.shown))!;
    closing.unshift(() => push(last, "printer", { text: `${parsed.printer}\t${parsed.date}` }));
    end--;
    // Above it, up to the 版记's first line: further distribution lines (below 抄送), 抄送, 主送, 信息公开属性.
    let sawCopyTo = false;
    while (end > i) {
      const item = items[end - 1]!;
      const text = joinLines(item.shown);
      if (item.kind !== "p" || parseDate(text) || text.length > 120) break;
      if (/^抄送[:：]/.test(text) && !sawCopyTo) {
        sawCopyTo = true;
        closing.unshift(() => push(item, "copy-to", { text: trimText(text.replace(/^抄送[:：]/, "")) }));
      } else if (/^信息公开属性[:：]/.test(text)) closing.unshift(() => push(item, "note", { text }));
      else if (/^(主送|分送)[:：]/.test(text) || (!sawCopyTo && /。$/.test(text) && item.blankBefore === 0 && !item.p?.pageBreakBefore && !markerOf(text) && !ATTENDANCE.test(text))) closing.unshift(() => push(item, "distribution"));
      else break;
      end--;
    }
  } else {
    // A 版记 without the 印发 line (信函 format): a trailing 抄送 line.
    while (end > i && items[end - 1]?.kind === "p" && /^抄送[:：]/.test(joinLines(items[end - 1]!.shown))) {
      const item = items[end - 1]!;
      closing.unshift(() => push(item, "copy-to", { text: trimText(joinLines(item.shown).replace(/^抄送[:：]/, "")) }));
      end--;
    }
  }

  // 纪要 (§10.3): 出席、请假、列席 lines close the text, right above the 版记.
  if (special === "minutes") {
    while (end > i && items[end - 1]?.kind === "p" && ATTENDANCE.test(joinLines(items[end - 1]!.shown))) {
      const item = items[end - 1]!;
      closing.unshift(() => push(item, "attendance"));
      end--;
    }
  }

  // 成文日期: the last date-only line before the 版记; attachments follow it
  let dateAt = -1;
  for (let k = end - 1; k > i; k--) {
    const item = items[k]!;
    if (item.kind === "p" && parseDate(joinLines(item.shown))) {
      dateAt = k;
      break;
    }
  }
  let bodyEnd = end;
  if (dateAt > 0) {
    bodyEnd = dateAt;
    const dateItem = items[dateAt]!;
    closing.unshift(() => push(dateItem, "date"));
    // 附注 and attachments after the date
    let attachment = -1;
    const after: Array<() => void> = [];
    for (let k = dateAt + 1; k < end; k++) {
      const item = items[k]!;
      const text = joinLines(item.shown);
      if (item.kind === "p" && /^附件\s*\d*$/.test(text)) {
        attachment++;
        const n = attachment;
        after.push(() => push(item, "attachment-label", { attachment: n }));
        const titleItem = items[k + 1];
        if (titleItem?.kind === "p") {
          after.push(() => push(titleItem, "attachment-title", { attachment: n, lines: titleItem.shown.split("\n") }));
          k++;
        }
      } else if (attachment >= 0) {
        const n = attachment;
        after.push(() => classifyBody(item, n));
      } else if (item.kind === "p" && (/^[（(].*[）)]$/u.test(text) || /^信息公开属性[:：]/.test(text))) {
        after.push(() => push(item, "note"));
      } else if (item.kind === "p" && k + 1 < end && text.length <= 80 && !/[。；，：]/u.test(text) && !markerOf(text) && (item.p?.align === "center" || ENCLOSED_TITLE_END.test(text))) {
        // An 印发件 (§7.3.7): the document issued with this one follows the date under its own title,
        // without an 附件 label: centred, or (in a plain-text draft, where nothing is centred) named
        // like a document.
        attachment++;
        const n = attachment;
        after.push(() => push(item, "attachment-title", { attachment: n, lines: item.shown.split("\n") }));
      } else {
        after.push(() => push(item, "paragraph", {}, "guessed"));
      }
    }
    closing.push(...after);
    // 署名: short organ names right above the date
    let k = dateAt - 1;
    const signature: Item[] = [];
    while (k > i && signature.length < 4) {
      const item = items[k]!;
      if (item.kind !== "p" || !isShortName(joinLines(item.shown))) break;
      if (item.p && item.p.align === "left" && item.p.indent.firstLine > 0 && signature.length > 0) break;
      signature.unshift(item);
      k--;
      if (item.blankBefore > 0) break;
    }
    for (const item of signature) closing.unshift(() => push(item, "signature"));
    bodyEnd = k + 1;
  }
  // 附件说明: 附件：… and the numbered lines under it, right above the signature
  let noteStart = bodyEnd;
  for (let k = bodyEnd - 1; k > i && k >= bodyEnd - 20; k--) {
    const item = items[k]!;
    const text = joinLines(item.shown);
    if (item.kind !== "p") break;
    if (/^附件[:：]/.test(text)) {
      noteStart = k;
      break;
    }
    if (!/^\d{1,2}[.．、]/.test(text)) break;
  }
  if (noteStart < bodyEnd) {
    const noteItems = items.slice(noteStart, bodyEnd);
    closing.unshift(() => noteItems.forEach((item) => push(item, "attachment-note")));
    bodyEnd = noteStart;
  }

  // ── title and 主送, after the head ──
  if (i < bodyEnd && items[i]?.kind === "p") {
    const titleItems: Item[] = [];
    let found = false;
    for (let k = i; k < Math.min(bodyEnd, i + 5); k++) {
      const item = items[k]!;
      if (item.kind !== "p" || (k > i && item.blankBefore > 0) || /[：:]$/.test(joinLines(item.shown))) break;
      titleItems.push(item);
      if (DOC_TYPE_AT_END.test(joinLines(item.shown))) {
        found = true;
        break;
      }
    }
    // A 命令 or 纪要 may have no title of its own: then its text starts at once.
    const taken = found ? titleItems : special ? [] : titleItems.slice(0, 1);
    const lines = taken.flatMap((item) => item.shown.split("\n").map(trimText).filter(Boolean));
    if (taken.length > 0) out.push({
      role: "title",
      paragraphs: taken.flatMap((item) => item.paragraphs),
      shown: lines.join("\n"),
      text: lines.join(""),
      lines,
      confidence: found ? "recognised" : "guessed",
    });
    i += taken.length;
  }
  const addressee = items[i];
  // 主送 is a list of organs, never a sentence (「…现将有关事项通知如下：」 opens the text); 纪要 have none.
  if (addressee?.kind === "p" && i < bodyEnd && special !== "minutes" && /[：:]$/.test(joinLines(addressee.shown)) && !/[。；]/u.test(addressee.shown) && !markerOf(joinLines(addressee.shown)) && addressee.shown.length < 300) {
    push(addressee, "addressees");
    i++;
  }

  // ── 正文 ──
  function classifyBody(item: Item, attachment?: number): void {
    const where = attachment === undefined ? {} : { attachment };
    if (item.kind === "table") {
      out.push({ role: attachment === undefined ? "table" : "attachment-body", paragraphs: item.paragraphs, shown: "", text: "", confidence: "recognised", table: item.table!, ...where });
      return;
    }
    const text = joinLines(item.shown);
    const found = markerOf(text);
    if (found) {
      const rest = trimText(text.slice(text.indexOf(found.marker) + found.marker.length));
      const end = /[。！？]/u.exec(rest);
      const runIn = end && end.index + 1 < rest.length ? { heading: rest.slice(0, end.index + 1), rest: rest.slice(end.index + 1) } : undefined;
      if (found.level === "ordinal") {
        out.push({ role: attachment === undefined ? "list-item" : "attachment-body", paragraphs: item.paragraphs, shown: item.shown, text: rest, confidence: "recognised", listStyle: "ordinal", marker: found.marker, ...where });
        return;
      }
      const standalone = !runIn && rest.length <= 60;
      if (standalone || runIn) {
        out.push({ role: attachment === undefined ? "heading" : "attachment-body", paragraphs: item.paragraphs, shown: item.shown, text: rest, confidence: "recognised", level: found.level, marker: found.marker, ...(runIn ? { runIn } : {}), ...where });
        return;
      }
      // A long numbered paragraph without a heading sentence: a list item.
      out.push({ role: attachment === undefined ? "list-item" : "attachment-body", paragraphs: item.paragraphs, shown: item.shown, text: rest, confidence: "guessed", listStyle: found.level === 4 ? "paren" : "arabic", marker: found.marker, ...where });
      return;
    }
    out.push({ role: attachment === undefined ? "paragraph" : "attachment-body", paragraphs: item.paragraphs, shown: item.shown, text, confidence: "recognised", ...where });
  }
  for (; i < bodyEnd; i++) {
    const item = items[i]!;
    const previous = out[out.length - 1];
    if (previous && continues(previous, item)) {
      // A paragraph broken by a hard return mid-sentence (or split by a layout across a page): one paragraph.
      out[out.length - 1] = { ...previous, paragraphs: [...previous.paragraphs, ...item.paragraphs], shown: `${previous.shown}\n${item.shown}`, text: previous.text + joinLines(item.shown), ...(previous.runIn ? { runIn: { heading: previous.runIn.heading, rest: previous.runIn.rest + joinLines(item.shown) } } : {}) };
      continue;
    }
    classifyBody(item);
  }
  for (const step of closing) step();
  const order = new Map(out.map((e) => [e, e.paragraphs[0] ?? 0]));
  const elements = settleLevels([...out].sort((a, b) => order.get(a)! - order.get(b)!));
  return { elements, format: formatOf(draft, elements) };
}

/** The item goes on with the previous paragraph's sentence: no sentence end before it, no indent, no number. */
function continues(previous: Element, item: Item): boolean {
  if (item.kind !== "p" || !item.p || item.blankBefore > 0) return false;
  if (!(previous.role === "paragraph" || previous.role === "list-item" || (previous.role === "heading" && previous.runIn))) return false;
  if (/[。！？；：…”’）)》」.!?;:]$/u.test(previous.text)) return false;
  const p = item.p;
  const indented = p.indent.firstLine > 0 || (p.indent.firstLineChars ?? 0) > 0 || /^[\s\u3000]/u.test(p.text);
  return !indented && p.align !== "center" && p.align !== "right" && markerOf(joinLines(item.shown)) === undefined && !parseDate(joinLines(item.shown));
}

function isRed(p: DraftParagraph | undefined): boolean {
  return !!p && p.runs.some((r) => r.colour !== undefined && /^(FF0000|E60000|C00000|FF\d{4})$/.test(r.colour));
}

/** Level-3 and level-4 markers are headings only under a heading of the level above; elsewhere they number a list. */
export function settleLevels(elements: readonly Element[]): Element[] {
  let deepest = 0;
  return elements.map((e) => {
    if (e.role === "heading" && e.attachment === undefined) {
      const level = e.level!;
      if (level > deepest + 1 && (level === 3 || level === 4)) {
        return { ...e, role: "list-item", listStyle: level === 3 ? "arabic" : "paren", confidence: "guessed" } as Element;
      }
      deepest = level;
      return e;
    }
    return e;
  });
}
