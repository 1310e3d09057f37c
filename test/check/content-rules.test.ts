import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkDocx } from "../../src/check/check-docx.js";
import { contentRules } from "../../src/check/content-rules.js";
import type { Element } from "../../src/draft/recognise.js";
import { parseDocumentText } from "../../src/model/validate.js";
import { renderLoaded } from "../../src/pipeline.js";
import { STARTERS } from "../helpers/starters.js";

/**
 * §7.3.1 (a title's line breaks) and §7.3.4 / §7.3.7 (the 附件说明 agrees with the attachments bound
 * after the text) in `check`: on elements as recognised, and end to end on a rendered notice whose
 * .docx was then edited the way a clerk's slip would edit it.
 */

let paragraph = 0;
const element = (role: Element["role"], text: string, extra: Partial<Element> = {}): Element => ({ role, paragraphs: [paragraph++], shown: text, text, confidence: "recognised", ...extra });
const rules = (elements: Element[]) => contentRules(elements).map((f) => `${f.rule}: ${f.measured}`);
const twoAttachments = (overrides: { labels?: [string, string]; titles?: [string, string]; notes?: string[] } = {}): Element[] => {
  const [label1, label2] = overrides.labels ?? ["附件1", "附件2"];
  const [title1, title2] = overrides.titles ?? ["考核结果", "整改要求"];
  return [
    ...(overrides.notes ?? ["附件：1.考核结果", "2.整改要求"]).map((text) => element("attachment-note", text)),
    element("attachment-label", label1, { attachment: 0 }),
    element("attachment-title", title1, { attachment: 0 }),
    element("attachment-label", label2, { attachment: 1 }),
    element("attachment-title", title2, { attachment: 1 }),
  ];
};

describe("the 附件说明 against the attachments", () => {
  it("finds nothing when numbers and names agree (white space inside a name aside)", () => {
    expect(rules(twoAttachments())).toEqual([]);
    expect(rules(twoAttachments({ titles: ["考核 结果", "整改要求"] }))).toEqual([]);
    expect(rules([element("attachment-note", "附件：考核结果"), element("attachment-label", "附件", { attachment: 0 }), element("attachment-title", "考核结果", { attachment: 0 })])).toEqual([]);
  });

  it("finds a title that differs from its name in the 附件说明", () => {
    expect(rules(twoAttachments({ titles: ["考核结果", "整改工作要求"] }))).toEqual(["attachment-title-mismatch: 附件说明“整改要求”，附件标题“整改工作要求”"]);
  });

  it("finds labels out of order and a 附件说明 numbered wrongly", () => {
    expect(rules(twoAttachments({ labels: ["附件1", "附件3"] }))).toEqual(["attachment-label-number: 第 2 个附件标为“附件3”"]);
    expect(rules(twoAttachments({ notes: ["附件：1.考核结果", "3.整改要求"] }))).toEqual(["attachment-note-number: 第 2 项编号为 3"]);
    expect(rules([element("attachment-note", "附件：1.考核结果"), element("attachment-label", "附件", { attachment: 0 }), element("attachment-title", "考核结果", { attachment: 0 })])).toEqual(["attachment-note-number: 第 1 项编号为 1"]);
  });

  it("finds attachments the 附件说明 does not count, and attachments without any 附件说明", () => {
    expect(rules(twoAttachments({ notes: ["附件：考核结果"] }))).toEqual(expect.arrayContaining(["attachment-count: 附件说明列出 1 个，正文后有 2 个附件"]));
    expect(rules(twoAttachments({ notes: [] }))).toEqual(["attachment-note-missing: 正文后有 2 个附件，没有附件说明"]);
  });

  it("leaves an 印发件 (no 附件 label) and a 附件说明 whose attachments are not bound alone", () => {
    expect(rules([element("attachment-title", "青海省政务服务管理办法", { attachment: 0 })])).toEqual([]);
    expect(rules([element("attachment-note", "附件：考核结果")])).toEqual([]);
  });
});

