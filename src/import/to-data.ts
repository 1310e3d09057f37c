/**
 * A recognised draft → the data file of the general kind, and the report of how each element was
 * read: recognised, guessed, or left as body text; plus what the draft does that the data file cannot
 * keep (a 文号 in wrong brackets, a date in Chinese digits) and what it should not do but keeps (mixed
 * full- and half-width punctuation), never changed silently.
 */
import { DOC_TYPES, type DocType } from "../model/cross-rules.js";
import type { Draft } from "../draft/model.js";
import { parseDate, parseDocNumber, parsePrinterLine, PROPER_MARKER, recognise, trimText, type Element, type Role } from "../draft/recognise.js";
import { bodyMarkdown } from "./markdown-body.js";

export type ReportStatus = "recognised" | "guessed" | "body" | "changed" | "attention";

export interface ReportItem {
  readonly status: ReportStatus;
  /** Element name, Chinese. */
  readonly element: string;
  /** 1-based paragraph of the draft. */
  readonly paragraph?: number;
  readonly text: string;
  readonly zh?: string;
  readonly en?: string;
}

export interface Imported {
  readonly data: Record<string, unknown>;
  readonly report: readonly ReportItem[];
  /** Comments to put beside fields of the YAML, by path. */
  readonly comments: ReadonlyArray<{ readonly path: readonly (string | number)[]; readonly text: string }>;
}

export const ROLE_NAMES: Record<Role, string> = {
  "copy-number": "份号",
  secrecy: "密级和保密期限",
  urgency: "紧急程度",
  mark: "发文机关标志",
  "doc-number": "发文字号",
  signer: "签发人",
  title: "标题",
  addressees: "主送机关",
  heading: "标题层次",
  paragraph: "正文段落",
  "list-item": "列项",
  table: "表格",
  "attachment-note": "附件说明",
  signature: "发文机关署名",
  date: "成文日期",
  note: "附注",
  "attachment-label": "附件标识",
  "attachment-title": "附件标题",
  "attachment-body": "附件正文",
  "copy-to": "抄送机关",
  distribution: "其他分送",
  printer: "印发机关和印发日期",
  "issued-line": "编印单位和日期",
  attendance: "出席、请假、列席",
};

/** Punctuation that never ends a title or an attachment name (§7.3.1, §7.3.4). */
const END_PUNCTUATION = /[。．.，,；;：:！!？?、\s\u3000]+$/u;
const HEADING_NAMES = ["", "一级标题", "二级标题", "三级标题", "四级标题"];
const DOC_TYPE_AT_END = new RegExp(`(${DOC_TYPES.join("|")})$`, "u");
/** Half-width punctuation beside a Chinese character (GB/T 15834 wants the full-width mark there). */
const HALF_WIDTH = /(?<=[\p{Script=Han}“”《》])[,;:?!()]|[,;:?!()](?=[\p{Script=Han}“”《》])/u;

const excerpt = (text: string) => {
  const line = text.replace(/\n/g, "⏎");
  return line.length > 24 ? `${line.slice(0, 24)}…` : line;
};

