import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { attachmentsOf, frameOf, metaOf, paragraphNodes } from "../../src/compose/frame.js";
import { chineseDate } from "../../src/compose/chinese.js";
import { HeadingNumberer, listNumber } from "../../src/compose/numberer.js";
import type { BodyNode } from "../../src/document/body.js";
import { plain } from "../../src/document/inline.js";
import { GongwenError } from "../../src/errors.js";
import type { DocumentKind } from "../../src/kinds/kind.js";
import { registerKind } from "../../src/kinds/registry.js";
import { openEnvelope } from "../../src/model/envelope.js";
import { ENVELOPE_DESCRIPTIONS } from "../../src/model/envelope-descriptions.js";
import { inlineText, isoDate, nonEmptyList } from "../../src/model/primitives.js";
import { loadDocumentFile } from "../../src/model/validate.js";
import { renderFile } from "../../src/pipeline.js";
import { docxToPlainText } from "../../src/review/docx-text.js";
import { tempDir } from "../helpers/data.js";

/**
 * A kind is a plugin: this one — a 会议通知 whose facts are the meeting's time, place, participants and
 * agenda — is written here, in a test, and registered; it renders through the same pipeline without a
 * change to any file under src/layout or src/render. It needs only the kind contract (schema, compose
 * to the document model, descriptions) and the shared helpers for the envelope.
 */

const meetingNotice = z.strictObject({
  kind: z.literal("meeting-notice"),
  envelope: openEnvelope,
  meeting: z.strictObject({
    name: inlineText,
    date: isoDate,
    place: inlineText,
    participants: nonEmptyList(inlineText, "参会人员", "participants"),
    agenda: nonEmptyList(inlineText, "会议议程", "agenda"),
  }),
});
type MeetingNotice = z.output<typeof meetingNotice>;

const kind: DocumentKind<MeetingNotice> = {
  id: "meeting-notice",
  label: { zh: "会议通知", en: "meeting notice" },
  schema: meetingNotice,
  descriptions: { ...ENVELOPE_DESCRIPTIONS, kind: "种类：meeting-notice（会议通知） / kind", meeting: "会议 / the meeting" },
  compose(document) {
    const { meeting, envelope } = document;
    const headings = new HeadingNumberer();
    const heading = (title: string): BodyNode => ({ type: "heading", level: 1, number: headings.next(1), title: plain(title) });
    const body: BodyNode[] = [
      { type: "paragraph", content: plain(`经研究，定于${chineseDate(meeting.date)}召开${meeting.name}。现将有关事项通知如下：`) },
      heading("会议时间和地点"),
      { type: "paragraph", content: plain(`${chineseDate(meeting.date)}，${meeting.place}。`) },
      heading("参会人员"),
      { type: "paragraph", content: plain(`${meeting.participants.join("，")}。`) },
      heading("会议议程"),
      { type: "list", style: "arabic", items: meeting.agenda.map((item, index) => ({ number: listNumber("arabic", index), content: plain(item) })) },
    ];
    return {
      meta: metaOf(envelope, document.kind, "通知"),
      format: "file",
      frame: frameOf(envelope, "file", "通知"),
      body,
      attachments: attachmentsOf(envelope, (attachment) => paragraphNodes(attachment.paragraphs)),
    };
  },
};

registerKind(kind);

const DATA = `kind: meeting-notice
envelope:
  issuers: [{name: 青海省政务服务监督管理局}]
  docNumber: 青政务〔2022〕20号
  title: 关于召开全省政务服务工作会议的通知
  addressees: [各市州政务服务监管局]
  signedOn: 2022-03-10
meeting:
  name: 全省政务服务工作会议
  date: 2022-03-24
  place: 西宁市青海会议中心
  participants: [各市州政务服务监管局主要负责同志, 省直有关部门分管负责同志]
  agenda: [通报2021年工作情况, 部署2022年重点任务]
`;

describe("a kind added by a test", () => {
  it("validates, renders and reads back through the shared pipeline", async () => {
    const file = join(tempDir(), "meeting.yaml");
    writeFileSync(file, DATA);
    const result = await renderFile(file);
    expect(result.loaded.kind.id).toBe("meeting-notice");
    const text = docxToPlainText(result.bytes, { dropEmptyLines: true });
    expect(text).toContain("青政务〔2022〕20号");
    expect(text).toContain("一、会议时间和地点\n2022年3月24日，西宁市青海会议中心。\n二、参会人员");
    expect(text).toContain("三、会议议程\n1.通报2021年工作情况\n2.部署2022年重点任务\n");
    expect(result.suggestedFileName).toBe("青政务〔2022〕20号.docx");
  });

  it("reports its own fields' problems with their places, like the shipped kinds", async () => {
    const file = join(tempDir(), "meeting.yaml");
    writeFileSync(file, DATA.replace("date: 2022-03-24", "date: 2022-02-30").replace("  agenda: [通报2021年工作情况, 部署2022年重点任务]\n", "  agenda: []\n"));
    const error = await loadDocumentFile(file).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GongwenError);
    const problems = (error as GongwenError).diagnostics.map((d) => [(d.path ?? []).join("."), d.line, d.rule]);
    expect(problems).toEqual([["meeting.date", 10, "date-invalid"], ["meeting.agenda", 13, "non-empty"]]);
  });
});
