import { describe, expect, it } from "vitest";
import { alignParagraphs } from "../../src/review/align.js";
import { compareLines } from "../../src/review/compare.js";
import { profile, similarity } from "../../src/review/similarity.js";
import { newTextOf, oldTextOf, segmentWords, wordDiff } from "../../src/review/word-diff.js";

const A = "各公共资源交易中心强化制度建设，积极推进“制度+流程”模式打造公平、公正的公共资源交易环境。";
const B = "各公共资源交易中心完善廉政风险防控机制，逐级签订廉政风险防控责任书，建立廉政风险台账。";
const C = "从考核情况看，各政务服务监管局坚持目标导向，强化基础设施合理配置，狠抓服务质效落地落实。";
const D = "希望各政务服务监管局在现有的基础上再部署、再发力、再学习、再提高。";

describe("word diff", () => {
  it("cuts Chinese into words, so an edit replaces whole words", () => {
    expect(segmentWords("加强业务学习")).toEqual(["加强", "业务", "学习"]);
    expect(wordDiff("加强业务学习，在工作中学以致用", "加强政策法规学习，在实际工作中学以致用")).toEqual([
      { op: "equal", text: "加强" },
      { op: "delete", text: "业务" },
      { op: "insert", text: "政策法规" },
      { op: "equal", text: "学习，在" },
      { op: "insert", text: "实际" },
      { op: "equal", text: "工作中学以致用" },
    ]);
  });

  it("changes numbers as numbers, not digit by digit", () => {
    expect(wordDiff("2022年1月27日", "2022年1月28日")).toEqual([
      { op: "equal", text: "2022年1月" },
      { op: "delete", text: "27" },
      { op: "insert", text: "28" },
      { op: "equal", text: "日" },
    ]);
  });

  it("folds a one-character equality between two edits into one rewrite", () => {
    // Word by word: [-强化措施-]{+优化服务+}的[-落实-]{+效果+}; folded it reads as one rewrite.
    expect(wordDiff("强化措施的落实工作", "优化服务的效果工作")).toEqual([
      { op: "delete", text: "强化措施的落实" },
      { op: "insert", text: "优化服务的效果" },
      { op: "equal", text: "工作" },
    ]);
  });

  it("always spells both texts back", () => {
    for (const [a, b] of [[A, B], [A, ""], ["", B], [C, C], [D, `${D}${A}`]] as const) {
      const segments = wordDiff(a, b);
      expect(oldTextOf(segments)).toBe(a);
      expect(newTextOf(segments)).toBe(b);
    }
  });
});

describe("similarity", () => {
  it("is 1 for equal texts and low for unrelated paragraphs of one circular", () => {
    expect(similarity(profile(A), profile(A))).toBe(1);
    expect(similarity(profile(A), profile(B))).toBeLessThan(0.4);
    expect(similarity(profile("一"), profile("二"))).toBe(0);
  });
});

describe("paragraph alignment", () => {
  it("pairs an edited paragraph with its old version instead of deleting and inserting", () => {
    const edited = A.replace("积极推进", "大力推进");
    expect(alignParagraphs([C, A, D], [C, edited, D])).toEqual([
      { type: "equal", old: 0, new: 0 },
      { type: "changed", old: 1, new: 1, similarity: expect.any(Number) },
      { type: "equal", old: 2, new: 2 },
    ]);
  });

  it("leaves unrelated paragraphs as a deletion and an insertion", () => {
    expect(alignParagraphs([C, A, D], [C, B, D]).map((op) => op.type)).toEqual(["equal", "deleted", "inserted", "equal"]);
  });

  it("recognises a moved paragraph, also when renumbered", () => {
    const ops = alignParagraphs([`（一）${A}`, `（二）${B}`, `（三）${C}`], [`（一）${C}`, `（二）${A}`, `（三）${B}`]);
    const moveTo = ops.find((op) => op.type === "moveTo");
    expect(moveTo).toMatchObject({ old: 2, new: 0 });
    expect(ops.find((op) => op.type === "moveFrom")).toMatchObject({ old: 2, new: 0 });
    expect(ops.filter((op) => op.type === "changed").map((op) => op.type === "changed" && [op.old, op.new])).toEqual([[0, 1], [1, 2]]);
  });

  it("keeps the order that preserves most paragraphs, so one move stays one move", () => {
    const edited = C.replace("狠抓", "紧抓");
    const ops = alignParagraphs([A, B, C, D], [A, D, B, edited]);
    expect(ops.filter((op) => op.type === "moveTo")).toEqual([{ type: "moveTo", old: 3, new: 1, similarity: 1 }]);
    expect(ops.filter((op) => op.type === "changed")).toMatchObject([{ old: 2, new: 3 }]);
  });

  it("lists every paragraph of both sides exactly once (moves at both ends)", () => {
    const old = [A, B, C, D, "甲", "乙"];
    const now = ["乙", D, `${A}另加一句。`, "丙", C];
    const ops = alignParagraphs(old, now);
    const olds = ops.flatMap((op) => ("old" in op && op.type !== "moveTo" ? [op.old] : []));
    const news = ops.flatMap((op) => ("new" in op && op.type !== "moveFrom" ? [op.new] : []));
    expect([...olds].sort()).toEqual(old.map((_, i) => i));
    expect([...news].sort()).toEqual(now.map((_, i) => i));
  });

  it("falls back to exact matches for very large gaps, and stays correct", () => {
    const old = Array.from({ length: 60 }, (_, i) => `第${i}段：${A}${i}`);
    const now = [...old.slice(0, 30), `第30段：${B}`, ...old.slice(31)];
    const changes = compareLines(old, now, { maxPairs: 10 });
    expect(changes.map((c) => c.change)).toEqual(["deleted", "inserted"]);
  });
});

describe("compareLines", () => {
  it("reports 1-based line numbers and word segments", () => {
    const changes = compareLines(["青政务〔2022〕3号", A], ["青政务〔2022〕4号", A]);
    expect(changes).toEqual([
      {
        change: "changed",
        old: { line: 1, text: "青政务〔2022〕3号" },
        new: { line: 1, text: "青政务〔2022〕4号" },
        similarity: expect.any(Number),
        segments: [
          { op: "equal", text: "青政务〔2022〕" },
          { op: "delete", text: "3" },
          { op: "insert", text: "4" },
          { op: "equal", text: "号" },
        ],
      },
    ]);
  });
});
