import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { tempDir } from "./data.js";

/**
 * Generated documents for the layout corpus (issue «Layout that holds»): the last paragraph's length
 * stepped one line at a time across a whole page, so the text ends at every line of a page; 附件说明 of
 * one to five attachments at several ends; long titles and long attachment titles; sealed and unsealed.
 */

const SENTENCE = "各地要对照考核结果逐项建立整改台账，明确责任人和完成时限，";
/** Exactly one full line of 28 characters, so a paragraph of n copies is n lines long. */
const LINE = "各地要按照要求认真组织自查并及时报送材料和整改情况报告。";

export interface CorpusDocument {
  readonly name: string;
  readonly file: string;
}

interface Shape {
  readonly lastLines: number;
  readonly attachments?: number;
  readonly seal?: "manual" | "none";
  readonly longTitle?: boolean;
  readonly longAttachmentTitle?: boolean;
  readonly notes?: boolean;
}

function document(shape: Shape): Record<string, unknown> {
  const attachments = Array.from({ length: shape.attachments ?? 0 }, (_, i) => ({
    title: shape.longAttachmentTitle && i === 0
      ? "青海省2021年度政务服务窗口“微笑红旗岗”创建活动考核评分细则及各市州政务服务中心考核得分汇总表（共130项）"
      : `2021年度政务服务窗口考核结果第${i + 1}部分`,
    body: `请各地对照本附件第${i + 1}部分逐项填报。`,
  }));
  return {
    kind: "general",
    docType: "通知",
    envelope: {
      issuers: [{ name: "青海省政务服务监督管理局" }],
      docNumber: "青政务〔2022〕11号",
      title: shape.longTitle
        ? "青海省政务服务监督管理局关于印发《青海省政务服务窗口“好差评”制度实施办法》和《青海省政务服务事项标准化管理办法》的通知"
        : "青海省政务服务监督管理局关于做好政务服务窗口考核工作的通知",
      addressees: ["各市州政务服务监管局", "格尔木市政务服务监管局"],
      signedOn: "2022-03-15",
      seal: shape.seal ?? "manual",
      ...(shape.notes ? { note: { publicity: "主动公开", text: "联系人：李明，电话：0971-8888888" } } : {}),
      ...(attachments.length > 0 ? { attachments } : {}),
      colophon: { copyTo: ["省政府办公厅"], printer: "青海省政务服务监督管理局办公室", printedOn: "2022-03-16" },
    },
    body: [
      `为进一步提升全省政务服务水平，${SENTENCE.repeat(3)}现就有关事项通知如下。`,
      { h1: "考核内容" },
      `${SENTENCE.repeat(9)}确保各项工作落到实处。`,
      { h1: "有关要求" },
      { h2: `认真组织自查。${SENTENCE.repeat(4)}按时完成。` },
      LINE.repeat(shape.lastLines).slice(2),
    ],
  };
}

export function layoutCorpus(): CorpusDocument[] {
  const dir = tempDir("gongwen-corpus-");
  const shapes: [string, Shape][] = [
    ...Array.from({ length: 22 }, (_, i): [string, Shape] => [`end-${String(i + 1).padStart(2, "0")}`, { lastLines: i + 1 }]),
    ...Array.from({ length: 22 }, (_, i): [string, Shape] => [`unsealed-end-${String(i + 1).padStart(2, "0")}`, { lastLines: i + 1, seal: "none", notes: true }]),
    ...[1, 2, 3, 4, 5].flatMap((count) => [3, 9, 15, 20].map((lines): [string, Shape] => [`attachments-${count}-end-${lines}`, { lastLines: lines, attachments: count }])),
    ["long-title", { lastLines: 6, longTitle: true }],
    ["long-attachment-title", { lastLines: 6, attachments: 2, longAttachmentTitle: true }],
  ];
  return shapes.map(([name, shape]) => {
    const file = join(dir, `${name}.yaml`);
    writeFileSync(file, stringify(document(shape), { lineWidth: 0 }));
    return { name, file };
  });
}
