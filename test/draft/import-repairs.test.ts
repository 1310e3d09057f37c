import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript shared with bench/fuzz.js
import { draftFromLines } from "../../bench/lib/fuzz-cases.js";
import { readDraft } from "../../src/draft/read-draft.js";
import { importDraft } from "../../src/import/to-data.js";
import { importedYaml } from "../../src/import/yaml-file.js";
import { parseDocumentText } from "../../src/model/validate.js";
import { renderFile } from "../../src/pipeline.js";
import { SAMPLE } from "../helpers/paths.js";

/**
 * Found by the fuzz run over drafts of 公文 lines: what a draft may hold but a data file refuses is
 * repaired on import and reported as changed (or to be looked at), so the imported file validates.
 */
const imported = async (lines: readonly string[]) => {
  const docx = (await renderFile(SAMPLE)).bytes;
  const draft = draftFromLines(docx, lines.map((text) => ({ text, align: /文件$|通知。?$/u.test(text) ? "center" : undefined }))) as Uint8Array;
  const result = importDraft(readDraft(draft, "draft.docx"));
  return { ...result, envelope: result.data.envelope as Record<string, unknown>, yaml: importedYaml(result, "draft.docx") };
};

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
