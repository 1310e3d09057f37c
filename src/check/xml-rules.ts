/**
 * GB/T 9704 rules read from the file itself: page set-up, and for each recognised element its face,
 * size, alignment and wording. These hold whatever program lays the file out.
 */
import type { Draft, DraftParagraph, RunProps } from "../draft/model.js";
import { markerOf, parseDate, parseDocNumber, parsePrinterLine, PROPER_MARKER, cnToNumber, type Element } from "../draft/recognise.js";
import { DOC_TYPES } from "../model/cross-rules.js";
import type { FindingInput } from "./finding.js";

export type Face = "仿宋" | "黑体" | "楷体" | "小标宋" | "宋体";

/** The typeface class a font name belongs to (the standard names classes; bureaus name fonts). */
export function faceOf(font: string | undefined): Face | undefined {
  if (!font) return undefined;
  if (/仿宋|fangsong|fang ?song|FZFS/i.test(font)) return "仿宋";
  if (/小标宋|标宋|xiaobiaosong|FZXBS/i.test(font)) return "小标宋";
  if (/楷|kaiti|\bkai\b|FZKT/i.test(font)) return "楷体";
  if (/黑体|simhei|\bhei\b|FZHT|sans cjk|思源黑|source han sans|微软雅黑|yahei/i.test(font)) return "黑体";
  if (/宋|simsun|song|serif cjk|source han serif|思源宋/i.test(font)) return "宋体";
  return undefined;
}

const SIZE_NAMES: ReadonlyArray<[number, string]> = [[42, "初号"], [36, "小初"], [26, "一号"], [24, "小一"], [22, "二号"], [18, "小二"], [16, "三号"], [15, "小三"], [14, "四号"], [12, "小四"], [10.5, "五号"], [9, "小五"]];
export function sizeName(pt: number | undefined): string {
  if (pt === undefined) return "?";
  const named = SIZE_NAMES.find(([size]) => Math.abs(size - pt) < 0.25)?.[1];
  return named ? `${named}（${pt} 磅）` : `${pt} 磅`;
}

/** The look of most of a paragraph's characters (or of its first `chars` characters). */
export function dominant(p: DraftParagraph, chars = Infinity): RunProps | undefined {
  const weights = new Map<string, { props: RunProps; weight: number }>();
  let seen = 0;
  for (const run of p.runs) {
    if (seen >= chars) break;
    const visible = [...run.text].filter((c) => !/\s/u.test(c)).length;
    const weight = Math.min(visible, chars - seen);
    seen += visible;
    if (weight <= 0) continue;
    const { text: _text, ...props } = run;
    const key = JSON.stringify([faceOf(props.eastAsiaFont) ?? props.eastAsiaFont, props.sizePt, props.bold, props.scalePct, props.colour]);
    const entry = weights.get(key) ?? { props, weight: 0 };
    entry.weight += weight;
    weights.set(key, entry);
  }
  return [...weights.values()].sort((a, b) => b.weight - a.weight)[0]?.props;
}

/** The look of most visible characters of p.text[from, to) (runs laid end to end give the offsets). */
function dominantIn(p: DraftParagraph, from: number, to: number): RunProps | undefined {
  const weights = new Map<string, { props: RunProps; weight: number }>();
  let offset = 0;
  for (const run of p.runs) {
    const start = offset;
    offset += run.text.length;
    const inside = run.text.slice(Math.max(0, from - start), Math.max(0, to - start));
    const weight = [...inside].filter((c) => !/\s/u.test(c)).length;
    if (weight === 0) continue;
    const { text: _text, ...props } = run;
    const key = JSON.stringify([faceOf(props.eastAsiaFont) ?? props.eastAsiaFont, props.sizePt]);
    const entry = weights.get(key) ?? { props, weight: 0 };
    entry.weight += weight;
    weights.set(key, entry);
  }
  return [...weights.values()].sort((a, b) => b.weight - a.weight)[0]?.props;
}

const fontLabel = (props: RunProps) => `${props.eastAsiaFont ?? "（未指定字体）"}${props.bold ? " 加粗" : ""}`;

