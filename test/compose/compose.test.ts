import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { chineseDate, chineseNumeral } from "../../src/compose/chinese.js";
import { composeCircular } from "../../src/compose/compose.js";
import type { Block } from "../../src/document/blocks.js";
import { GongwenError } from "../../src/errors.js";
import { parseDocumentText } from "../../src/model/validate.js";
import { renderText } from "../../src/render/text.js";
import { sampleText, sampleWith, tempDir } from "../helpers/data.js";

const load = (text: string) => parseDocumentText(text, "test.yaml").document;
const textsOf = (blocks: readonly Block[], type: Block["type"]) =>
  blocks.filter((b) => b.type === type).map((b) => renderText({ meta: {} as never, blocks: [b] }).trim());

describe("Chinese numbers and dates", () => {
  it.each([[1, "一"], [10, "十"], [11, "十一"], [20, "二十"], [21, "二十一"], [100, "一百"], [105, "一百零五"], [110, "一百一十"]])(
    "writes %i as %s",
    (value, expected) => expect(chineseNumeral(value)).toBe(expected),
  );

  it("writes dates with Arabic digits, full year and no padding", () => {
    expect(chineseDate("2022-01-07")).toBe("2022年1月7日");
    expect(chineseDate("2022-12-31")).toBe("2022年12月31日");
  });
});

describe("composing the circular", () => {
  it("numbers headings and points by position, so reordering renumbers", () => {
    const base = load(sampleText());
    const points = [...base.content.baseline.points].reverse();
    const reordered = load(sampleWith([[["content", "baseline", "points"], points]]));
    const blocks = composeCircular(reordered).blocks;
    const numbered = textsOf(blocks, "point").filter((t) => t.startsWith("（"));
    expect(numbered[0]).toBe(`（一）${points[0]!.title}${points[0]!.text}`);
    expect(numbered[4]).toMatch(/^（五）强化标准/);
    // Numbering restarts under each first-level heading.
    expect(numbered[5]).toMatch(/^（一）在提质增效上/);
  });

  it("builds the opening sentence from basis, period, methods, dimensions and subjects", () => {
    const blocks = composeCircular(load(sampleWith([[["content", "assessment", "methods"], ["听汇报", "查台账"]]]))).blocks;
    const opening = textsOf(blocks, "paragraph")[0]!;
    expect(opening).toMatch(/^根据《关于印发青海省创建示范公共资源交易中心考评实施方案的通知》（青政务函〔2021〕21号）安排，2021年10月18日至2021年12月17日，/);
    expect(opening).toContain("通过听汇报、查台账，从服务内容");
  });

  it("passes &, <, quotes and a leading # through exactly as typed (no HTML escaping, no markup)", () => {
    const summary = '# A&B <考核> "引号" \'单引号\' {{not a helper}}';
    const blocks = composeCircular(load(sampleWith([[["content", "baseline", "summary"], summary]]))).blocks;
    expect(textsOf(blocks, "paragraph")).toContain(summary);
    expect(textsOf(blocks, "heading")).toHaveLength(4);
  });

  it("uses a template folder of the user's own", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "body.hbs"), "# 总体情况\n{{assessment.subjects}}共{{numeral 8}}个，获评{{count results.awarded}}个：{{join results.awarded \"；\"}}。\n");
    const blocks = composeCircular(load(sampleText()), { templateDir: dir }).blocks;
    expect(textsOf(blocks, "heading")).toEqual(["一、总体情况"]);
    expect(textsOf(blocks, "paragraph")[0]).toBe("全省8个公共资源交易中心共八个，获评2个：海北州公共资源交易中心；格尔木市公共资源交易中心。");
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

  it("places the 附注 under the date in parentheses when asked (GB/T 9704 §7.3.6)", () => {
    const blocks = composeCircular(load(sampleWith([[["envelope", "note", "placement"], "below-date"]]))).blocks;
    const index = blocks.findIndex((b) => b.type === "signature");
    expect(blocks[index + 1]).toEqual({ type: "note", text: "（此件公开发布）" });
    const colophon = blocks.find((b) => b.type === "colophon");
    expect(colophon && "lines" in colophon ? colophon.lines.map((l) => l.kind) : []).toEqual(["copyTo", "distribution"]);
  });

  it("lists attachments in the 附件说明 and on pages of their own before the 版记", () => {
    const blocks = composeCircular(load(sampleWith([[["envelope", "attachments"], [{ title: "考核评分表" }, { title: "获评单位名单", paragraphs: ["海北州公共资源交易中心"] }]]]))).blocks;
    expect(blocks.find((b) => b.type === "attachmentNote")).toEqual({ type: "attachmentNote", items: ["1.考核评分表", "2.获评单位名单"] });
    const kinds = blocks.map((b) => b.type);
    expect(kinds.indexOf("attachment")).toBeGreaterThan(kinds.indexOf("signature"));
    expect(kinds.at(-1)).toBe("colophon");
  });
});