export function importDraft(draft: Draft): Imported {
  const recognised = recognise(draft);
  const { elements, format } = recognised;
  const report: ReportItem[] = [];
  const comments: Array<{ path: (string | number)[]; text: string }> = [];
  const of = (role: Role) => elements.filter((e) => e.role === role);
  const one = (role: Role) => of(role)[0];
  const note = (e: Element, status: ReportStatus, zh?: string, en?: string): void => {
    const element = e.role === "heading" ? HEADING_NAMES[e.level ?? 1]! : ROLE_NAMES[e.role];
    report.push({ status, element, paragraph: (e.paragraphs[0] ?? 0) + 1, text: excerpt(e.shown || e.text), ...(zh ? { zh } : {}), ...(en ? { en } : {}) });
  };

  for (const e of elements) {
    if (e.role === "paragraph" && e.confidence === "guessed") note(e, "body", "未能识别，按正文段落处理", "not recognised; kept as body text");
    else if (e.role !== "paragraph" && e.role !== "attachment-body") note(e, e.confidence);
    if (e.marker && e.role !== "doc-number") {
      if (e.role === "heading" && e.level && !PROPER_MARKER[e.level].test(e.marker)) {
        note(e, "attention", `手写编号“${e.marker}”不合 §7.3.3 的写法，已去掉（编号按位置自动生成）`, `typed number "${e.marker}" is not the §7.3.3 form; removed (numbers follow from position)`);
      }
    }
    if (HALF_WIDTH.test(e.text) && e.role !== "printer") {
      note(e, "attention", "中文中夹有半角标点（GB/T 15834 要求全角），原样保留，请核对", "half-width punctuation inside Chinese text (GB/T 15834 wants full-width); kept as written, please check");
    }
  }

  // ── envelope ──
  const envelope: Record<string, unknown> = {};
  const mark = one("mark");
  const signature = of("signature").map((e) => e.text);
  const printer = one("printer");
  const printed = printer ? parsePrinterLine(printer.shown.replace("\t", "  ")) : undefined;
  const title = one("title");
  // The 纪要 mark names the meeting (局长办公会议纪要), not the organ: that is on the 编印 line.
  const issuedLine = one("issued-line");
  const issued = issuedLine ? /^(?<organ>.+?)[\s\u3000]+(?<date>\S+日)$/u.exec(issuedLine.text)?.groups : undefined;
  const markName = mark && format !== "minutes" ? mark.text.replace(/(文件|命令|令|纪要)$/u, "") : undefined;
  const titleOrgan = title ? /^(.+?)关于/u.exec(title.text)?.[1] : undefined;
  const signatureOrgan = format === "order" ? undefined : signature[0];
  const issuer = issued?.organ || markName || signatureOrgan || titleOrgan || printed?.printer;
  if (!issuer) {
    report.push({ status: "attention", element: "发文机关", text: "", zh: "找不到发文机关（标志、署名、标题中都没有），请填写 envelope.issuers", en: "no issuing organ found (not in the mark, signature or title); fill in envelope.issuers" });
  } else if (!mark && !signature[0] && !issued) {
    report.push({ status: "guessed", element: "发文机关", text: issuer, zh: "发文机关由标题或印发机关推断", en: "issuing organ inferred from the title or the printing office" });
  }
  envelope.issuers = [{ name: issuer ?? "（发文机关）" }];
  if (mark && mark.text !== `${issuer}文件`) envelope.issuerMark = mark.text;
  if (!mark) envelope.markSuffix = "";

  const number = one("doc-number");
  const serial = number ? /^第(\d+)([号期])$/u.exec(number.text) : null;
  if (serial) {
    // 命令 (令号) and 纪要 (期号) formats: the number line is no 发文字号
    envelope[serial[2] === "号" ? "orderNumber" : "issueNumber"] = Number(serial[1]);
  } else if (number) {
    const parts = parseDocNumber(number.text);
    if (parts) {
      envelope.docNumber = parts.proper;
      if (!parts.wellFormed) {
        const zh = `发文字号“${parts.shown}”不合 §7.2.5（年份用六角括号〔〕、不编虚位、不加“第”），数据文件中改为“${parts.proper}”`;
        note(number, "changed", zh, `document number "${parts.shown}" breaks §7.2.5 (year in 〔〕, no padding, no 第); the data file has "${parts.proper}"`);
        comments.push({ path: ["envelope", "docNumber"], text: ` 原稿为 / the draft has: ${parts.shown}` });
      }
    }
    const signerText = number.marker ?? one("signer")?.text;
    const signers = signerText?.replace(/^签发人[:：]/, "").split(/[\s\u3000、，]+/u).filter(Boolean) ?? [];
    if (signers.length > 0) envelope.signers = signers;
  }
  if (one("copy-number")) envelope.copyNumber = one("copy-number")!.text;
  const secrecy = one("secrecy");
  if (secrecy) {
    const [level, term] = secrecy.text.split(/[★☆*]/u).map(trimText);
    envelope.secrecy = { level, ...(term ? { term } : {}) };
  }
  if (one("urgency")) envelope.urgency = one("urgency")!.text;

  if (title) {
    // No punctuation ends a title (§7.3.1); the data file refuses it, so it goes, and the report says so.
    const lines = (title.lines && title.lines.length > 1 ? [...title.lines] : [title.text]).map((line, index, all) => (index === all.length - 1 ? line.replace(END_PUNCTUATION, "") : line));
    const last = lines[lines.length - 1] ?? "";
    if (last !== (title.lines && title.lines.length > 1 ? title.lines[title.lines.length - 1] : title.text)) {
      note(title, "changed", "标题末尾的标点已去掉（§7.3.1 标题末尾不加标点）", "the punctuation at the end of the title was removed (§7.3.1)");
    }
    envelope.title = lines.length > 1 ? lines : last;
  }
  else if (format !== "order") {
    // Every format but the 命令 needs a title: a stand-in the clerk sees at once, never a guess from the text.
    envelope.title = "关于（事由）的通知";
    report.push({ status: "attention", element: "标题", text: "", zh: "找不到标题，暂填“关于（事由）的通知”，请填写 envelope.title 和 docType", en: "no title found; 关于（事由）的通知 stands in, fill in envelope.title and docType" });
    comments.push({ path: ["envelope", "title"], text: " 原稿中找不到标题 / not found in the draft" });
  }
  const addressees = one("addressees");
  const addresseeNames = addressees ? addressees.text.replace(/[：:]$/u, "").split("，").map(trimText).filter(Boolean) : [];
  if (addresseeNames.length > 0) envelope.addressees = addresseeNames;
  if (signature.length > 0 && format === "order") {
    // 命令 (§7.3.5.3): 签发人职务 and the name of the 签名章, one line each.
    envelope.signers = signature.map((line) => {
      const [first = "", ...rest] = line.split(/[\t\s\u3000]+/u).filter(Boolean);
      return rest.length > 0 ? { name: rest.join(""), title: first } : { name: first };
    });
  } else if (signature.length > 0) envelope.signature = signature;

  const date = one("date") ?? (issued?.date ? issuedLine : undefined);
  const parsedDate = date ? parseDate(date === issuedLine ? issued!.date! : date.text) : undefined;
  if (parsedDate?.iso) {
    envelope.signedOn = parsedDate.iso;
    if (!parsedDate.arabic || parsedDate.padded) {
      note(date!, "changed", `成文日期“${date!.text}”应用阿拉伯数字、不编虚位（§7.3.5.4），渲染时写成阿拉伯数字`, `date "${date!.text}" must be in Arabic digits without padding (§7.3.5.4); rendered in Arabic digits`);
    }
  } else {
    envelope.signedOn = "2000-01-01";
    report.push({ status: "attention", element: "成文日期", text: "", zh: "找不到成文日期，暂填 2000-01-01，请改为真实日期", en: "no date of signing found; 2000-01-01 stands in, put the real date" });
    comments.push({ path: ["envelope", "signedOn"], text: " 原稿中找不到成文日期 / not found in the draft" });
  }
  // 纪要 carry no seal (§10.3); a 命令 carries the 签名章 drawn with the signer, not an organ's seal.
  envelope.seal = format === "minutes" || format === "order" ? "none" : "manual";

  const attendance: Record<string, string[]> = {};
  const ATTENDANCE_FIELDS: Record<string, string> = { 出席: "present", 请假: "absent", 缺席: "absent", 列席: "observers" };
  for (const line of of("attendance")) {
    const [, label = "", names = ""] = /^(出席|请假|缺席|列席)(?:人员)?[:：](.*)$/u.exec(line.text) ?? [];
    const field = ATTENDANCE_FIELDS[label];
    if (field) attendance[field] = [...(attendance[field] ?? []), ...names.split(/[、，,]/u).map(trimText).filter(Boolean)];
  }
  if (Object.keys(attendance).length > 0) envelope.attendance = attendance;

  const notes = of("note");
  const noteField: Record<string, unknown> = {};
  for (const n of notes) {
    const publicity = /^信息公开属性[:：](主动公开|依申请公开|不予公开)$/u.exec(n.text);
    const below = /^[（(]此件(公开发布|依申请公开|不予公开)[）)]$/u.exec(n.text);
    if (publicity) Object.assign(noteField, { publicity: publicity[1], placement: "colophon" });
    else if (below) Object.assign(noteField, { publicity: below[1] === "公开发布" ? "主动公开" : below[1], placement: "below-date" });
    else noteField.text = n.text.replace(/^[（(]|[）)]$/gu, "");
  }
  if (Object.keys(noteField).length > 0) envelope.note = noteField;

  // attachments: titles from the 附件说明, bodies from the attachment pages
  const noteLines = of("attachment-note").map((e) => e.text.replace(/^附件[:：]/u, "").replace(/^\d{1,2}[.．、]\s*/u, "").trim());
  const labels = of("attachment-label");
  const attachments: Array<Record<string, unknown>> = [];
  const titles = of("attachment-title");
  const count = Math.max(noteLines.length, labels.length, ...titles.map((e) => (e.attachment ?? 0) + 1));
  let listed = 0;
  for (let n = 0; n < count; n++) {
    const titleEl = titles.find((e) => e.attachment === n);
    const bodyEls = elements.filter((e) => e.role === "attachment-body" && e.attachment === n).map((e) => ({ ...e, role: e.level ? "heading" : e.listStyle ? "list-item" : e.table !== undefined ? "table" : "paragraph" }) as Element);
    // A title without an 附件 label is an 印发件: not in the 附件说明, so not counted in its lines.
    const enclosed = titleEl !== undefined && !labels.some((e) => e.attachment === n);
    const named = [enclosed ? undefined : noteLines[listed++], titleEl?.text].map((name) => name?.replace(END_PUNCTUATION, "").trim()).find((name) => name);
    const attachmentTitle = named ?? `附件${n + 1}`;
    if (!named) report.push({ status: "attention", element: "附件标题", text: "", zh: `找不到附件${n + 1}的名称，暂填“附件${n + 1}”，请填写`, en: `no name found for attachment ${n + 1}; 附件${n + 1} stands in, fill it in` });
    attachments.push({ title: attachmentTitle, ...(enclosed ? { type: "印发件" } : {}), ...(bodyEls.length > 0 ? { body: bodyMarkdown(draft, bodyEls) } : {}) });
  }
  if (attachments.length > 0) envelope.attachments = attachments;

  const copyTo = one("copy-to");
  const distribution = of("distribution").map((e) => e.text);
  if (copyTo || printed || distribution.length > 0) {
    envelope.colophon = {
      ...(copyTo ? { copyTo: copyTo.text.replace(/[。.]$/u, "").split("，").map(trimText).filter(Boolean) } : {}),
      ...(distribution.length > 0 ? { distribution } : {}),
      ...(printed ? { printer: printed.printer } : {}),
      ...(printed ? { printedOn: parseDate(printed.date)?.iso } : {}),
    };
  }

  // ── body ──
  const bodyRoles = new Set<Role>(["heading", "paragraph", "list-item", "table"]);
  const body = bodyMarkdown(draft, elements.filter((e) => bodyRoles.has(e.role)));

  const docType = (title && DOC_TYPE_AT_END.exec(title.text)?.[1]) as DocType | undefined;
  if (!docType && format === "file") {
    report.push({ status: "guessed", element: "文种", text: title?.text ?? "", zh: "标题末尾不是文种，暂按“通知”处理，请核对 docType", en: "the title does not end with a document type; 通知 assumed, check docType" });
  }
  const data: Record<string, unknown> = { kind: "general", docType: docType ?? (format === "order" ? "令" : format === "minutes" ? "纪要" : format === "letter" ? "函" : "通知"), ...(format !== "file" ? { format } : {}), envelope, body: body.trim() === "" ? "（正文）\n" : body };
  return { data, report, comments };
}
