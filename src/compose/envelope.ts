import type { Block, ColophonLine } from "../document/blocks.js";
import { breakTitle } from "../layout/title-breaks.js";
import type { Envelope } from "../model/envelope.js";
import { formatDocNumber } from "../model/primitives.js";
import { chineseDate } from "./chinese.js";

/**
 * The envelope's blocks, shared by every document kind. Wording fixed by the standard lives here
 * (抄送：…。, （此件公开发布）); wording of a kind lives in its template.
 */

const PUBLICITY_NOTE: Record<NonNullable<Envelope["note"]>["publicity"], string> = {
  主动公开: "（此件公开发布）",
  依申请公开: "（此件依申请公开）",
  不予公开: "（此件不予公开）",
};

export function issuerNames(envelope: Envelope): string[] {
  return envelope.issuers.map((issuer) => issuer.name);
}

export function titleLines(envelope: Envelope): string[] {
  // Titles are set at full width without tracking (see render/docx/head.ts).
  return typeof envelope.title === "string" ? breakTitle(envelope.title, { trackingPt: 0 }) : [...envelope.title];
}

export function titleText(envelope: Envelope): string {
  return typeof envelope.title === "string" ? envelope.title : envelope.title.join("");
}

export function headBlocks(envelope: Envelope): Block[] {
  const blocks: Block[] = [];
  if (envelope.copyNumber) blocks.push({ type: "copyNumber", text: envelope.copyNumber });
  if (envelope.secrecy) {
    const term = envelope.secrecy.term ? `★${envelope.secrecy.term}` : "";
    blocks.push({ type: "secrecy", text: `${envelope.secrecy.level}${term}` });
  }
  if (envelope.urgency) blocks.push({ type: "urgency", text: envelope.urgency });
  blocks.push(issuerMark(envelope));
  blocks.push({ type: "docNumber", text: formatDocNumber(envelope.docNumber) });
  blocks.push({ type: "title", lines: titleLines(envelope) });
  blocks.push({ type: "addressees", text: `${envelope.addressees.join("，")}：` });
  return blocks;
}

function issuerMark(envelope: Envelope): Block {
  if (envelope.issuerMark) {
    // Joint issuers keep their stacked names; a single mark is printed as written.
    if (envelope.issuers.length > 1 && envelope.issuerMark.endsWith("文件")) {
      return { type: "issuerMark", names: issuerNames(envelope), suffix: "文件" };
    }
    return { type: "issuerMark", names: [envelope.issuerMark], suffix: "" };
  }
  return { type: "issuerMark", names: issuerNames(envelope), suffix: envelope.markSuffix };
}

export function closingBlocks(envelope: Envelope): Block[] {
  const blocks: Block[] = [];
  if (envelope.attachments.length > 0) {
    const items = envelope.attachments.map((attachment, index) =>
      envelope.attachments.length > 1 ? `${index + 1}.${attachment.title}` : attachment.title,
    );
    blocks.push({ type: "attachmentNote", items });
  }
  blocks.push({
    type: "signature",
    names: envelope.signature ?? issuerNames(envelope),
    date: chineseDate(envelope.signedOn),
    seal: envelope.seal,
  });
  if (envelope.note?.placement === "below-date") blocks.push({ type: "note", text: PUBLICITY_NOTE[envelope.note.publicity] });
  if (envelope.note?.text) blocks.push({ type: "note", text: `（${envelope.note.text.replace(/^（|）$/g, "")}）` });
  envelope.attachments.forEach((attachment, index) => {
    blocks.push({
      type: "attachment",
      label: envelope.attachments.length > 1 ? `附件${index + 1}` : "附件",
      title: attachment.title,
      paragraphs: attachment.paragraphs ?? [],
    });
  });
  blocks.push(colophon(envelope));
  return blocks;
}

function colophon(envelope: Envelope): Block {
  const lines: ColophonLine[] = [];
  if (envelope.note?.placement === "colophon") lines.push({ kind: "publicity", text: `信息公开属性：${envelope.note.publicity}` });
  if (envelope.colophon.copyTo.length > 0) lines.push({ kind: "copyTo", text: `抄送：${envelope.colophon.copyTo.join("，")}。` });
  for (const text of envelope.colophon.distribution) lines.push({ kind: "distribution", text });
  return {
    type: "colophon",
    lines,
    printer: envelope.colophon.printer,
    printDate: `${chineseDate(envelope.colophon.printedOn)}印发`,
  };
}
