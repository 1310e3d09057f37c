import type { BodyNode } from "../document/body.js";
import type { DocumentMeta } from "../document/document.js";
import type { Attachment, ColophonLine, FormatId, Frame, Seal, Signature, Signer } from "../document/frame.js";
import { plain } from "../document/inline.js";
import type { Envelope } from "../model/envelope.js";
import { formatDocNumber } from "../model/primitives.js";
import { chineseDate } from "./chinese.js";

/**
 * The envelope's facts → the document's frame, shared by every kind. Wording fixed by the standard
 * lives here (抄送：…。, （此件公开发布）, 第5号); wording of a kind lives in its templates. Where an element
 * stands is left to the format.
 */

const PUBLICITY_NOTE: Record<NonNullable<NonNullable<Envelope["note"]>["publicity"]>, string> = {
  主动公开: "（此件公开发布）",
  依申请公开: "（此件依申请公开）",
  不予公开: "（此件不予公开）",
};

export function issuerNames(envelope: Envelope): string[] {
  return envelope.issuers.map((issuer) => issuer.name);
}

/** The title as one line; a document without one (a 令) is named by its mark and number. */
export function titleText(envelope: Envelope, frame?: Pick<Frame, "mark" | "docNumber">): string {
  if (envelope.title !== undefined) return typeof envelope.title === "string" ? envelope.title : envelope.title.join("");
  return frame ? `${frame.mark.names.join("")}${frame.mark.suffix}${frame.docNumber ?? ""}` : "";
}

const signers = (envelope: Envelope): Signer[] =>
  (envelope.signers ?? []).map((signer) => (typeof signer === "string" ? { name: signer } : signer));

/**
 * 发文机关标志: the 文件 and 纪要 formats add their suffix to the host organ's name (joint 文件 marks
 * stack every name beside one 文件); the 信函 format shows the host organ's name alone (§10.1); the
 * 命令 format's is the organ's name with 命令 or 令 (§10.2). A mark written out is printed as written.
 */
function mark(envelope: Envelope, format: FormatId, docType: string | undefined): Frame["mark"] {
  const names = issuerNames(envelope);
  const host = names[0] ?? "";
  if (envelope.issuerMark) {
    if (format === "file" && names.length > 1 && envelope.issuerMark.endsWith("文件")) return { names, suffix: "文件" };
    return { names: [envelope.issuerMark], suffix: "" };
  }
  switch (format) {
    case "file":
      return { names, suffix: envelope.markSuffix };
    case "letter":
      return { names: [host], suffix: "" };
    case "order":
      return { names: [host], suffix: docType === "令" ? "令" : "命令" };
    case "minutes":
      return { names: [host], suffix: "纪要" };
  }
}

/** What stands on the 文号 line: the 发文字号, or the 令号 / 期号 the format puts there. */
function numberLine(envelope: Envelope, format: FormatId): string | undefined {
  if (format === "order" && envelope.orderNumber !== undefined) return `第${envelope.orderNumber}号`;
  if (format === "minutes" && envelope.issueNumber !== undefined) return `第${envelope.issueNumber}期`;
  return envelope.docNumber !== undefined ? formatDocNumber(envelope.docNumber) : undefined;
}

function sealOf(envelope: Envelope): Seal {
  const seal = envelope.seal;
  if (typeof seal === "string") return seal;
  return "image" in seal ? { image: seal.image } : { image: seal.images[0] ?? "" };
}

function signatureOf(envelope: Envelope, format: FormatId): Signature | undefined {
  const date = chineseDate(envelope.signedOn);
  const named = signers(envelope);
  // §7.3.5.3: the 命令 format is signed by its 签发人 (职务 + 签名章).
  if (format === "order" && named.length > 0) return { kind: "signer", signers: named, date };
  // A 纪要 carries its date in the 编印 line and is signed only when the data names a 署名.
  if (format === "minutes" && !envelope.signature) return undefined;
  return { kind: "organ", names: envelope.signature ?? issuerNames(envelope), date, seal: sealOf(envelope) };
}

function notesOf(envelope: Envelope): string[] {
  const notes: string[] = [];
  const publicity = envelope.note?.publicity;
  if (publicity && envelope.note?.placement === "below-date") notes.push(PUBLICITY_NOTE[publicity]);
  if (envelope.note?.text) notes.push(`（${envelope.note.text.replace(/^（|）$/g, "")}）`);
  return notes;
}

