import { describe, expect, it } from "vitest";
import { parseDocumentText } from "../../src/model/validate.js";
import { importLines } from "./drafts.js";

/**
 * Found by the fuzz run over drafts of 公文 lines: what a draft may hold but a data file refuses is
 * repaired on import and reported as changed (or to be looked at), so the imported file validates.
 */
const imported = (lines: readonly string[]) => importLines(lines, (text) => /文件$|通知。?$/u.test(text));

describe("import repairs what a data file cannot keep", () => {
  it("a title ending in 「。」 loses it, reported as changed; the file validates", async () => {
    const result = await imported(["青海省政务服务监督管理局文件", "青政务〔2022〕3号", "关于开展窗口考核的通知。", "各市州政务服务监管局：", "现将有关事项通知如下。", "青海省政务服务监督管理局", "2022年1月27日"]);
    expect(result.envelope.title).toBe("关于开展窗口考核的通知");
    expect(result.report).toContainEqual(expect.objectContaining({ status: "changed", element: "标题" }));
    expect(() => parseDocumentText(result.yaml, "draft.yaml")).not.toThrow();
  });

  it("a 主送 line of nothing but 「：」 gives no empty list, and an attachment without a name a stand-in to fill in", async () => {
    const result = await imported(["青海省政务服务监督管理局文件", "青政务〔2022〕3号", "关于开展窗口考核的通知", "：", "现将有关事项通知如下。", "附件：", "青海省政务服务监督管理局", "2022年1月27日", "附件", ""]);
    expect(result.envelope.addressees).toBeUndefined();
    expect(result.envelope.attachments).toEqual([{ title: "附件1" }]);
    expect(result.report).toContainEqual(expect.objectContaining({ status: "attention", element: "附件标题" }));
    expect(() => parseDocumentText(result.yaml, "draft.yaml")).not.toThrow();
  });
});
