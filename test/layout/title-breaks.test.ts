import { describe, expect, it } from "vitest";
import { breakLines, isLineEndForbidden, isLineStartForbidden, textWidth } from "../../src/layout/text-width.js";
import { breakTitle, titleShape, validateTitleLines } from "../../src/layout/title-breaks.js";

const QINGHAI = "青海省政务服务监督管理局关于2021年度“青海省创建示范公共资源交易中心”考核情况通报";
const STATE_COUNCIL = "国务院办公厅关于印发国家突发公共事件总体应急预案的通知";
const SIXTY =
  "中共青海省委办公厅青海省人民政府办公厅关于印发《青海省深化政务服务“一网通办”改革推进营商环境全面优化提升实施方案》的函";

const examples: Array<[string, string[]]> = [
  [QINGHAI, ["青海省政务服务监督管理局关于2021年度", "“青海省创建示范公共资源交易中心”", "考核情况通报"]],
  [STATE_COUNCIL, ["国务院办公厅关于印发", "国家突发公共事件总体应急预案的通知"]],
  ["关于开展2024年度安全生产大检查的通知", ["关于开展2024年度安全生产大检查的通知"]],
  ["关于表彰先进集体的通报", ["关于表彰先进集体的通报"]],
  [SIXTY, ["中共青海省委办公厅", "青海省人民政府办公厅关于印发", "《青海省深化政务服务“一网通办”改革推进", "营商环境全面优化提升实施方案》的函"]],
  ["国务院关于印发《国家突发公共事件总体应急预案》的通知", ["国务院关于印发", "《国家突发公共事件总体应急预案》的通知"]],
  ["中共中央 国务院关于全面推进乡村振兴加快农业农村现代化的意见", ["中共中央 国务院关于", "全面推进乡村振兴加快农业农村现代化的意见"]],
  // "关于2023年第3次…的通报" would be 20.3 字 with autospace: too wide, so 关于 stays above.
  ["XX市人民政府办公室关于2023年第3次安全生产大检查情况的通报", ["XX市人民政府办公室关于", "2023年第3次安全生产大检查情况的通报"]],
  ["关于进一步加强和改进全省安全生产监督管理工作的函", ["关于进一步加强和改进", "全省安全生产监督管理工作的函"]],
  ["关于进一步加强全省安全生产监督管理工作的补充通知函", ["关于进一步加强", "全省安全生产监督管理工作的补充通知函"]],
  [
    "青海省应急管理厅青海省公安厅青海省交通运输厅青海省住房和城乡建设厅青海省市场监督管理局青海省消防救援总队关于开展2024年度全省安全生产大检查暨隐患排查整治专项行动的联合通知",
    [
      "青海省应急管理厅青海省公安厅",
      "青海省交通运输厅青海省住房和城乡建设厅",
      "青海省市场监督管理局青海省消防救援总队",
      "关于开展2024年度全省安全生产大检查",
      "暨隐患排查整治专项行动的联合通知",
    ],
  ],
];

