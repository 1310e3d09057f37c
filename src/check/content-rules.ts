/**
 * Rules on what the elements say rather than how they are set: a title's line breaks (§7.3.1: 词意完整,
 * 梯形或菱形), judged by the very analysis `validate` runs on data files, and whether the 附件说明
 * agrees with the attachments bound after the text (§7.3.4, §7.3.7: numbers and names the same).
 */
import type { Element } from "../draft/recognise.js";
import { validateTitleLines, type TitleProblem } from "../layout/title-breaks.js";
import type { FindingInput } from "./finding.js";

const words = (text: string) => (text.length > 14 ? `${text.slice(0, 14)}…` : text);
const at = (e: Element) => ({ paragraph: (e.paragraphs[0] ?? 0) + 1, words: words(e.text || e.shown) });
/** Names compare without white space, which drafts scatter through long titles. */
const compact = (text: string) => text.replace(/[\s\u3000]+/gu, "");

const TITLE_RULES: Record<Exclude<TitleProblem["kind"], "too-wide">, { rule: string; zh: string; wanted: string }> = {
  "word-split": { rule: "title-word-split", zh: "标题在词语、数字或引号内的名称中间回行", wanted: "回行时词意完整" },
  shape: { rule: "title-shape", zh: "标题各行未排成梯形或菱形", wanted: "梯形（上短下长）或菱形" },
  "stray-char": { rule: "title-stray-char", zh: "标题有一行只有一个字", wanted: "每行不只一个字" },
  punctuation: { rule: "title-line-punctuation", zh: "标题行首或行尾的标点不合规范", wanted: "行首无点号和后半括号，行尾无前半括号" },
};

/** §7.3.1 on the title's lines as the draft breaks them (explicit line ends or paragraphs). */
function titleLineRules(title: Element): FindingInput[] {
  const lines = (title.lines ?? []).filter((line) => line.trim() !== "");
  if (lines.length < 2) return [];
  return validateTitleLines(lines, { trackingPt: 0 }).flatMap((problem): FindingInput[] => {
    // Whether a line is too wide is for the layout to say: the draft's fonts and tracking may differ.
    if (problem.kind === "too-wide") return [];
    const rule = TITLE_RULES[problem.kind];
    const measured = problem.kind === "shape" ? lines.map((line) => [...compact(line)].length).join(" / ") + " 字" : `第 ${problem.line + 1} 行“${words(lines[problem.line] ?? "")}”`;
    return [{ rule: rule.rule, severity: "warning", clause: "§7.3.1", element: "标题", measured, wanted: rule.wanted, zh: rule.zh, en: problem.message, where: at(title), paragraphs: title.paragraphs }];
  });
}

interface NoteEntry {
  readonly number?: number;
  readonly name: string;
  readonly element: Element;
}

/** `附件：1.名称`, `2.名称` …, or `附件：名称` alone. */
function noteEntries(notes: readonly Element[]): NoteEntry[] {
  return notes.map((element) => {
    const text = element.text.replace(/^附件[:：]\s*/u, "");
    const numbered = /^(\d{1,2})[.．、]\s*(.*)$/u.exec(text);
    return numbered ? { number: Number(numbered[1]), name: compact(numbered[2] ?? ""), element } : { name: compact(text), element };
  });
}

/** §7.3.4 and §7.3.7: the 附件说明 lists the bound attachments, in order, under their own names. */
function attachmentRules(elements: readonly Element[]): FindingInput[] {
  const out: FindingInput[] = [];
  const notes = noteEntries(elements.filter((e) => e.role === "attachment-note"));
  const labels = elements.filter((e) => e.role === "attachment-label");
  // Only attachments bound with their 附件 label: an 印发件 is not listed in the 附件说明.
  if (labels.length === 0) return out;
  const titleOf = (label: Element) => elements.find((e) => e.role === "attachment-title" && e.attachment === label.attachment);
  if (notes.length === 0) {
    out.push({ rule: "attachment-note-missing", severity: "error", clause: "§7.3.4", element: "附件说明", measured: `正文后有 ${labels.length} 个附件，没有附件说明`, wanted: "正文下空一行列出“附件：”及附件名称", zh: "有附件但没有附件说明", en: "there are attachments but no 附件说明 listing them", where: at(labels[0]!), paragraphs: labels[0]!.paragraphs });
    return out;
  }
  if (notes.length !== labels.length) {
    out.push({ rule: "attachment-count", severity: "error", clause: "§7.3.7", element: "附件说明", measured: `附件说明列出 ${notes.length} 个，正文后有 ${labels.length} 个附件`, wanted: "两者一致", zh: "附件说明所列附件数与所附附件数不一致", en: `the 附件说明 lists ${notes.length} attachment(s), ${labels.length} are bound after the text`, where: at(notes[0]!.element), paragraphs: notes[0]!.element.paragraphs });
  }
  labels.forEach((label, index) => {
    const wantedLabel = labels.length === 1 ? /^附件\s*1?$/u : new RegExp(`^附件\\s*${index + 1}$`, "u");
    if (!wantedLabel.test(label.text)) {
      out.push({ rule: "attachment-label-number", severity: "error", clause: "§7.3.7", element: "附件标识", measured: `第 ${index + 1} 个附件标为“${label.text}”`, wanted: labels.length === 1 ? "“附件”" : `“附件${index + 1}”`, zh: "附件顺序号不对", en: `attachment ${index + 1} is labelled "${label.text}"`, where: at(label), paragraphs: label.paragraphs });
    }
    const note = notes[index];
    const title = titleOf(label);
    if (!note || !title) return;
    if (compact(title.text) !== note.name) {
      out.push({ rule: "attachment-title-mismatch", severity: "error", clause: "§7.3.7", element: "附件标题", measured: `附件说明“${words(note.name)}”，附件标题“${words(compact(title.text))}”`, wanted: "附件标题与附件说明的表述一致", zh: "附件标题与附件说明不一致", en: `attachment ${index + 1}'s title differs from its name in the 附件说明`, where: at(title), paragraphs: title.paragraphs });
    }
  });
  // Several attachments are numbered 1. 2. … in the 附件说明, one is not.
  notes.forEach((note, index) => {
    const wanted = notes.length > 1 ? index + 1 : undefined;
    if (note.number !== wanted) {
      out.push({ rule: "attachment-note-number", severity: "error", clause: "§7.3.4", element: "附件说明", measured: note.number === undefined ? `第 ${index + 1} 项没有顺序号` : `第 ${index + 1} 项编号为 ${note.number}`, wanted: wanted === undefined ? "只有一个附件时不编号" : `顺序号 ${wanted}.`, zh: "附件说明的顺序号不对", en: `item ${index + 1} of the 附件说明 is numbered ${note.number ?? "not at all"}`, where: at(note.element), paragraphs: note.element.paragraphs });
    }
  });
  return out;
}

export function contentRules(elements: readonly Element[]): FindingInput[] {
  const title = elements.find((e) => e.role === "title");
  return [...(title ? titleLineRules(title) : []), ...attachmentRules(elements)];
}
