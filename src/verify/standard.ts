import type { GongwenDocument } from "../document/document.js";
import { GRID } from "../layout/gbt9704.js";
import type { PaginationPlan } from "../layout/paginate.js";
import { TYPE_AREA_MM, type GridLine, type MeasuredLayout } from "./measure.js";

/**
 * What GB/T 9704 asks of the pages, checked on a real layout (LibreOffice's PDF), beside the 版记's
 * place (colophon-check.ts): 22 lines a page and 28 characters a full line (§5.2.3), pages before the
 * last filled (§7.3.5.5: the layout is adjusted rather than leaving a hole), the 署名 on a page with
 * 正文 (§7.3.5.5), page numbers exactly where §7.5 wants them.
 */

export interface StandardFinding {
  /** The clause the rule comes from. */
  readonly clause: string;
  readonly page: number;
  readonly zh: string;
  readonly en: string;
}

const MIN_FULL_PAGE_LINES = GRID.linesPerPage - 2;
const compact = (text: string) => text.replace(/\s+/gu, "");
const WIDE = /^[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF“”‘’—…·]+$/u;
/** Marks that may hang past the right edge of a full line (not a character of the line). */
const HANGING = /[，。、；：！？”’）》」』】,.]$/u;

/** A line of 3号 text, by the height of its glyph boxes (2号 titles and 4号 tables are taller, shorter). */
const isBodySize = (line: GridLine) => line.yMaxMm - line.yMinMm > 5 && line.yMaxMm - line.yMinMm < 6.4;

export function checkStandard(document: GongwenDocument, plan: PaginationPlan, layout: MeasuredLayout): StandardFinding[] {
  const findings: StandardFinding[] = [];
  const facts = { landscape: new Set(layout.landscapePages) };
  const colophon = document.frame.colophon;
  // The pages that hold the 版记 alone and the blank page before it are not pages of text.
  const colophonPages = !colophon ? 0 : plan.placement === "blank-then-page" ? 2 : plan.placement === "next-page" ? 1 : 0;
  const lastTextPage = layout.pages - colophonPages;
  const byPage = new Map<number, GridLine[]>();
  for (const line of layout.lines) byPage.set(line.page, [...(byPage.get(line.page) ?? []), line]);

  for (let page = 1; page <= lastTextPage; page++) {
    if (facts.landscape.has(page)) continue;
    const lines = byPage.get(page) ?? [];
    const deepest = Math.max(0, ...lines.map((line) => line.line));
    if (deepest > GRID.linesPerPage) {
      findings.push({ clause: "§5.2.3", page, zh: `第 ${page} 页排了 ${deepest} 行，每面应为 22 行`, en: `page ${page} runs to line ${deepest}; a page holds 22 lines` });
    }
    // A page followed by more 正文 ends no earlier than line 20 (an attachment starts its own page).
    const next = byPage.get(page + 1) ?? [];
    const nextStartsAttachment = /^附件\d*$/.test(next[0]?.text ?? "") || (next[0] && document.attachments.some((a) => a.label === undefined && compact(typeof a.title === "string" ? a.title : a.title.join("")).startsWith(next[0]!.text)));
    if (page < lastTextPage && !facts.landscape.has(page + 1) && !nextStartsAttachment && deepest < MIN_FULL_PAGE_LINES) {
      findings.push({
        clause: "§7.3.5.5",
        page,
        zh: `第 ${page} 页只排到第 ${deepest} 行，后面还有正文（应至少排到第 ${MIN_FULL_PAGE_LINES} 行）`,
        en: `page ${page} ends at line ${deepest} although the text goes on (at least line ${MIN_FULL_PAGE_LINES} expected)`,
      });
    }
    // Lines set narrower on purpose to keep the 署名 with the text hold more than 28 characters; lines set
    // wider to fill the page before it hold fewer.
    if (page === plan.tightenedPage || plan.filledPages?.includes(page)) continue;
    for (const line of lines) {
      if (!isBodySize(line) || !WIDE.test(line.text) || line.xMaxMm < TYPE_AREA_MM.right - 1) continue;
      // A full line of Chinese text, from the left edge (or a first-line indent of two 字) to the right.
      const characters = [...line.text.replace(HANGING, (mark) => (line.xMaxMm > TYPE_AREA_MM.right + 1 ? "" : mark))].length;
      const indent = Math.round((line.xMinMm - TYPE_AREA_MM.left) / ((TYPE_AREA_MM.right - TYPE_AREA_MM.left) / GRID.charsPerLine));
      if (indent >= 0 && indent <= 2 && characters + indent !== GRID.charsPerLine) {
        findings.push({
          clause: "§5.2.3",
          page,
          zh: `第 ${page} 页第 ${line.line} 行排了 ${characters + indent} 字（含段首空格），每行应为 28 字：“${line.text.slice(0, 8)}…”`,
          en: `page ${page} line ${line.line} holds ${characters + indent} characters (indent included); a full line holds 28`,
        });
      }
    }
  }

  findings.push(...signatureWithText(document, layout), ...pageNumbers(document, plan, layout, facts.landscape, colophonPages));
  return findings;
}

