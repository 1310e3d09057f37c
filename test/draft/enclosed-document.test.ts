import { describe, expect, it } from "vitest";
import { parseDocumentText } from "../../src/model/validate.js";
import { importLines } from "./drafts.js";

/**
 * An 印发件 (§7.3.7) follows the date under its own title, without an 「附件」 label. A typeset draft
 * centres that title; a plain-text draft (typed in Notepad, pasted into Word) centres nothing, so the
 * title is known by being named like a document (…办法, …方案, …通知) on a short line of no sentence.
 */

const frame = ["青海省政务服务监督管理局文件", "青政务〔2022〕5号", "关于印发青海省政务服务管理办法的通知", "各市州政务服务监管局：", "现将《青海省政务服务管理办法》印发给你们，请认真贯彻执行。", "青海省政务服务监督管理局", "2022年5月10日"];
const enclosed = ["青海省政务服务管理办法", "第一条　为规范政务服务工作，制定本办法。", "第二条　本办法自印发之日起施行。"];
const centredHeadOnly = (text: string) => /文件$|通知$/u.test(text);

describe("import finds an 印发件 after the date", () => {
  for (const [draft, centred] of [["a typeset draft (title centred)", (text: string) => centredHeadOnly(text) || text === enclosed[0]], ["a plain-text draft (nothing centred)", () => false]] as const) {
    it(`in ${draft}`, async () => {
      const result = await importLines([...frame, ...enclosed], centred);
      expect(result.envelope.attachments).toEqual([expect.objectContaining({ title: "青海省政务服务管理办法", type: "印发件" })]);
      expect(result.body).not.toContain("本办法自印发之日起施行");
      expect(() => parseDocumentText(result.yaml, "draft.yaml")).not.toThrow();
    });
  }

  it("but not in a short line after the date that is no document's name, nor in a numbered or punctuated one", async () => {
    for (const line of ["请各单位认真贯彻执行", "一、总体要求", "联系人：张三"]) {
      const result = await importLines([...frame, line, "第一条　为规范政务服务工作，制定本办法。"], centredHeadOnly);
      const attachments = (result.envelope.attachments ?? []) as Array<{ type?: string }>;
      expect(attachments.filter((a) => a.type === "印发件"), line).toEqual([]);
    }
  });
});
