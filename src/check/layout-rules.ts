/**
 * GB/T 9704 rules measured on the real layout: the draft converted by LibreOffice, its PDF read back
 * by poppler (text boxes, and rasters for ink: the red 标志 and the rules). What a reader of the
 * printed page sees, whatever the XML says.
 */
import { inkBox, rasterPage } from "../pdf/ink.js";
import { extractWords } from "../pdf/poppler.js";
import { findRules, type HorizontalRule } from "../pdf/rules.js";
import type { Draft } from "../draft/model.js";
import type { Element } from "../draft/recognise.js";
import type { FindingInput } from "./finding.js";

/** The standard's 版心 on A4, in mm from the page's top-left corner. */
const AREA = { top: 37, left: 28, right: 184, bottom: 262, width: 156 } as const;
const STANDARD_LINE_MM = 225 / 22;
const CHAR_MM = AREA.width / 28;

export interface PageLine {
  readonly page: number;
  readonly text: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

export interface Layout {
  readonly pages: number;
  readonly pageHeights: readonly number[];
  readonly lines: readonly PageLine[];
}

const compact = (text: string) => text.replace(/[\s\u3000]+/gu, "");
const WIDE = /^[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF“”‘’—…·]+$/u;

export async function readLayout(pdf: string): Promise<Layout> {
  const pages = await extractWords(pdf);
  const lines: PageLine[] = [];
  for (const page of pages) {
    for (const block of page.blocks) for (const line of block.lines) lines.push({ page: page.number, text: compact(line.text), xMin: line.xMin, xMax: line.xMax, yMin: line.yMin, yMax: line.yMax });
  }
  // pdftotext may split one visual line into several (a tab, a run of spaces): merge by height.
  const merged: PageLine[] = [];
  for (const line of [...lines].sort((a, b) => a.page - b.page || (a.yMin + a.yMax) / 2 - (b.yMin + b.yMax) / 2 || a.xMin - b.xMin)) {
    const last = merged[merged.length - 1];
    const centre = (line.yMin + line.yMax) / 2;
    if (last && last.page === line.page && Math.abs((last.yMin + last.yMax) / 2 - centre) < 1.5) {
      merged[merged.length - 1] = { page: last.page, text: last.xMin <= line.xMin ? last.text + line.text : line.text + last.text, xMin: Math.min(last.xMin, line.xMin), xMax: Math.max(last.xMax, line.xMax), yMin: Math.min(last.yMin, line.yMin), yMax: Math.max(last.yMax, line.yMax) };
    } else merged.push(line);
  }
  return { pages: pages.length, pageHeights: pages.map((p) => p.heightMm), lines: merged };
}

/** Where a paragraph starts on the pages: the first line whose text begins with its first characters. */
export function locator(layout: Layout, draft: Draft): (paragraph: number) => { page: number; line: number } | undefined {
  const found = new Map<number, { page: number; line: number } | undefined>();
  let from = 0;
  const ordered: Array<{ page: number; line: number } | undefined> = [];
  for (const p of draft.paragraphs) {
    const head = compact(`${p.numberingText ?? ""}${p.text}`).slice(0, 6);
    if (head === "") {
      ordered.push(undefined);
      continue;
    }
    let hit: { page: number; line: number } | undefined;
    for (let k = from; k < layout.lines.length; k++) {
      const line = layout.lines[k]!;
      if (line.text.startsWith(head) || (head.length >= 4 && line.text.includes(head))) {
        hit = { page: line.page, line: lineNumber(layout, k) };
        from = k + 1;
        break;
      }
    }
    ordered.push(hit);
  }
  ordered.forEach((hit, index) => found.set(index, hit));
  return (paragraph) => found.get(paragraph);
}

/** 1-based line of its page, counting the page's text lines inside the page's text area. */
function lineNumber(layout: Layout, index: number): number {
  const line = layout.lines[index]!;
  return layout.lines.slice(0, index + 1).filter((l) => l.page === line.page && l.yMin < (layout.pageHeights[line.page - 1] ?? 297) - 25).length;
}

export async function layoutRules(draft: Draft, elements: readonly Element[], pdf: string, layout: Layout): Promise<FindingInput[]> {
  const out: FindingInput[] = [];
  const section = draft.sections.find((s) => !s.landscape) ?? draft.sections[0]!;
  const pageHeight = layout.pageHeights[0] ?? 297;
  const textBottom = pageHeight - section.marginMm.bottom;
  const body = (page: number) => layout.lines.filter((l) => l.page === page && l.yMax <= textBottom + 2 && l.yMin >= section.marginMm.top - 2);
  const first = (role: Element["role"]) => elements.find((e) => e.role === role);
  const locate = locator(layout, draft);
  // Pages of the 正文 proper: up to the one before the 署名's (that page may be set tighter, §7.3.5.5).
  const dateElement = first("date");
  const signaturePage = dateElement ? locate(dateElement.paragraphs[0]!)?.page : undefined;
  const lastTextPage = signaturePage ?? layout.pages;

  // ── §5.2.3: 22 lines a page — counted on full pages (followed by another page), else estimated from the pitch ──
  const pitchesByPage = new Map<number, number[]>();
  for (let page = 1; page <= layout.pages; page++) {
    const lines = body(page);
    const pitches: number[] = [];
    for (let k = 1; k < lines.length; k++) {
      const d = (lines[k]!.yMin + lines[k]!.yMax) / 2 - (lines[k - 1]!.yMin + lines[k - 1]!.yMax) / 2;
      if (d > 3 && d < 30 && lines[k]!.yMax - lines[k]!.yMin < 7 && lines[k - 1]!.yMax - lines[k - 1]!.yMin < 7) pitches.push(Math.round(d * 10) / 10);
    }
    pitchesByPage.set(page, pitches);
  }
  // The 正文's pitch: pages up to the 署名 (attachments after it may hold tables in 4号 of their own pitch).
  const pitch = mode([...pitchesByPage.entries()].filter(([page]) => page <= lastTextPage).flatMap(([, pitches]) => pitches));
  // Pages counted: between the first and the 署名's page, set at the body's pitch throughout (a page of
  // a table in 4号, or of an attachment's title, is set otherwise and says nothing about the grid).
  const counts: Array<{ page: number; count: number }> = [];
  for (let page = 2; page < lastTextPage; page++) {
    const pitches = pitchesByPage.get(page) ?? [];
    const regular = pitches.filter((d) => pitch !== undefined && Math.abs(d - pitch) <= 0.3).length;
    if (pitches.length > 0 && regular >= pitches.length * 0.8) counts.push({ page, count: body(page).length });
  }
  if (pitch !== undefined) {
    const perPage = Math.floor(225 / pitch + 0.3);
    const fullest = counts.sort((a, b) => b.count - a.count)[0];
    const measuredLines = fullest && fullest.count > 0 ? fullest.count : perPage;
    if (Math.abs(pitch - STANDARD_LINE_MM) > 0.25 || (fullest && fullest.count > 22)) {
      out.push({
        rule: "lines-per-page", severity: "error", clause: "§5.2.3", element: "版面",
        measured: fullest ? `第 ${fullest.page} 页 ${measuredLines} 行（行距 ${pitch} mm）` : `行距 ${pitch} mm，约每面 ${perPage} 行`,
        wanted: `每面 22 行（行距 ${STANDARD_LINE_MM.toFixed(2)} mm）`, zh: "每面行数不是 22 行", en: "a page does not hold 22 lines",
        where: fullest ? { page: fullest.page } : {},
      });
    }
  }

  // ── §5.2.3: 28 characters a line, on full lines of Chinese text ──
  const full: Array<{ line: PageLine; chars: number }> = [];
  for (let page = 1; page <= Math.min(lastTextPage, layout.pages); page++) {
    const lines = body(page).filter((l) => WIDE.test(l.text) && l.yMax - l.yMin < 7);
    if (lines.length < 3) continue;
    const right = Math.max(...lines.map((l) => l.xMax));
    const left = Math.min(...lines.map((l) => l.xMin));
    for (const line of lines) {
      if (line.xMax < right - 2 || line.xMin > left + 1) continue;
      full.push({ line, chars: [...line.text.replace(/[，。、；：！？”’）》]$/u, "")].length });
    }
  }
  const perLine = mode(full.map((f) => f.chars));
  if (perLine !== undefined && perLine !== 28 && perLine !== 27) {
    const example = full.find((f) => f.chars === perLine)!.line;
    out.push({ rule: "chars-per-line", severity: "error", clause: "§5.2.3", element: "版面", measured: `每行 ${perLine} 字`, wanted: "每行 28 字", zh: "每行字数不是 28 字", en: "a full line does not hold 28 characters", where: { page: example.page, words: example.text.slice(0, 12) } });
  }

  // ── §7.2.4: the 标志's upper edge 35 mm under the 版心's top; §7.2.7: the red rule ──
  const mark = first("mark");
  const number = first("doc-number");
  let rules: HorizontalRule[] = [];
  if (mark || number) {
    rules = await findRules(pdf, { pages: [1] });
    if (mark) {
      const raster = await rasterPage(pdf, 1, 150);
      const ink = inkBox(raster, 150, "red", { yFromMm: 20, yToMm: 130, xFromMm: 15, xToMm: 195 });
      const red = rules.filter((r) => r.colour === "red").map((r) => r.yMm);
      const markInk = ink && !red.some((y) => Math.abs(y - ink.yMinMm) < 1.5) ? ink : undefined;
      if (!markInk) {
        out.push({ rule: "mark-red", severity: "error", clause: "§7.2.4", element: "发文机关标志", measured: "第 1 页上部没有红色文字", wanted: "红色标志", zh: "发文机关标志不是红色", en: "the mark is not printed red", where: { page: 1, words: mark.text } });
      } else if (Math.abs(markInk.yMinMm - (AREA.top + 35)) > 1.5) {
        out.push({ rule: "mark-position", severity: "error", clause: "§7.2.4", element: "发文机关标志", measured: `上边缘距纸张上边 ${markInk.yMinMm.toFixed(1)} mm（距版心上边 ${(markInk.yMinMm - AREA.top).toFixed(1)} mm）`, wanted: "上边缘距版心上边 35 mm（距纸张上边 72 mm）", zh: "发文机关标志位置不对", en: "the mark's upper edge is not 35 mm under the type area", where: { page: 1, words: mark.text } });
      }
    }
    const redRule = rules.find((r) => r.colour === "red" && r.x2Mm - r.x1Mm > 60);
    if (!redRule) {
      out.push({ rule: "red-rule", severity: "error", clause: "§7.2.7", element: "版头分隔线", measured: "没有红色分隔线", wanted: "发文字号下 4 mm 处与版心等宽的红色分隔线", zh: "缺少版头中的红色分隔线", en: "the red separator rule under the document number is missing", where: { page: 1 } });
    } else {
      const width = redRule.x2Mm - redRule.x1Mm;
      const numberLine = number ? layout.lines.find((l) => l.page === 1 && l.text.startsWith(number.text.replace(/\s/g, "").slice(0, 4))) : undefined;
      const gap = numberLine ? redRule.yMm - numberLine.yMax : undefined;
      if (Math.abs(width - AREA.width) > 2) {
        out.push({ rule: "red-rule", severity: "error", clause: "§7.2.7", element: "版头分隔线", measured: `宽 ${width.toFixed(1)} mm`, wanted: "与版心等宽（156 mm）", zh: "红色分隔线应与版心等宽", en: "the red rule is as wide as the type area", where: { page: 1 } });
      }
      if (gap !== undefined && (gap < 2 || gap > 6.5)) {
        out.push({ rule: "red-rule", severity: "error", clause: "§7.2.7", element: "版头分隔线", measured: `在发文字号下 ${gap.toFixed(1)} mm`, wanted: "发文字号之下 4 mm", zh: "红色分隔线位置不对", en: "the red rule is not 4 mm under the document number", where: { page: 1 } });
      }
    }
  }

  // ── §7.5: page numbers 「— n —」 7 mm under the 版心, odd pages right, even left, one character in ──
  const colophonPage = first("printer") || first("copy-to") ? layout.lines.filter((l) => /印发$/.test(l.text) || /^抄送/.test(l.text)).at(-1)?.page : undefined;
  const colophonAlone = colophonPage !== undefined && body(colophonPage).every((l) => /印发$|^抄送|^信息公开属性|。$/.test(l.text) || elements.some((e) => (e.role === "distribution" || e.role === "copy-to") && compact(e.text).startsWith(l.text.slice(0, 6))));
  for (let page = 1; page <= layout.pages; page++) {
    if (colophonAlone && page === colophonPage) continue;
    // A blank page (before a 版记 page, §7.5) carries no number.
    if (!layout.lines.some((l) => l.page === page && l.yMin < textBottom)) continue;
    const below = layout.lines.filter((l) => l.page === page && l.yMin > textBottom + 1);
    const mark = below.find((l) => /^[—\-–－]*\d+[—\-–－]*$/u.test(l.text));
    if (!mark) {
      out.push({ rule: "page-number-missing", severity: "error", clause: "§7.5", element: "页码", measured: `第 ${page} 页没有页码`, wanted: "“— n —”", zh: "缺少页码", en: "no page number", where: { page } });
      continue;
    }
    if (!/^—\d+—$/u.test(mark.text)) {
      out.push({ rule: "page-number-form", severity: "error", clause: "§7.5", element: "页码", measured: `“${mark.text}”`, wanted: "“— n —”（数字两边各一条一字线）", zh: "页码形式不对", en: "the page number is not written — n —", where: { page } });
    }
    const centre = (mark.yMin + mark.yMax) / 2;
    const sideOk = page % 2 === 1 ? Math.abs(mark.xMax - (AREA.right - 4.94)) <= 2.5 : Math.abs(mark.xMin - (AREA.left + 4.94)) <= 2.5;
    if (Math.abs(centre - (AREA.bottom + 7)) > 2 || !sideOk) {
      const side = mark.xMin + mark.xMax > AREA.left + AREA.right + 20 ? "居右" : mark.xMin + mark.xMax < AREA.left + AREA.right - 20 ? "居左" : "居中";
      out.push({ rule: "page-number-position", severity: "error", clause: "§7.5", element: "页码", measured: `${side}，距版心下边 ${(centre - AREA.bottom).toFixed(1)} mm`, wanted: `版心下 7 mm，${page % 2 === 1 ? "单页居右" : "双页居左"}空一字`, zh: "页码位置不对", en: "the page number is misplaced", where: { page } });
    }
  }

  // ── §7.4: the 版记 on the last page, its last rule on the 版心's bottom edge, the last page even ──
  const printer = first("printer");
  if (printer) {
    const at = locate(printer.paragraphs[0]!);
    if (at && at.page !== layout.pages) {
      out.push({ rule: "colophon-page", severity: "error", clause: "§7.4.1", element: "版记", measured: `印发机关和印发日期在第 ${at.page} 页（共 ${layout.pages} 页）`, wanted: "版记在公文最后一面", zh: "版记不在最后一页", en: "the colophon is not on the last page", where: { page: at.page } });
    }
    if (layout.pages % 2 === 1) {
      out.push({ rule: "colophon-even", severity: "warning", clause: "§7.4.1", element: "版记", measured: `共 ${layout.pages} 页，版记在单页`, wanted: "版记在最后一面（双面印刷时为偶数页）", zh: "版记所在页不是偶数页（双面印刷时不在最后一面）", en: "the colophon is on an odd page (not the back of the last sheet)", where: { page: layout.pages } });
    }
    const black = await findRules(pdf, { pages: [layout.pages] });
    const lines = black.filter((r) => r.colour === "black" && r.x2Mm - r.x1Mm > 100);
    const bottom = lines.sort((a, b) => b.yMm - a.yMm)[0];
    if (lines.length < 2) {
      out.push({ rule: "colophon-rules", severity: "error", clause: "§7.4.1", element: "版记", measured: `版记分隔线 ${lines.length} 条`, wanted: "首条、末条粗线（0.35 mm），中间细线（0.25 mm），与版心等宽", zh: "版记缺少分隔线", en: "the colophon's rules are missing", where: { page: layout.pages } });
    } else if (bottom && Math.abs(bottom.yMm - AREA.bottom) > 2) {
      out.push({ rule: "colophon-bottom", severity: "error", clause: "§7.4.1", element: "版记", measured: `末条分隔线距纸张上边 ${bottom.yMm.toFixed(1)} mm`, wanted: `与版心下边缘重合（${AREA.bottom} mm）`, zh: "版记末条分隔线应与版心下边缘重合", en: "the colophon's last rule coincides with the type area's bottom edge", where: { page: layout.pages } });
    }
  }

  // ── §7.3.5.5: the page of the 署名 and 成文日期 holds 正文; §7.3.3: the first page shows 正文 ──
  const date = dateElement;
  const dateAt = date ? locate(date.paragraphs[0]!) : undefined;
  if (date && dateAt) {
    const signatureTexts = elements.filter((e) => e.role === "signature" || e.role === "date" || e.role === "attachment-note").map((e) => compact(e.text));
    const others = body(dateAt.page).filter((l) => (l.yMin + l.yMax) / 2 < (layout.lines.find((x) => x.page === dateAt.page && x.text.startsWith(compact(date.text).slice(0, 6)))?.yMin ?? Infinity) && !signatureTexts.some((t) => t.startsWith(l.text.slice(0, 6))));
    if (others.length === 0) {
      out.push({ rule: "signature-alone", severity: "error", clause: "§7.3.5.5", element: "发文机关署名", measured: `第 ${dateAt.page} 页只有署名和成文日期`, wanted: "署名、成文日期与正文在同一页", zh: "署名页没有正文", en: "the signature page holds no 正文", where: { page: dateAt.page } });
    }
  }
  const firstBody = elements.find((e) => e.role === "paragraph" || e.role === "heading");
  const firstAt = firstBody ? locate(firstBody.paragraphs[0]!) : undefined;
  if (firstBody && firstAt && firstAt.page > 1) {
    out.push({ rule: "first-page-text", severity: "error", clause: "§7.3.3", element: "正文", measured: `正文从第 ${firstAt.page} 页开始`, wanted: "公文首页必须显示正文", zh: "首页没有正文", en: "the first page shows no 正文", where: { page: firstAt.page } });
  }
  return out;
}

function mode(values: readonly number[]): number | undefined {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
}