/** §7.3.5.5: the 署名 and 成文日期 share a page with 正文. */
function signatureWithText(document: GongwenDocument, layout: MeasuredLayout): StandardFinding[] {
  const signature = document.frame.signature;
  if (!signature) return [];
  const date = compact(signature.date);
  const index = layout.lines.findIndex((line) => line.text === date || line.text.endsWith(date));
  if (index < 0) return [{ clause: "§7.3.5", page: layout.pages, zh: "在版面上找不到成文日期", en: "the date of signing was not found on the pages" }];
  const page = layout.lines[index]!.page;
  const names = new Set(signature.kind === "organ" ? signature.names.map(compact) : signature.signers.map((s) => compact(`${s.title ?? ""}${s.name}`)));
  const text = layout.lines.slice(0, index).filter((line) => line.page === page && !names.has(line.text) && ![...names].some((name) => line.text.includes(name)));
  return text.length >= 1
    ? []
    : [{ clause: "§7.3.5.5", page, zh: `第 ${page} 页只有署名和成文日期，没有正文`, en: `page ${page} holds the 署名 and date without 正文` }];
}

/**
 * §7.5: 4号 numbers `— n —` 7 mm under the 版心, odd pages right and even left 空一字; none on the blank
 * page before a 版记 page nor on that page; none on the 信函 format's first page (§10.1). Turned
 * landscape pages carry theirs beside the 版心 and are checked where they are drawn (the layout tests).
 */
function pageNumbers(document: GongwenDocument, plan: PaginationPlan, layout: MeasuredLayout, landscape: ReadonlySet<number>, colophonPages: number): StandardFinding[] {
  const findings: StandardFinding[] = [];
  const unnumbered = new Set<number>();
  if (document.format === "letter") unnumbered.add(1);
  if (plan.placement === "blank-then-page" && document.frame.colophon) for (let i = 0; i < colophonPages; i++) unnumbered.add(layout.pages - i);
  const right = TYPE_AREA_MM.right;
  const left = TYPE_AREA_MM.left;
  const indentMm = 4.94;
  for (let page = 1; page <= layout.pages; page++) {
    if (landscape.has(page)) continue;
    const marks = layout.pageNumbers.filter((mark) => mark.page === page);
    if (unnumbered.has(page)) {
      if (marks.length > 0) findings.push({ clause: "§7.5", page, zh: `第 ${page} 页不应编页码`, en: `page ${page} must carry no page number` });
      continue;
    }
    const mark = marks.find((m) => /^—\d+—$/u.test(m.text));
    if (!mark) {
      findings.push({ clause: "§7.5", page, zh: `第 ${page} 页缺少页码“— n —”`, en: `page ${page} lacks its page number "— n —"` });
      continue;
    }
    const misplaced =
      Math.abs(mark.yCentreMm - (TYPE_AREA_MM.bottom + 7)) > 1 ||
      (page % 2 === 1 ? Math.abs(mark.xMaxMm - (right - indentMm)) > 1 : Math.abs(mark.xMinMm - (left + indentMm)) > 1);
    if (misplaced) {
      findings.push({
        clause: "§7.5",
        page,
        zh: `第 ${page} 页页码位置不对（应在版心下 7 mm，${page % 2 === 1 ? "居右" : "居左"}空一字）`,
        en: `page ${page}'s number is misplaced (7 mm under the 版心, ${page % 2 === 1 ? "right" : "left"}, one character in)`,
      });
    }
  }
  return findings;
}