function colophonOf(envelope: Envelope): Frame["colophon"] {
  const block = envelope.colophon;
  const publicity = envelope.note?.placement === "colophon" ? envelope.note.publicity : undefined;
  if (!block && !publicity) return undefined;
  const lines: ColophonLine[] = [];
  if (publicity) lines.push({ kind: "publicity", text: `信息公开属性：${publicity}` });
  if (block && block.copyTo.length > 0) lines.push({ kind: "copyTo", text: `抄送：${block.copyTo.join("，")}。` });
  for (const text of block?.distribution ?? []) lines.push({ kind: "distribution", text });
  return {
    lines,
    ...(block?.printer !== undefined ? { printer: block.printer } : {}),
    ...(block?.printedOn !== undefined ? { printDate: `${chineseDate(block.printedOn)}印发` } : {}),
  };
}

const ATTENDANCE_LABELS = [
  ["present", "出席"],
  ["absent", "请假"],
  ["observers", "列席"],
] as const;

/** The frame of a document of `format` from its envelope. */
export function frameOf(envelope: Envelope, format: FormatId, docType?: string): Frame {
  const documentSigners = signers(envelope);
  const attached = envelope.attachments.filter((attachment) => attachment.type === "附件");
  const attendance = ATTENDANCE_LABELS.flatMap(([key, label]) => {
    const names = envelope.attendance?.[key];
    return names && names.length > 0 ? [{ label, names: names.join("、") }] : [];
  });
  const signature = signatureOf(envelope, format);
  const docNumber = numberLine(envelope, format);
  return {
    ...(envelope.copyNumber ? { copyNumber: envelope.copyNumber } : {}),
    ...(envelope.secrecy ? { secrecy: `${envelope.secrecy.level}${envelope.secrecy.term ? `★${envelope.secrecy.term}` : ""}` } : {}),
    ...(envelope.urgency ? { urgency: envelope.urgency } : {}),
    mark: mark(envelope, format, docType),
    ...(docNumber !== undefined ? { docNumber } : {}),
    ...(format === "file" && documentSigners.length > 0 ? { signers: documentSigners } : {}),
    ...(envelope.title !== undefined ? { title: envelope.title } : {}),
    ...(envelope.addressees ? { addressees: `${envelope.addressees.join("，")}：` } : {}),
    ...(attached.length > 0
      ? { attachmentNote: attached.map((attachment, index) => `${attached.length > 1 ? `${index + 1}.` : ""}${attachmentTitleText(attachment.title)}`) }
      : {}),
    ...(attendance.length > 0 ? { attendance } : {}),
    ...(signature ? { signature } : {}),
    notes: notesOf(envelope),
    ...(format === "minutes" ? { issuedLine: { organ: issuerNames(envelope)[0] ?? "", date: chineseDate(envelope.signedOn) } } : {}),
    ...(() => {
      const colophon = colophonOf(envelope);
      return colophon ? { colophon } : {};
    })(),
  };
}

const attachmentTitleText = (title: string | readonly string[]) => (typeof title === "string" ? title : title.join(""));

/**
 * Attachments in order: each 附件 labelled `附件` (one) or `附件N` (several, numbered as in the 附件说明);
 * an 印发件 follows without a label. `body` turns an attachment's own text into body nodes.
 */
export function attachmentsOf(envelope: Envelope, body: (attachment: Envelope["attachments"][number], index: number) => readonly BodyNode[]): Attachment[] {
  const labelled = envelope.attachments.filter((attachment) => attachment.type === "附件").length;
  let number = 0;
  return envelope.attachments.map((attachment, index) => {
    const label = attachment.type === "附件" ? (labelled > 1 ? `附件${++number}` : "附件") : undefined;
    return { ...(label !== undefined ? { label } : {}), title: attachment.title, body: body(attachment, index) };
  });
}

/** An attachment's paragraphs (the older, plain form of its text). */
export const paragraphNodes = (paragraphs: readonly string[] | undefined): BodyNode[] =>
  (paragraphs ?? []).map((text) => ({ type: "paragraph", content: plain(text) }));

/** Seal images named by the data, one per 署名, relative to the data file. */
export function sealImagePaths(envelope: Envelope): string[] {
  const seal = envelope.seal;
  if (typeof seal === "string") return [];
  return "image" in seal ? [seal.image] : [...seal.images];
}

export function metaOf(envelope: Envelope, kind: string, docType: string | undefined, frame?: Pick<Frame, "mark" | "docNumber">): DocumentMeta {
  return {
    kind,
    ...(docType ? { docType } : {}),
    title: titleText(envelope, frame),
    issuers: issuerNames(envelope),
    docNumber: envelope.docNumber !== undefined ? formatDocNumber(envelope.docNumber) : "",
    signedOn: envelope.signedOn,
    printedOn: envelope.colophon?.printedOn ?? envelope.signedOn,
    ...(envelope.note?.publicity ? { publicity: envelope.note.publicity } : {}),
    ...(envelope.secrecy ? { secrecy: envelope.secrecy.level } : {}),
  };
}
