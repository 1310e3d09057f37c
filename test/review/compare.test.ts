import { beforeAll, describe, expect, it } from "vitest";
import { formatPath } from "../../src/errors.js";
import { compareDrafts, type Comparison, type ParagraphChange } from "../../src/review/compare.js";
import { diffValues } from "../../src/review/field-diff.js";
import { formatTerminal } from "../../src/review/format-terminal.js";
import { readDraft } from "../../src/review/paragraphs.js";
import { SAMPLE } from "../helpers/paths.js";
import { MOVED_POINT, NEW_POINT, REMOVED_POINT, REWRITE, secondAndThirdDrafts, type DraftFiles } from "./helpers/drafts.js";

let second: DraftFiles;
let third: DraftFiles;
beforeAll(async () => {
  ({ second, third } = await secondAndThirdDrafts());
});

const lineOf = (c: ParagraphChange) => ("new" in c ? c.new.text : c.old.text);
const find = (comparison: Comparison, change: ParagraphChange["change"], text: string) =>
  comparison.paragraphs.find((c) => c.change === change && lineOf(c).includes(text));

describe("two data files", () => {
  let comparison: Comparison;
  beforeAll(async () => {
    comparison = compareDrafts(await readDraft(second.yaml), await readDraft(third.yaml));
  });

  it("summarises field changes: the date, the 发文字号, the 抄送 list, list items added, removed, moved", () => {
    const fields = comparison.fields!.map((f) => [f.kind, formatPath(f.path), f.old, f.new]);
    expect(fields).toContainEqual(["changed", "envelope.signedOn", "2022-01-27", "2022-01-28"]);
    expect(fields).toContainEqual(["changed", "envelope.docNumber", "青政务〔2022〕3号", "青政务〔2022〕4号"]);
    expect(fields).toContainEqual(["added", "envelope.colophon.copyTo[1]", undefined, "省发展改革委"]);
    expect(fields).toContainEqual(["added", "content.results.awarded[2]", undefined, "海东市公共资源交易中心"]);
    expect(fields).toContainEqual(["removed", "content.problems.points[1]", REMOVED_POINT, undefined]);
    expect(fields).toContainEqual(["added", "content.problems.points[2]", undefined, NEW_POINT]);
    const moved = comparison.fields!.filter((f) => f.kind === "moved");
    expect(moved).toEqual([{ kind: "moved", path: ["content", "baseline", "points", 1], from: 3, old: MOVED_POINT, new: MOVED_POINT }]);
    const rewritten = comparison.fields!.find((f) => formatPath(f.path) === "content.baseline.points[3].text");
    expect(rewritten?.kind).toBe("changed");
    expect(comparison.fields).toHaveLength(8);
  });

  it("prints the summary first, one line per field, as the issue asks", () => {
    const text = formatTerminal(comparison);
    const [summary, body] = text.split("正文变化 text changes");
    expect(summary).toContain("envelope.signedOn: 2022-01-27 → 2022-01-28\n");
    expect(summary).toContain("envelope.docNumber: 青政务〔2022〕3号 → 青政务〔2022〕4号\n");
    expect(summary).toContain("content.results.awarded[2]: 新增 added 海东市公共资源交易中心\n");
    expect(summary).toContain("content.problems.points[1]: 删除 removed 业务能力还需加力。\n");
    expect(summary).toContain("content.baseline.points[1]: 移动 moved 自 from [3] 规范透明，制度建设持续发力。\n");
    // A long text shows its edit with some context, not 200 characters twice.
    expect(summary).toMatch(/content\.baseline\.points\[3\]\.text: 修改 changed …[^\n]*加强\[-业务-\]\{\+政策法规\+\}学习，在\{\+实际\+\}工作中学以致用[^\n]*…\n/);
    expect(body).toBeDefined();
  });

  it("shows a rewritten sentence inside its paragraph, at word granularity", () => {
    const change = find(comparison, "changed", "精益求精");
    expect(change?.change).toBe("changed");
    const text = formatTerminal({ ...comparison, fields: [], paragraphs: [change!] });
    expect(text).toContain("加强[-业务-]{+政策法规+}学习，在{+实际+}工作中学以致用");
    expect(text).not.toContain(`[-${REWRITE.before}`);
  });

  it("shows inserted, removed and moved points, the changed date, 发文字号 and 抄送 line", () => {
    expect(find(comparison, "inserted", NEW_POINT.text)).toMatchObject({ new: { text: `三是${NEW_POINT.title}${NEW_POINT.text}` } });
    expect(find(comparison, "deleted", REMOVED_POINT.text)).toMatchObject({ old: { text: `二是${REMOVED_POINT.title}${REMOVED_POINT.text}` } });
    expect(find(comparison, "moved", MOVED_POINT.text)).toMatchObject({ old: { line: 13 }, new: { line: 11 } });
    const segments = (text: string) => {
      const change = find(comparison, "changed", text);
      return change && "segments" in change ? change.segments : undefined;
    };
    expect(segments("青政务〔2022〕")).toEqual([
      { op: "equal", text: "青政务〔2022〕" },
      { op: "delete", text: "3" },
      { op: "insert", text: "4" },
      { op: "equal", text: "号" },
    ]);
    expect(segments("2022年1月2")).toContainEqual({ op: "insert", text: "28" });
    expect(segments("抄送：")).toEqual([
      { op: "equal", text: "抄送：省政府办公厅" },
      { op: "insert", text: "，省发展改革委" },
      { op: "equal", text: "。" },
    ]);
    expect(comparison.counts).toMatchObject({ inserted: 1, deleted: 1, moved: 1 });
    expect(comparison.identical).toBe(false);
  });

  it("finds nothing between a file and itself, and no field change for an equivalent 发文字号 spelling", async () => {
    const same = compareDrafts(await readDraft(SAMPLE), await readDraft(second.yaml));
    expect(same.identical).toBe(true);
    expect(same.paragraphs).toEqual([]);
    expect(same.fields).toEqual([]);
  });
});

describe("two .docx files and a mixed pair", () => {
  it("diffs the rendered drafts like their data files, with no field summary", async () => {
    const docx = compareDrafts(await readDraft(second.docx), await readDraft(third.docx));
    const data = compareDrafts(await readDraft(second.yaml), await readDraft(third.yaml));
    expect(docx.fields).toBeUndefined();
    expect(docx.paragraphs).toEqual(data.paragraphs);
    expect(docx.old.kind).toBe("docx");
  });

  it("compares a data file with its own rendering as identical, and with another draft's as different", async () => {
    expect(compareDrafts(await readDraft(second.yaml), await readDraft(second.docx)).identical).toBe(true);
    const mixed = compareDrafts(await readDraft(second.yaml), await readDraft(third.docx));
    expect(mixed.identical).toBe(false);
    expect(mixed.old.kind).toBe("data");
    expect(mixed.new.kind).toBe("docx");
  });
});

describe("field diff of plain values", () => {
  it("compares lists as sequences: an insertion shifts nothing, a reordering is a move", () => {
    expect(diffValues({ a: ["甲", "乙", "丙"] }, { a: ["甲", "丁", "乙", "丙"] })).toEqual([{ kind: "added", path: ["a", 1], new: "丁" }]);
    expect(diffValues(["甲", "乙", "丙"], ["丙", "甲", "乙"])).toEqual([{ kind: "moved", path: [0], from: 2, old: "丙", new: "丙" }]);
    expect(diffValues({ a: 1 }, { a: 1, b: 2 })).toEqual([{ kind: "added", path: ["b"], new: 2 }]);
  });
});