interface Look {
  readonly face: Face;
  readonly sizePt: number;
  readonly clause: string;
  readonly element: string;
  /** Run-in headings: only the heading sentence. */
  readonly chars?: number;
}

const TITLE_END_PUNCTUATION = /[。．.，,；;：:！!？?]$/u;
const DOC_TYPE_AT_END = new RegExp(`(${DOC_TYPES.join("|")})$`, "u");
const HALF_WIDTH = /(?<=[\p{Script=Han}“”《》])[,;:?!()]|[,;:?!()](?=[\p{Script=Han}“”《》])/u;
const words = (text: string) => (text.length > 14 ? `${text.slice(0, 14)}…` : text);

export function xmlRules(draft: Draft, elements: readonly Element[]): FindingInput[] {
  const out: FindingInput[] = [];
  const paragraph = (index: number) => draft.paragraphs[index]!;
  const at = (e: Element) => ({ paragraph: (e.paragraphs[0] ?? 0) + 1, words: words(e.text || e.shown) });

  // ── page set-up ──
  const section = draft.sections[draft.sections.length - 1]!;
  const portrait = draft.sections.find((s) => !s.landscape) ?? section;
  if (Math.abs(portrait.pageWidthMm - 210) > 1 || Math.abs(portrait.pageHeightMm - 297) > 1) {
    out.push({ rule: "paper", severity: "error", clause: "§5.1", element: "纸张", measured: `${portrait.pageWidthMm} × ${portrait.pageHeightMm} mm`, wanted: "A4 210 × 297 mm", zh: "纸张不是 A4", en: "the paper is not A4" });
  }
  const margins: Array<[keyof typeof portrait.marginMm, number, string, string]> = [
    ["top", 37, "天头（上白边）", "top margin"],
    ["left", 28, "订口（左白边）", "left (binding) margin"],
    ["bottom", 35, "下白边（版心高 225 mm）", "bottom margin (225 mm type area)"],
    ["right", 26, "右白边（版心宽 156 mm）", "right margin (156 mm type area)"],
  ];
  for (const [side, wanted, zh, en] of margins) {
    const measured = portrait.marginMm[side];
    if (Math.abs(measured - wanted) > 1) {
      out.push({ rule: "margins", severity: "error", clause: "§5.2.1", element: "页边距", measured: `${zh} ${measured} mm`, wanted: `${wanted} mm ± 1 mm`, zh: `${zh}为 ${measured} mm`, en: `${en} is ${measured} mm` });
    }
  }

  // ── lines of the grid: exact 28.95 pt lines, or a document grid of that pitch ──
  const bodyParagraphs = elements.filter((e) => e.role === "paragraph" || e.role === "list-item" || (e.role === "heading" && e.runIn));
  const spacingOf = (p: DraftParagraph): string => {
    if (p.spacing.lineRule === "exact" || p.spacing.lineRule === "atLeast") return `${p.spacing.lineRule === "exact" ? "固定值" : "最小值"} ${(p.spacing.line ?? 0) / 20} 磅`;
    return `${((p.spacing.line ?? 240) / 240).toFixed(2).replace(/\.?0+$/, "")} 倍行距`;
  };
  const gridPitch = section.grid.type && section.grid.type !== "default" ? section.grid.linePitchTwips : undefined;
  // §7.3.5.5 lets the last lines be set tighter (down to 3/4) to keep the 署名 with the 正文.
  const closingLines = new Set(bodyParagraphs.slice(-4));
  for (const e of bodyParagraphs) {
    const p = paragraph(e.paragraphs[0]!);
    const line = p.spacing.line ?? 0;
    const exactOk = p.spacing.lineRule === "exact" && (Math.abs(line - 579) <= 12 || (closingLines.has(e) && line >= 579 * 0.74 && line <= 579));
    const gridOk = p.spacing.lineRule === "auto" && (p.spacing.line ?? 240) === 240 && gridPitch !== undefined && Math.abs(gridPitch - 579) <= 12;
    if (!exactOk && !gridOk) {
      out.push({ rule: "line-pitch", severity: "error", clause: "§5.2.3", element: "正文行距", measured: `${spacingOf(p)}${gridPitch ? `，文档网格 ${gridPitch / 20} 磅` : "，无文档网格"}`, wanted: "每面 22 行：固定值 28.95 磅（或行距 28.95 磅的文档网格）", zh: "行距不能使每面排 22 行", en: "the line spacing does not give 22 lines a page", where: at(e), paragraphs: e.paragraphs });
    }
  }

  // ── faces and sizes of each element ──
  const looks: Partial<Record<Element["role"], Look>> = {
    title: { face: "小标宋", sizePt: 22, clause: "§7.3.1", element: "标题" },
    "doc-number": { face: "仿宋", sizePt: 16, clause: "§7.2.5", element: "发文字号" },
    addressees: { face: "仿宋", sizePt: 16, clause: "§7.3.2", element: "主送机关" },
    paragraph: { face: "仿宋", sizePt: 16, clause: "§5.2.2", element: "正文" },
    "list-item": { face: "仿宋", sizePt: 16, clause: "§5.2.2", element: "正文" },
    "attachment-note": { face: "仿宋", sizePt: 16, clause: "§7.3.4", element: "附件说明" },
    signature: { face: "仿宋", sizePt: 16, clause: "§7.3.5", element: "发文机关署名" },
    date: { face: "仿宋", sizePt: 16, clause: "§7.3.5", element: "成文日期" },
    note: { face: "仿宋", sizePt: 16, clause: "§7.3.6", element: "附注" },
    secrecy: { face: "黑体", sizePt: 16, clause: "§7.2.2", element: "密级" },
    urgency: { face: "黑体", sizePt: 16, clause: "§7.2.3", element: "紧急程度" },
    "copy-to": { face: "仿宋", sizePt: 14, clause: "§7.4.2", element: "抄送机关" },
    distribution: { face: "仿宋", sizePt: 14, clause: "§7.4.2", element: "版记" },
    printer: { face: "仿宋", sizePt: 14, clause: "§7.4.3", element: "印发机关和印发日期" },
    mark: { face: "小标宋", sizePt: 0, clause: "§7.2.4", element: "发文机关标志" },
  };
  const headingLooks: Record<1 | 2 | 3 | 4, Face> = { 1: "黑体", 2: "楷体", 3: "仿宋", 4: "仿宋" };
  for (const e of elements) {
    const look: Look | undefined =
      e.role === "heading" && e.level
        ? { face: headingLooks[e.level], sizePt: 16, clause: "§7.3.3", element: `${["", "一", "二", "三", "四"][e.level]}级标题`, ...(e.runIn ? { chars: (e.marker?.length ?? 0) + e.runIn.heading.length } : {}) }
        : e.role === "note" && /^信息公开属性/.test(e.text)
          ? { face: "仿宋", sizePt: 14, clause: "§7.4", element: "版记" }
          : looks[e.role];
    if (!look) continue;
    for (const index of e.role === "title" ? e.paragraphs : e.paragraphs.slice(0, 1)) {
      const props = dominant(paragraph(index), look.chars);
      if (!props) continue;
      const face = faceOf(props.eastAsiaFont);
      if (face !== look.face) {
        out.push({ rule: "face", severity: "error", clause: look.clause, element: look.element, measured: fontLabel(props), wanted: `${look.face}体`.replace("体体", "体"), zh: `${look.element}应用${look.face}`, en: `the ${look.element} must be set in ${look.face}`, where: at(e), paragraphs: [index] });
      }
      if (look.sizePt > 0 && Math.abs((props.sizePt ?? 0) - look.sizePt) >= 0.25) {
        out.push({ rule: "size", severity: "error", clause: look.clause, element: look.element, measured: sizeName(props.sizePt), wanted: sizeName(look.sizePt), zh: `${look.element}字号应为${sizeName(look.sizePt)}`, en: `the ${look.element} must be ${look.sizePt} pt`, where: at(e), paragraphs: [index] });
      }
      if (props.bold && e.role !== "heading") {
        out.push({ rule: "bold", severity: "warning", clause: look.clause, element: look.element, measured: "加粗", wanted: "不加粗（标准只规定字体，不用加粗）", zh: `${look.element}加粗了`, en: `the ${look.element} is bold`, where: at(e), paragraphs: [index] });
      }
      if (Math.abs(props.scalePct - 100) > 2 && e.role !== "mark") {
        out.push({ rule: "scaling", severity: "warning", clause: "§5.2.3", element: look.element, measured: `字符缩放 ${props.scalePct}%`, wanted: "100%（每行 28 字靠字距调整，不压扁字形）", zh: `${look.element}的字形被缩放`, en: `the ${look.element}'s characters are scaled`, where: at(e), paragraphs: [index] });
      }
      if (props.colour && !/^0{6}$/.test(props.colour) && e.role !== "mark") {
        out.push({ rule: "colour", severity: "warning", clause: "§5.2.4", element: look.element, measured: `颜色 #${props.colour}`, wanted: "黑色", zh: `${look.element}不是黑色`, en: `the ${look.element} is not black`, where: at(e), paragraphs: [index] });
      }
    }
  }

  // ── 发文机关标志: red, centred ──
  for (const e of elements.filter((x) => x.role === "mark")) {
    const p = paragraph(e.paragraphs[0]!);
    const props = dominant(p);
    if (props && !(props.colour && /^(FF0000|E60000|C00000|FF\w{4}|E\w0000)$/.test(props.colour))) {
      out.push({ rule: "mark-red", severity: "error", clause: "§7.2.4", element: "发文机关标志", measured: props.colour ? `颜色 #${props.colour}` : "黑色", wanted: "红色", zh: "发文机关标志应为红色", en: "the mark must be red", where: at(e), paragraphs: e.paragraphs });
    }
    if (p.align !== "center" && p.align !== "distribute") out.push(alignment(e, p, "居中", "§7.2.4", "发文机关标志"));
  }

  // ── 发文字号 ──
  for (const e of elements.filter((x) => x.role === "doc-number")) {
    const parts = parseDocNumber(e.text);
    if (parts && !parts.wellFormed) {
      const what = parts.open !== "〔" || parts.close !== "〕" ? `年份括在“${parts.open}${parts.close}”中` : parts.year.length !== 4 ? "年份不全" : /第/.test(parts.serial) ? "顺序号前加了“第”" : "顺序号编了虚位";
      out.push({ rule: "docno-format", severity: "error", clause: "§7.2.5", element: "发文字号", measured: `${e.text}（${what}）`, wanted: parts.proper, zh: `发文字号${what}，应为“${parts.proper}”`, en: `document number: use ${parts.proper}`, where: at(e), paragraphs: e.paragraphs });
    }
    const p = paragraph(e.paragraphs[0]!);
    if (!e.marker && p.align !== "center") out.push(alignment(e, p, "居中", "§7.2.5", "发文字号"));
  }

  // ── 签发人 (§7.2.6): “签发人：” in 仿宋, the names in 楷体, on the 文号's line or stacked below it ──
  const signerLines = [
    ...elements.filter((x) => x.role === "doc-number" && x.marker && /^签发人/u.test(x.marker)),
    ...elements.filter((x) => x.role === "signer"),
  ];
  for (const e of signerLines) {
    const p = paragraph(e.paragraphs[0]!);
    const label = p.text.indexOf("签发人");
    if (label < 0) continue;
    const colon = /^签发人\s*[:：]?/u.exec(p.text.slice(label))?.[0].length ?? 3;
    const parts: Array<[string, number, number, Face]> = [
      ["“签发人”三字", label, label + colon, "仿宋"],
      ["签发人姓名", label + colon, p.text.length, "楷体"],
    ];
    for (const [what, from, to, wanted] of parts) {
      const props = dominantIn(p, from, to);
      const face = faceOf(props?.eastAsiaFont);
      if (props && face !== wanted) {
        out.push({ rule: "signer-face", severity: "error", clause: "§7.2.6", element: "签发人", measured: `${what}用${fontLabel(props)}`, wanted: `${what}用${wanted}体`.replace("体体", "体"), zh: `${what}应用${wanted}`, en: `${what === "签发人姓名" ? "the signers' names" : "the word 签发人"} must be set in ${wanted}`, where: at(e), paragraphs: e.paragraphs });
      }
    }
  }

  // ── 纪要 attendance (§10.3): 出席：/请假：/列席： in 黑体, the names in 仿宋 ──
  for (const e of elements.filter((x) => x.role === "attendance")) {
    const p = paragraph(e.paragraphs[0]!);
    const label = /^[\s\u3000]*(出席|请假|缺席|列席)(人员)?[:：]/u.exec(p.text);
    if (!label) continue;
    const parts: Array<[string, number, number, Face]> = [
      [`“${label[1]}”`, 0, label[0].length, "黑体"],
      [`${label[1]}名单`, label[0].length, p.text.length, "仿宋"],
    ];
    for (const [what, from, to, wanted] of parts) {
      const props = dominantIn(p, from, to);
      const face = faceOf(props?.eastAsiaFont);
      if (props && face !== wanted) {
        out.push({ rule: "minutes-attendance-face", severity: "error", clause: "§10.3", element: "出席、请假、列席", measured: `${what}用${fontLabel(props)}`, wanted: `${what}用${wanted}`, zh: `${what}应用${wanted}`, en: `${what} must be set in ${wanted}`, where: at(e), paragraphs: e.paragraphs });
      }
    }
  }

  // ── 标题 ──
  const title = elements.find((e) => e.role === "title");
  if (title) {
    if (!DOC_TYPE_AT_END.test(title.text)) {
      out.push({ rule: "title-doctype", severity: "warning", clause: "条例第九条", element: "标题", measured: `末尾为“${title.text.slice(-2)}”`, wanted: `以文种结尾（${DOC_TYPES.join("、")}）`, zh: "标题末尾不是文种", en: "the title does not end with a document type", where: at(title), paragraphs: title.paragraphs });
    }
    if (TITLE_END_PUNCTUATION.test(title.text)) {
      out.push({ rule: "title-punctuation", severity: "warning", clause: "§7.3.1", element: "标题", measured: `末尾有“${title.text.slice(-1)}”`, wanted: "标题末尾不加标点", zh: "标题末尾有标点", en: "the title ends with punctuation", where: at(title), paragraphs: title.paragraphs });
    }
    const p = paragraph(title.paragraphs[0]!);
    if (p.align !== "center") out.push(alignment(title, p, "居中", "§7.3.1", "标题"));
  }

  // ── 主送机关 ──
  for (const e of elements.filter((x) => x.role === "addressees")) {
    if (!e.text.endsWith("：")) {
      out.push({ rule: "addressees-colon", severity: "error", clause: "§7.3.2", element: "主送机关", measured: `末尾为“${e.text.slice(-1)}”`, wanted: "全角冒号“：”", zh: "主送机关后应为全角冒号", en: "the addressees end with a full-width colon", where: at(e), paragraphs: e.paragraphs });
    }
    const p = paragraph(e.paragraphs[0]!);
    if (p.indent.firstLine > 60 || (p.indent.firstLineChars ?? 0) > 0.2 || /^[\s\u3000]/u.test(p.text)) {
      out.push({ rule: "addressees-indent", severity: "error", clause: "§7.3.2", element: "主送机关", measured: "首行缩进", wanted: "居左顶格", zh: "主送机关应居左顶格", en: "the addressees stand flush left", where: at(e), paragraphs: e.paragraphs });
    }
  }

  // ── 正文: the first line indented two characters, by indent, not by spaces ──
  for (const e of elements.filter((x) => x.role === "paragraph" || x.role === "list-item" || x.role === "heading")) {
    const p = paragraph(e.paragraphs[0]!);
    const size = dominant(p)?.sizePt ?? 16;
    const indentChars = p.indent.firstLineChars ?? p.indent.firstLine / (size * 20);
    const typed = /^[\u3000]+|^ {2,}|^\t/u.exec(p.text)?.[0];
    if (typed) {
      out.push({ rule: "indent-spaces", severity: "warning", clause: "§7.3.3", element: "正文", measured: `段首用${typed.includes("\t") ? "制表符" : "空格"}缩进`, wanted: "首行缩进 2 字（段落格式）", zh: "段首空两字应设为首行缩进，不用空格", en: "indent the first line by paragraph format, not by spaces", where: at(e), paragraphs: e.paragraphs });
    } else if (Math.abs(indentChars - 2) > 0.3) {
      out.push({ rule: "indent", severity: "error", clause: "§7.3.3", element: e.role === "heading" ? "标题层次" : "正文", measured: `首行缩进 ${Math.round(indentChars * 10) / 10} 字`, wanted: "首行缩进 2 字，回行顶格", zh: "每个自然段左空二字", en: "each paragraph's first line is indented two characters", where: at(e), paragraphs: e.paragraphs });
    }
  }

  // ── heading numbers: the form of each level and their sequence ──
  const counters = [0, 0, 0, 0, 0];
  for (const e of elements.filter((x) => x.role === "heading" && x.attachment === undefined)) {
    const level = e.level!;
    if (e.marker && !PROPER_MARKER[level].test(e.marker)) {
      const proper = ["", "一、", "（一）", "1.", "（1）"][level];
      out.push({ rule: "heading-marker", severity: "error", clause: "§7.3.3", element: `${["", "一", "二", "三", "四"][level]}级标题`, measured: `“${e.marker}”`, wanted: `“${proper}”式`, zh: `${["", "一", "二", "三", "四"][level]}级标题序号应写成“${proper}”的形式`, en: `level-${level} headings are numbered like "${proper}"`, where: at(e), paragraphs: e.paragraphs });
    }
    const n = e.marker ? cnToNumber(e.marker.replace(/[^0-9一二三四五六七八九十]/gu, "")) : undefined;
    counters[level]!++;
    for (let l = level + 1; l <= 4; l++) counters[l] = 0;
    if (n !== undefined && n !== counters[level]) {
      out.push({ rule: "heading-sequence", severity: "warning", clause: "§7.3.3", element: "标题层次", measured: `“${e.marker}”（应为第 ${counters[level]} 个）`, wanted: "同级序号依次连续", zh: "标题序号不连续", en: "heading numbers skip or repeat", where: at(e), paragraphs: e.paragraphs });
      counters[level] = n;
    }
  }

  // ── 成文日期 ──
  for (const e of elements.filter((x) => x.role === "date")) {
    const date = parseDate(e.text);
    if (date && (!date.arabic || date.padded)) {
      out.push({ rule: "date-digits", severity: "error", clause: "§7.3.5.4", element: "成文日期", measured: e.text, wanted: date.iso ? arabicDate(date.iso) : "阿拉伯数字，年月日标全，不编虚位", zh: "成文日期应用阿拉伯数字将年、月、日标全，不编虚位", en: "the date takes Arabic digits, complete, without padding", where: at(e), paragraphs: e.paragraphs });
    }
  }

  // ── 附注, 抄送, 印发 ──
  for (const e of elements.filter((x) => x.role === "note" && !/^信息公开属性/.test(x.text))) {
    if (!/^（[^（）]+）$/u.test(e.text)) {
      out.push({ rule: "note-parens", severity: "error", clause: "§7.3.6", element: "附注", measured: e.text, wanted: "全角圆括号“（……）”", zh: "附注应加全角圆括号", en: "the note stands in full-width parentheses", where: at(e), paragraphs: e.paragraphs });
    }
  }
  for (const e of elements.filter((x) => x.role === "copy-to")) {
    if (!e.text.endsWith("。")) {
      out.push({ rule: "copy-to-stop", severity: "error", clause: "§7.4.2", element: "抄送机关", measured: `末尾为“${e.text.slice(-1)}”`, wanted: "最后一个抄送机关后标句号", zh: "抄送机关末尾应加句号", en: "the last copied organ is followed by 。", where: at(e), paragraphs: e.paragraphs });
    }
  }
  for (const e of elements.filter((x) => x.role === "printer")) {
    const parsed = parsePrinterLine(e.shown.replace("\t", "  "));
    const date = parsed ? parseDate(parsed.date) : undefined;
    if (date && (!date.arabic || date.padded)) {
      out.push({ rule: "date-digits", severity: "error", clause: "§7.4.3", element: "印发日期", measured: parsed!.date, wanted: date.iso ? arabicDate(date.iso) : "阿拉伯数字", zh: "印发日期应用阿拉伯数字，不编虚位", en: "the printing date takes Arabic digits without padding", where: at(e), paragraphs: e.paragraphs });
    }
  }

  // ── 页码 ──
  const footers = draft.footers.filter((f) => f.hasPageField);
  if (footers.length === 0) {
    out.push({ rule: "page-number-missing", severity: "error", clause: "§7.5", element: "页码", measured: "页脚中没有页码域", wanted: "4 号半角宋体阿拉伯数字，两边各一条一字线：— 1 —", zh: "没有页码", en: "there are no page numbers" });
  }
  for (const footer of footers) {
    const compact = footer.text.replace(/\s+/g, "");
    if (!/^—\d*—$/u.test(compact)) {
      out.push({ rule: "page-number-form", severity: "error", clause: "§7.5", element: "页码", measured: `“${footer.text.trim() || "（只有数字）"}”`, wanted: "“— 1 —”（一字线 U+2014）", zh: "页码两边应各有一条一字线", en: "the page number stands between two em dashes (U+2014)" });
    }
    const props = footer.runs.find((r) => /\d|—/.test(r.text)) ?? footer.runs[0];
    if (props && Math.abs((props.sizePt ?? 0) - 14) >= 0.25) {
      out.push({ rule: "size", severity: "error", clause: "§7.5", element: "页码", measured: sizeName(props.sizePt), wanted: sizeName(14), zh: "页码应为 4 号字", en: "page numbers are 14 pt" });
    }
  }
  const types = new Set(footers.map((f) => f.type));
  if (footers.length > 0 && !(types.has("default") && types.has("even")) && footers.every((f) => f.align === "center")) {
    out.push({ rule: "page-number-side", severity: "error", clause: "§7.5", element: "页码", measured: "居中", wanted: "单页居右空一字，双页居左空一字", zh: "页码应单页居右、双页居左", en: "odd pages' numbers stand right, even pages' left" });
  }

  // ── punctuation: half-width marks inside Chinese text ──
  for (const e of elements.filter((x) => x.role !== "printer" && x.role !== "doc-number")) {
    const m = HALF_WIDTH.exec(e.text);
    if (m) {
      out.push({ rule: "half-width-punctuation", severity: "warning", clause: "GB/T 15834", element: "标点", measured: `半角“${m[0]}”：…${e.text.slice(Math.max(0, m.index - 6), m.index + 6)}…`, wanted: "中文中用全角标点", zh: "中文中夹有半角标点", en: "half-width punctuation inside Chinese text", where: at(e), paragraphs: e.paragraphs });
    }
  }
  // level markers that are not the standard's (e.g. 1、 or (一)) on lists are reported by heading-marker; typed ones on list items too:
  for (const e of elements.filter((x) => x.role === "list-item" && x.marker && x.listStyle !== "ordinal")) {
    const m = markerOf(e.shown);
    if (m && m.level !== "ordinal" && !PROPER_MARKER[m.level].test(m.marker)) {
      out.push({ rule: "heading-marker", severity: "warning", clause: "§7.3.3", element: "列项", measured: `“${m.marker}”`, wanted: `“${["", "一、", "（一）", "1.", "（1）"][m.level]}”式`, zh: "序号写法不合层次序数的形式", en: "the item number is not in a standard form", where: at(e), paragraphs: e.paragraphs });
    }
  }
  return out;
}

function alignment(e: Element, p: DraftParagraph, wanted: string, clause: string, element: string): FindingInput {
  const names: Record<DraftParagraph["align"], string> = { left: "居左", center: "居中", right: "居右", both: "两端对齐", distribute: "分散对齐" };
  return { rule: "alignment", severity: "error", clause, element, measured: names[p.align], wanted, zh: `${element}应${wanted}`, en: `the ${element} must be ${wanted === "居中" ? "centred" : wanted}`, where: { paragraph: (e.paragraphs[0] ?? 0) + 1, words: words(e.text) }, paragraphs: e.paragraphs };
}

function arabicDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${y}年${m}月${d}日`;
}
