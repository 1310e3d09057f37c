/**
 * A messy draft with every element import knows (docx package): each lands in its field, and the
 * rendered text is the draft's text but for what the report lists (here the 文号's brackets).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gongwen } from "../helpers/cli.js";
import { messyRequestDocx } from "./drafts.js";

describe("a messy 请示 with every element", () => {
  const dir = mkdtempSync(join(tmpdir(), "gongwen-messy-"));
  const draft = join(dir, "请示.docx");
  const data = join(dir, "请示.yaml");
  let report = "";
  beforeAll(async () => {
    writeFileSync(draft, await messyRequestDocx());
    const result = gongwen(["import", draft, "-o", data]);
    expect(result.status, result.stderr).toBe(0);
    report = result.stderr;
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("puts each element in its field", () => {
    const file = parse(readFileSync(data, "utf8"));
    expect(file.docType).toBe("请示");
    expect(file.envelope).toMatchObject({
      copyNumber: "000001",
      secrecy: { level: "机密", term: "1年" },
      urgency: "特急",
      docNumber: "青政务〔2022〕5号",
      signers: ["张三"],
      title: ["关于申请2022年政务服务", "专项经费的请示"],
      addressees: ["青海省财政厅"],
      signature: ["青海省政务服务监督管理局"],
      signedOn: "2022-03-01",
      note: { text: "联系人：李明，电话：0971-8888888" },
      attachments: [{ title: "经费预算表", body: "设备购置50万元，人员培训10万元。\n" }, { title: "项目实施方案", body: "分两个阶段实施。\n" }],
      colophon: { copyTo: ["省政府办公厅"], printer: "青海省政务服务监督管理局办公室", printedOn: "2022-03-02" },
    });
    expect(file.envelope.colophon.distribution).toBeUndefined();
    expect(file.body).toMatch(/^为做好2022年政务服务工作,特申请专项经费。\n\n# 基本情况\n\n## 经费用途。经费用于以下两个方面。\n\n### 设备购置。购置服务器等设备。\n\n#### 服务器。共2台。\n\n### 人员培训。培训窗口人员。\n\n# 申请金额\n\n\| 序号 \| 项目 \| 金额（万元） \|/u);
  });

  it("reports the 文号 it rewrote and the half-width comma it kept", () => {
    expect(report).toMatch(/改写 changed\s+发文字号.*青政务（2022）5号/u);
    expect(report).toMatch(/注意 attention\s+正文段落.*半角标点/u);
    expect(report).not.toMatch(/三级标题.*不合 §7\.3\.3/u);
  });

  it("renders the draft's text, but for the reported 文号", () => {
    const compact = (text: string) => text.split("\n").map((line) => line.replace(/[\s\u3000]+/gu, "")).filter(Boolean);
    const before = compact(gongwen(["text", draft]).stdout).map((line) => line.replace("青政务（2022）5号", "青政务〔2022〕5号"));
    expect(compact(gongwen(["text", data]).stdout)).toEqual(before);
  });
});
