/**
 * Hostile inputs for the fuzz runs, shared by the CI property test (test/hardening/fuzz.test.ts, fixed
 * seeds, src/) and the longer run (bench/fuzz.js, dist/): data files and .docx drafts made by mutating
 * real ones (byte flips, cuts, insertions, a part replaced by random or deeply nested XML). The promise
 * checked: each input is read or refused with a GongwenError — never another exception, never a hang.
 */
import { strFromU8, strToU8, zipSync, unzipSync } from "fflate";

const XML_ALPHABET = ["<", ">", "/", " ", "w:p", "w:r", "w:t", "=", '"', "&", ";", "amp", "#x", "<!DOCTYPE", "<![CDATA[", "]]>", "文", "\u0000", "\uFFFF"];

/** @param {import("fast-check")} fc */
export function byteMutations(fc, bytes) {
  const flips = fc.array(fc.record({ at: fc.nat({ max: bytes.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }).map((changes) => {
    const out = Uint8Array.from(bytes);
    for (const { at, value } of changes) out[at] = value;
    return out;
  });
  const cut = fc.nat({ max: bytes.length }).map((length) => bytes.slice(0, length));
  const insert = fc.tuple(fc.nat({ max: bytes.length }), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, extra]) => {
    const out = new Uint8Array(bytes.length + extra.length);
    out.set(bytes.subarray(0, at));
    out.set(extra, at);
    out.set(bytes.subarray(at), at + extra.length);
    return out;
  });
  return fc.oneof(flips, cut, insert);
}

/** Data files: the sample mutated, text inserted into it, or arbitrary Unicode. */
export function dataInputs(fc, sampleText) {
  const bytes = strToU8(sampleText);
  const textInsert = fc.tuple(fc.nat({ max: sampleText.length }), fc.string({ unit: "binary", maxLength: 200 })).map(([at, extra]) =>
    strToU8(sampleText.slice(0, at) + extra + sampleText.slice(at)),
  );
  const nested = fc.integer({ min: 1, max: 5000 }).map((depth) => strToU8(`kind: general\nbody: ${"[".repeat(depth)}${"]".repeat(depth)}\n`));
  return fc.oneof(byteMutations(fc, bytes), textInsert, nested, fc.string({ unit: "binary", maxLength: 500 }).map((text) => strToU8(text)));
}

/** .docx drafts: a real one mutated, or rebuilt with its main part replaced by random or deep XML. */
export function docxInputs(fc, docx) {
  const parts = unzipSync(docx);
  const withMain = (xml) => zipSync({ ...parts, "word/document.xml": strToU8(xml) });
  const randomXml = fc.array(fc.constantFrom(...XML_ALPHABET), { maxLength: 300 }).map((tokens) => withMain(tokens.join("")));
  const deep = fc.integer({ min: 1, max: 20000 }).map((depth) =>
    withMain(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${"<w:tbl>".repeat(depth)}${"</w:tbl>".repeat(depth)}</w:body></w:document>`),
  );
  return fc.oneof(byteMutations(fc, docx), randomXml, deep);
}

/**
 * Runs `read` on `input`; returns undefined when it returned or refused with a GongwenError, else the
 * unexpected error.
 */
export function unexpectedFailure(read, input, isGongwenError) {
  try {
    read(input);
    return undefined;
  } catch (error) {
    return isGongwenError(error) ? undefined : error;
  }
}

/** Lines a 公文 draft is made of, and near misses of them: what the recogniser decides on. */
const DRAFT_LINES = [
  "青海省政务服务监督管理局文件", "青海省人民政府令", "局长办公会议纪要", "第3期", "第128号", "青政务〔2022〕3号", "青政务[2022]03号", "签发人：张三", "签发人：",
  "关于开展政务服务窗口考核的通知", "关于", "各市州政务服务监管局：", "：", "一、基本情况", "（一）强化标准。各地要抓好落实。", "1.政务服务处牵头", "（1）", "一是基础设施还需完善。",
  "附件：1.考核结果", "2.整改要求", "附件：", "附件", "附件2", "附件3", "考核结果", "青海省政务服务监督管理局", "2022年1月27日", "二〇二二年一月二十七日", "2022年13月40日",
  "（此件公开发布）", "信息公开属性：主动公开", "出席：张三、李四", "请假：", "列席：办公室", "缺席人员：王五", "抄送：省政府办公厅。", "分送：局领导。", "局长，副局长。",
  "青海省政务服务监督管理局办公室\t2022年1月29日印发", "\t青海省政务服务监督管理局\t2022年2月18日", "\t省长\t王某某", "主送：各单位。", "",
];

const escapeXml = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * `docx` with its body replaced by these paragraphs (tabs as w:tab), its styles, footers and section kept.
 * @param {Uint8Array} docx @param {ReadonlyArray<{ text: string, align?: string, pageBreak?: boolean }>} paragraphs
 */
export function draftFromLines(docx, paragraphs) {
  const parts = unzipSync(docx);
  const xml = strFromU8(parts["word/document.xml"]);
  const start = xml.indexOf("<w:body>") + 8;
  const end = xml.lastIndexOf("<w:sectPr");
  const body = paragraphs.map(({ text, align, pageBreak }) => {
    const props = `${pageBreak ? "<w:pageBreakBefore/>" : ""}${align ? `<w:jc w:val="${align}"/>` : ""}`;
    const runs = text.split("\t").map((piece) => `<w:t xml:space="preserve">${escapeXml(piece.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/gu, ""))}</w:t>`).join("<w:tab/>");
    return `<w:p>${props ? `<w:pPr>${props}</w:pPr>` : ""}<w:r>${runs}</w:r></w:p>`;
  });
  return zipSync({ ...parts, "word/document.xml": strToU8(xml.slice(0, start) + body.join("") + xml.slice(end)) });
}

/** .docx drafts of well-formed XML whose paragraphs are 公文 lines (and near misses) in random order and alignment. */
export function draftInputs(fc, docx) {
  const line = fc.oneof(fc.constantFrom(...DRAFT_LINES), fc.string({ maxLength: 40 }), fc.constantFrom(...DRAFT_LINES).chain((text) => fc.string({ maxLength: 8 }).map((extra) => text + extra)));
  const paragraph = fc.record({ text: line, align: fc.constantFrom("left", "center", "right", "both", undefined), pageBreak: fc.boolean() });
  return fc.array(paragraph, { maxLength: 40 }).map((paragraphs) => draftFromLines(docx, paragraphs));
}