describe("a title's lines", () => {
  it("finds a break inside a word and an hourglass outline, and tolerates 上长下短", () => {
    const title = (lines: string[]) => element("title", lines.join(""), { lines });
    expect(rules([title(["青海省政务服务监督管理局关于2021年度“青海省创建示范公", "共资源交易中心”考核情况通报"])])).toEqual([expect.stringMatching(/^title-word-split: 第 1 行/u)]);
    expect(rules([title(["青海省政务服务监督管理局关于进一步加强", "窗口建设的", "政务服务中心作风建设工作的通知"])])).toEqual(["title-shape: 19 / 5 / 15 字"]);
    expect(rules([title(["关于表彰2021年度政务服务", "“微笑红旗岗”的通报"])])).toEqual([]);
    expect(rules([title(["关于表彰2021年度政务服务“微笑红旗岗”的通报"])])).toEqual([]);
  });
});

describe("end to end on a rendered notice with two attachments", () => {
  const render = async () => {
    const text = readFileSync(STARTERS.notice, "utf8").replace(
      "  colophon:\n",
      "    - title: 2022年度政务服务窗口考核细则\n      body: |\n        考核细则另行印发。\n  colophon:\n",
    );
    return (await renderLoaded(parseDocumentText(text, STARTERS.notice))).bytes;
  };
  const edited = (bytes: Uint8Array, edit: (xml: string) => string): Uint8Array => {
    const parts = unzipSync(bytes);
    const before = strFromU8(parts["word/document.xml"]!);
    const after = edit(before);
    expect(after).not.toBe(before);
    return zipSync({ ...parts, "word/document.xml": strToU8(after) });
  };
  const attachmentFindings = async (bytes: Uint8Array) =>
    (await checkDocx(bytes, "notice.docx", { layout: false })).findings.filter((f) => f.rule.startsWith("attachment")).map((f) => `${f.rule} ${f.clause}`);

  it("as rendered: consistent; with a title or a label edited after rendering: found", async () => {
    const bytes = await render();
    expect(await attachmentFindings(bytes)).toEqual([]);
    expect(await attachmentFindings(edited(bytes, (xml) => xml.replace(/>2022年度政务服务窗口考核细则</u, ">2022年度窗口考核细则<")))).toEqual(["attachment-title-mismatch §7.3.7"]);
    expect(await attachmentFindings(edited(bytes, (xml) => xml.replace(/>附件2</u, ">附件3<")))).toEqual(["attachment-label-number §7.3.7"]);
  });
});

describe("the 签发人's faces (§7.2.6)", () => {
  it("finds names not in 楷体 and the word 签发人 not in 仿宋, on a rendered 请示 edited after rendering", async () => {
    const bytes = (await renderLoaded(parseDocumentText(readFileSync(STARTERS.request, "utf8"), STARTERS.request))).bytes;
    const signerFindings = async (docx: Uint8Array) =>
      (await checkDocx(docx, "request.docx", { layout: false })).findings.filter((f) => f.rule === "signer-face").map((f) => f.measured);
    const edit = (edit: (xml: string) => string) => {
      const parts = unzipSync(bytes);
      const xml = strFromU8(parts["word/document.xml"]!);
      const after = edit(xml);
      expect(after).not.toBe(xml);
      return zipSync({ ...parts, "word/document.xml": strToU8(after) });
    };
    expect(await signerFindings(bytes)).toEqual([]);
    expect(await signerFindings(edit((xml) => xml.replace(/w:eastAsia="楷体_GB2312"([^>]*\/><\/w:rPr><w:t xml:space="preserve">张三)/u, 'w:eastAsia="仿宋_GB2312"$1')))).toEqual(["签发人姓名用仿宋_GB2312"]);
    expect(
      await signerFindings(edit((xml) => xml.replace(/<w:t xml:space="preserve">签发人：<\/w:t><w:tab\/><\/w:r>/u, '</w:r><w:r><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr><w:t xml:space="preserve">签发人：</w:t><w:tab/></w:r>'))),
    ).toEqual(["“签发人”三字用黑体"]);
  });
});