describe("breakTitle", () => {
  it.each(examples)("%s", (title, lines) => {
    expect(breakTitle(title)).toEqual(lines);
  });

  it("keeps titles that fit on one line whole", () => {
    expect(textWidth("关于开展2024年度安全生产大检查的通知", { fontSizePt: 22 })).toBeLessThan(442.25);
    expect(breakTitle("关于表彰先进集体的通报")).toHaveLength(1);
  });

  it.each(examples)("lays out %s within the rules", (title) => {
    const lines = breakTitle(title);
    expect(lines.join("").replace(/\s/g, "")).toBe(title.replace(/\s/g, ""));
    for (const [i, line] of lines.entries()) {
      expect(breakLines(line, { fontSizePt: 22 })).toHaveLength(1); // no wrap in the renderer
      if (lines.length > 1) expect([...line].length).toBeGreaterThan(1);
      if (i > 0) expect(isLineStartForbidden([...line][0] ?? "")).toBe(false);
      if (i < lines.length - 1) expect(isLineEndForbidden([...line].pop() ?? "")).toBe(false);
    }
    expect(["single", "trapezoid", "diamond", "inverted-trapezoid"]).toContain(titleShape(lines));
    expect(validateTitleLines(lines).filter((p) => p.kind !== "shape")).toEqual([]);
  });

  it("uses the fewest lines", () => {
    expect(breakTitle(SIXTY)).toHaveLength(4); // 60 characters, 20 per line, no break at exactly 20 and 40
    expect(breakTitle(STATE_COUNCIL)).toHaveLength(2);
  });

  it("never splits a quoted or book-title name that fits on a line, nor a number and its unit", () => {
    expect(breakTitle(QINGHAI)).toContain("“青海省创建示范公共资源交易中心”");
    expect(breakTitle(QINGHAI)[0]).toMatch(/2021年度$/);
    expect(breakTitle(SIXTY).join("/")).toContain("“一网通办”");
  });

  it("breaks inside a book title only when it is longer than a line", () => {
    const lines = breakTitle(SIXTY);
    expect(lines[2]).toMatch(/^《/);
    expect(lines[3]).toMatch(/》的函$/);
  });

  it("never leaves a single character alone", () => {
    const lines = breakTitle("关于进一步加强和改进全省安全生产监督管理工作的函");
    expect(lines).toEqual(["关于进一步加强和改进", "全省安全生产监督管理工作的函"]);
  });

  it("returns explicit breaks unchanged", () => {
    expect(breakTitle("国务院办公厅\n关于印发国家突发公共事件总体应急预案的通知")).toEqual([
      "国务院办公厅",
      "关于印发国家突发公共事件总体应急预案的通知",
    ]);
  });

  it("follows the options and is deterministic", () => {
    const narrow = breakTitle(STATE_COUNCIL, { maxLineWidthPt: 300 });
    expect(narrow.length).toBeGreaterThan(2);
    for (const line of narrow) expect(textWidth(line, { fontSizePt: 22 })).toBeLessThanOrEqual(300);
    expect(breakTitle(QINGHAI)).toEqual(breakTitle(QINGHAI));
    expect(breakTitle(STATE_COUNCIL, { fontSizePt: 16 })).toEqual([STATE_COUNCIL]);
  });

  it("falls back to filling when a Latin run is wider than a line", () => {
    const lines = breakTitle(`关于${"ABCDEFGHIJKLMNOPQRSTUVWXYZ".repeat(2)}系统的通知`);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidth(line, { fontSizePt: 22 })).toBeLessThanOrEqual(442.25);
  });
});

describe("titleShape", () => {
  it("classifies line outlines", () => {
    expect(titleShape(["关于表彰先进集体的通报"])).toBe("single");
    expect(titleShape(["国务院办公厅关于印发", "国家突发公共事件总体应急预案的通知"])).toBe("trapezoid");
    expect(titleShape(["国家突发公共事件总体应急预案的通知", "国务院办公厅关于印发"])).toBe("inverted-trapezoid");
    expect(titleShape(["一二三四五六", "一二三四五六七八九十一二", "一二三四五六七"])).toBe("diamond");
    expect(titleShape(["一二三四五六七八九十一二", "一二三四五六", "一二三四五六七八九十一二"])).toBe("hourglass");
    expect(titleShape(["一二三四", "一二三四五六七八", "一二三", "一二三四五六七八九十"])).toBe("other");
    expect(titleShape(["一二三四五六七八九十", "一二三四五六七八九十一"])).toBe("trapezoid"); // within one 字
  });
});

describe("validateTitleLines", () => {
  it("accepts a good layout", () => {
    expect(validateTitleLines(["国务院办公厅关于印发", "国家突发公共事件总体应急预案的通知"])).toEqual([]);
  });

  it("reports split words, numbers and names", () => {
    const kinds = (lines: string[]) => validateTitleLines(lines).map((p) => p.kind);
    expect(kinds(["国务院办公厅关于印", "发国家突发公共事件总体应急预案的通知"])).toContain("word-split");
    expect(kinds(["关于开展20", "24年度安全生产大检查的通知"])).toContain("word-split");
    expect(kinds(["关于开展2024", "年度安全生产大检查的通知"])).toContain("word-split");
    expect(kinds(["关于印发《国家突发公共事件", "总体应急预案》的通知"])).toContain("word-split");
  });

  it("reports stray characters, punctuation, width and shape", () => {
    const problems = validateTitleLines(["关于印发《", "国家突发公共事件总体应急预案》的通知", "函"]);
    expect(problems.map((p) => p.kind)).toEqual(expect.arrayContaining(["punctuation", "stray-char"]));
    const wide = validateTitleLines(["青海省政务服务监督管理局关于2021年度“青海省创建示范公共资源交易中心”", "考核情况通报"]);
    expect(wide.find((p) => p.kind === "too-wide")).toMatchObject({ severity: "error", line: 0 });
    const hourglass = validateTitleLines(["国务院办公厅关于印发国家突发", "公共事件", "总体应急预案的通知的补充通知"]);
    expect(hourglass.find((p) => p.kind === "shape")?.message).toMatch(/hourglass/);
  });
});
