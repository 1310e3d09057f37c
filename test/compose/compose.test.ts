import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chineseDate, chineseNumeral } from "../../src/compose/chinese.js";
import type { BodyNode } from "../../src/document/body.js";
import { inlineText } from "../../src/document/inline.js";
import { GongwenError } from "../../src/errors.js";
import { composeCircular } from "../../src/kinds/assessment-circular/compose.js";
import type { CircularDocument } from "../../src/kinds/assessment-circular/schema.js";
import { parseDocumentText } from "../../src/model/validate.js";
import { sampleText, sampleWith, tempDir } from "../helpers/data.js";

const load = (text: string) => parseDocumentText(text, "test.yaml").document as CircularDocument;

/** The printed text of each node of a type: number, heading and run-in text, or a list item. */
function textsOf(nodes: readonly BodyNode[], type: "heading" | "paragraph" | "runIn" | "item"): string[] {
  return nodes.flatMap((node) => {
    if (type === "paragraph" && node.type === "paragraph") return [inlineText(node.content)];
    if (node.type === "heading") {
      const runIn = node.text !== undefined;
      if ((type === "heading" && !runIn) || (type === "runIn" && runIn)) return [`${node.number}${inlineText(node.title)}${node.text ? inlineText(node.text) : ""}`];
    }
    if (type === "item" && node.type === "list") return node.items.map((item) => `${item.number}${item.title ? inlineText(item.title) : ""}${inlineText(item.content)}`);
    return [];
  });
}

describe("Chinese numbers and dates", () => {
  it.each([[1, "一"], [10, "十"], [11, "十一"], [20, "二十"], [21, "二十一"], [100, "一百"], [105, "一百零五"], [110, "一百一十"]])(
    "writes %i as %s",
    (value, expected) => expect(chineseNumeral(value)).toBe(expected),
  );

  it("writes dates with Arabic digits, full year and no padding", () => {
    expect(chineseDate("2022-01-07")).toBe("2022年1月7日");
    expect(chineseDate("2022-12-31")).toBe("2022年12月31日");
    expect(chineseDate("2024-02-29")).toBe("2024年2月29日");
    expect(chineseDate("2000-02-29")).toBe("2000年2月29日");
    for (const bad of ["2023-02-29", "1900-02-29", "2022-04-31", "2022-13-01", "2022-00-10", "2022-01-00", "2022-1-7", "22-01-07", "2022-01-07 "]) {
      expect(() => chineseDate(bad), bad).toThrow(RangeError);
    }
  });
});

describe("composing the circular", () => {
  it("numbers headings and points by position, so reordering renumbers", () => {
    const base = load(sampleText());
    const points = [...base.content.baseline.points].reverse();
    const reordered = load(sampleWith([[["content", "baseline", "points"], points]]));
    const numbered = textsOf(composeCircular(reordered).body, "runIn");
    expect(numbered[0]).toBe(`（一）${points[0]!.title}${points[0]!.text}`);
    expect(numbered[4]).toMatch(/^（五）强化标准/);
    // Numbering restarts under each first-level heading.
    expect(numbered[5]).toMatch(/^（一）在提质增效上/);
  });

  it("builds the opening sentence from basis, period, methods, dimensions and subjects", () => {
    const body = composeCircular(load(sampleWith([[["content", "assessment", "methods"], ["听汇报", "查台账"]]]))).body;
    const opening = textsOf(body, "paragraph")[0]!;
    expect(opening).toMatch(/^根据《关于印发青海省创建示范公共资源交易中心考评实施方案的通知》（青政务函〔2021〕21号）安排，2021年10月18日至2021年12月17日，/);
    expect(opening).toContain("通过听汇报、查台账，从服务内容");
  });

  it("passes &, <, quotes and a leading # through exactly as typed (no HTML escaping, no markup)", () => {
    const summary = '# A&B <考核> "引号" \'单引号\' {{not a helper}}';
    const body = composeCircular(load(sampleWith([[["content", "baseline", "summary"], summary]]))).body;
    expect(textsOf(body, "paragraph")).toContain(summary);
    expect(textsOf(body, "heading")).toHaveLength(4);
  });

  it("uses a template folder of the user's own", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "body.hbs"), "# 总体情况\n{{assessment.subjects}}共{{numeral 8}}个，获评{{count results.awarded}}个：{{join results.awarded \"；\"}}。\n");
    const body = composeCircular(load(sampleText()), { templateDir: dir }).body;
    expect(textsOf(body, "heading")).toEqual(["一、总体情况"]);
    expect(textsOf(body, "paragraph")[0]).toBe("全省8个公共资源交易中心共八个，获评2个：海北州公共资源交易中心；格尔木市公共资源交易中心。");
  });

  it("treats a missing value as an error naming the template and the field", () => {
    const dir = tempDir();
    mkdirSync(join(dir, "circular"));
    writeFileSync(join(dir, "circular", "body.hbs"), "第一段\n{{assessment.nonexistent}}\n");
    expect(() => composeCircular(load(sampleText()), { templateDir: dir })).toThrowError(GongwenError);
    expect(() => composeCircular(load(sampleText()), { templateDir: dir })).toThrowError(/nonexistent/);
  });

  it("reports a broken template with its file and line", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "body.hbs"), "第一段\n{{#each baseline.points}}\n{{title}}\n");
    try {
      composeCircular(load(sampleText()), { templateDir: dir });
      expect.unreachable();
    } catch (error) {
      const [problem] = (error as GongwenError).diagnostics;
      expect(problem?.file).toMatch(/body\.hbs$/);
      expect(problem?.rule).toBe("template");
    }
  });

  it("reports a template folder without a body template", () => {
    expect(() => composeCircular(load(sampleText()), { templateDir: tempDir() })).toThrowError(/body\.hbs/);
  });

  it("numbers 一是 items on from the last heading, each with its run-in 小标题", () => {
    const items = textsOf(composeCircular(load(sampleText())).body, "item");
    expect(items.map((item) => item.slice(0, 2))).toEqual(["一是", "二是", "三是"]);
    expect(items[0]).toMatch(/^一是基础设施还需完善。各公共资源交易中心/);
  });

  it("places the 附注 under the date in parentheses when asked (GB/T 9704 §7.3.6)", () => {
    const { frame } = composeCircular(load(sampleWith([[["envelope", "note", "placement"], "below-date"]])));
    expect(frame.notes).toEqual(["（此件公开发布）"]);
    expect(frame.colophon?.lines.map((l) => l.kind)).toEqual(["copyTo", "distribution"]);
  });

  it("lists attachments in the 附件说明 and gives each its label, title and paragraphs", () => {
    const document = composeCircular(load(sampleWith([[["envelope", "attachments"], [{ title: "考核评分表" }, { title: "获评单位名单", paragraphs: ["海北州公共资源交易中心"] }]]])));
    expect(document.frame.attachmentNote).toEqual(["1.考核评分表", "2.获评单位名单"]);
    expect(document.attachments.map((a) => [a.label, a.title, a.body.length])).toEqual([["附件1", "考核评分表", 0], ["附件2", "获评单位名单", 1]]);
  });
});
