import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compareDrafts } from "../../src/review/compare.js";
import { docxToPlainText } from "../../src/review/docx-text.js";
import { readDraft } from "../../src/review/paragraphs.js";
import { buildRedline } from "../../src/review/redline.js";
import { normaliseDate } from "../../src/review/redline-defaults.js";
import { attr, child, findAll, openDocx, textOf, type XmlElement } from "../helpers/xml.js";
import { cli, ensureBuilt } from "./helpers/cli.js";
import { NEW_POINT, REMOVED_POINT, secondAndThirdDrafts, writeDraft, type DraftFiles } from "./helpers/drafts.js";

const plain = (bytes: Uint8Array, view?: "accepted" | "rejected") => docxToPlainText(bytes, { dropEmptyLines: true, ...(view ? { view } : {}) });

/** Accept All must give exactly the new text, Reject All exactly the old. */
function expectViews(redline: Uint8Array, oldBytes: Uint8Array, newBytes: Uint8Array): void {
  expect(plain(redline, "accepted")).toBe(plain(newBytes));
  expect(plain(redline, "rejected")).toBe(plain(oldBytes));
}

const AUTHOR = { author: "青海省政务服务监督管理局", date: "2022-01-28T00:00:00Z" };

let dir: string;
let second: DraftFiles;
let third: DraftFiles;
let redline: Uint8Array;
let body: XmlElement;
beforeAll(async () => {
  ({ dir, second, third } = await secondAndThirdDrafts());
  redline = buildRedline(readFileSync(second.docx), readFileSync(third.docx), AUTHOR).bytes;
  body = child(openDocx(redline).part("word/document.xml"), "w:document", "w:body")!;
});

const paragraphWith = (text: string) => findAll(body, "w:p").find((p) => (textOf(p) + findAll(p, "w:delText").map((t) => t.text).join("")).includes(text));
const fontOf = (run: XmlElement) => attr(child(run, "w:rPr", "w:rFonts"), "w:eastAsia");

describe("redline of the 2nd and 3rd draft", () => {
  it("accepts to exactly the new text and rejects to exactly the old", () => {
    expectViews(redline, readFileSync(second.docx), readFileSync(third.docx));
  });

  it("marks every change as a real tracked change with a unique id, the author and the date", () => {
    const marks = [...findAll(body, "w:ins"), ...findAll(body, "w:del")];
    expect(marks.length).toBeGreaterThan(10);
    const ids = marks.map((m) => attr(m, "w:id"));
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of marks) {
      expect(attr(m, "w:author")).toBe(AUTHOR.author);
      expect(attr(m, "w:date")).toBe(AUTHOR.date);
    }
    // Deleted text is w:delText, never w:t; inserted text is w:t.
    for (const del of findAll(body, "w:del").filter((d) => d.parent?.name !== "w:rPr")) {
      expect(findAll(del, "w:t")).toEqual([]);
      expect(findAll(del, "w:delText").length).toBeGreaterThan(0);
    }
  });

  it("changes words inside a paragraph, keeping each part's run formatting (楷体 heading, 仿宋 text)", () => {
    const p = paragraphWith("尽心尽力")!;
    const runs = p.children.flatMap((c) => (c.name === "w:r" ? [[c, "keep"] as const] : c.name === "w:ins" || c.name === "w:del" ? c.children.map((r) => [r, c.name] as const) : []));
    const shown = runs.map(([r, how]) => [how, findAll(r, how === "w:del" ? "w:delText" : "w:t").map((t) => t.text).join(""), fontOf(r)]);
    expect(shown.slice(0, 4)).toEqual([
      ["keep", "（", "楷体_GB2312"],
      ["w:del", "二", "楷体_GB2312"],
      ["w:ins", "三", "楷体_GB2312"],
      ["keep", "）尽心尽力，服务质量再上台阶。", "楷体_GB2312"],
    ]);
    expect(shown[4]?.[2]).toBe("仿宋_GB2312");
    // The paragraph itself is not inserted or deleted.
    expect(child(p, "w:pPr", "w:rPr")).toBeUndefined();
  });

  it("inserts a new point with its runs and its paragraph mark inserted", () => {
    const p = paragraphWith(NEW_POINT.text)!;
    const mark = child(p, "w:pPr", "w:rPr")!.children[0]!;
    expect(mark.name).toBe("w:ins");
    const runs = p.children.filter((c) => c.name !== "w:pPr");
    expect(runs.map((c) => c.name)).toEqual(["w:ins"]);
    expect(textOf(runs[0]!)).toBe(`三是${NEW_POINT.title}${NEW_POINT.text}`);
  });

  it("puts a removed point back where it stood, deleted, in its old style", () => {
    const p = paragraphWith(REMOVED_POINT.text)!;
    expect(child(p, "w:pPr", "w:rPr")!.children[0]!.name).toBe("w:del");
    expect(attr(child(p, "w:pPr", "w:pStyle"), "w:val")).toBe("GwBody");
    expect(textOf(p)).toBe("");
    expect(findAll(p, "w:delText").map((t) => t.text).join("")).toBe(`二是${REMOVED_POINT.title}${REMOVED_POINT.text}`);
    const paragraphs = findAll(body, "w:p");
    const next = paragraphs[paragraphs.indexOf(p) + 1]!;
    expect(textOf(next)).toMatch(/^二是服务质效还需提升/);
  });

  it("shows a moved point as deleted where it was and inserted where it is", () => {
    const copies = findAll(body, "w:p").filter((p) => (textOf(p) + findAll(p, "w:delText").map((t) => t.text).join("")).includes("规范透明"));
    expect(copies.map((p) => child(p, "w:pPr", "w:rPr")?.children[0]?.name)).toEqual(["w:ins", "w:del"]);
  });

  it("reads as the new draft where changes are shown as stored (gongwen text, gongwen diff)", async () => {
    const file = join(dir, "read-back.docx");
    writeFileSync(file, redline);
    expect(compareDrafts(await readDraft(third.yaml), await readDraft(file)).identical).toBe(true);
  });

  it("is deterministic: the same drafts give the same bytes", () => {
    const again = buildRedline(readFileSync(second.docx), readFileSync(third.docx), AUTHOR).bytes;
    expect(Buffer.compare(Buffer.from(again), Buffer.from(redline))).toBe(0);
  });

  it("keeps every other part of the new document as it was", () => {
    const ours = openDocx(redline);
    const theirs = openDocx(readFileSync(third.docx));
    expect(Object.keys(ours.files)).toEqual(Object.keys(theirs.files));
    for (const name of Object.keys(theirs.files).filter((n) => n !== "word/document.xml")) {
      expect(Buffer.compare(Buffer.from(ours.files[name]!), Buffer.from(theirs.files[name]!)), name).toBe(0);
    }
  });
});

describe("redline edge cases", () => {
  it("marks a new 版记 row as an inserted row and a removed 抄送 line as deleted", async () => {
    const older = await writeDraft(dir, "colophon-old");
    const newer = await writeDraft(dir, "colophon-new", [
      [["envelope", "colophon", "copyTo"], []],
      [["envelope", "colophon", "distribution"], ["局长，副局长，各处室、局属各单位。", "各市州政务服务监管局。"]],
    ]);
    const bytes = buildRedline(readFileSync(older.docx), readFileSync(newer.docx), AUTHOR).bytes;
    expectViews(bytes, readFileSync(older.docx), readFileSync(newer.docx));
    const rows = findAll(openDocx(bytes).part("word/document.xml"), "w:tr");
    const inserted = rows.filter((r) => child(r, "w:trPr", "w:ins"));
    expect(inserted.map(textOf)).toEqual(["各市州政务服务监管局。"]);
    const deleted = findAll(openDocx(bytes).part("word/document.xml"), "w:delText").map((t) => t.text).join("");
    expect(deleted).toBe("抄送：省政府办公厅。");
  });

  it("redlines a wholly different title, a changed issuer mark and removed text at the very end", async () => {
    const older = await writeDraft(dir, "ends-old", [[["envelope", "note"], { publicity: "主动公开", placement: "below-date", text: "联系人：张三，电话：0971-1234567" }]]);
    const newer = await writeDraft(dir, "ends-new", [
      [["envelope", "title"], "青海省政务服务监督管理局关于2021年度示范公共资源交易中心考核结果的通报"],
      [["envelope", "issuerMark"], "青海省政务服务监督管理局"],
    ]);
    const bytes = buildRedline(readFileSync(older.docx), readFileSync(newer.docx), AUTHOR).bytes;
    expectViews(bytes, readFileSync(older.docx), readFileSync(newer.docx));
  });

  it("gives the new document unchanged in text when the drafts are identical", () => {
    const bytes = buildRedline(readFileSync(second.docx), readFileSync(second.docx), AUTHOR).bytes;
    const xml = openDocx(bytes).part("word/document.xml");
    expect(findAll(xml, "w:ins")).toEqual([]);
    expect(findAll(xml, "w:del")).toEqual([]);
    expect(plain(bytes)).toBe(plain(readFileSync(second.docx)));
  });

  it("refuses a new draft that already holds tracked changes", () => {
    expect(() => buildRedline(readFileSync(second.docx), redline, AUTHOR)).toThrow(/已有未处理的修订/);
  });

  it("accepts an old draft that holds tracked changes, reading it as it shows", () => {
    const bytes = buildRedline(redline, readFileSync(second.docx), AUTHOR).bytes;
    expect(plain(bytes, "accepted")).toBe(plain(readFileSync(second.docx)));
    expect(plain(bytes, "rejected")).toBe(plain(redline));
  });
});

describe("gongwen diff --redline", () => {
  beforeAll(() => ensureBuilt(), 240_000);

  it("writes the new draft's format with the drafts' author and 成文日期 by default", () => {
    const out = join(dir, "cli-redline.docx");
    const result = cli(["diff", second.yaml, third.yaml, "--redline", out]);
    expect(result.status, result.stderr).toBe(1);
    const bytes = readFileSync(out);
    expectViews(bytes, readFileSync(second.docx), readFileSync(third.docx));
    const ins = findAll(openDocx(bytes).part("word/document.xml"), "w:ins")[0]!;
    expect(attr(ins, "w:author")).toBe("青海省政务服务监督管理局");
    expect(attr(ins, "w:date")).toBe("2022-01-28T00:00:00Z");
    // Same input, same bytes, run after run.
    const again = join(dir, "cli-redline-2.docx");
    cli(["diff", second.yaml, third.yaml, "--redline", again]);
    expect(Buffer.compare(readFileSync(again), bytes)).toBe(0);
  });

  it("takes --author and --date, and the date line of a .docx when there is no data file", () => {
    const out = join(dir, "cli-redline-docx.docx");
    cli(["diff", second.docx, third.docx, "--redline", out]);
    const mark = findAll(openDocx(readFileSync(out)).part("word/document.xml"), "w:del")[0]!;
    expect([attr(mark, "w:author"), attr(mark, "w:date")]).toEqual(["gongwen", "2022-01-28T00:00:00Z"]);
    cli(["diff", second.docx, third.docx, "--redline", out, "--author", "办公室 王五", "--date", "2022-02-01T09:30:00+08:00"]);
    const given = findAll(openDocx(readFileSync(out)).part("word/document.xml"), "w:ins")[0]!;
    expect([attr(given, "w:author"), attr(given, "w:date")]).toEqual(["办公室 王五", "2022-02-01T01:30:00Z"]);
  });

  it("mixes a data file and a .docx either way", () => {
    const out = join(dir, "cli-redline-mixed.docx");
    expect(cli(["diff", second.docx, third.yaml, "--redline", out]).status).toBe(1);
    expectViews(readFileSync(out), readFileSync(second.docx), readFileSync(third.docx));
    expect(cli(["diff", second.yaml, third.docx, "--redline", out]).status).toBe(1);
    expectViews(readFileSync(out), readFileSync(second.docx), readFileSync(third.docx));
  });

  it("exits 2 when the new draft is itself a redline", () => {
    const red = join(dir, "already-red.docx");
    writeFileSync(red, redline);
    const result = cli(["diff", second.docx, red, "--redline", join(dir, "x.docx")]);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("accept or reject them all");
  });
});

describe("revision dates", () => {
  it("normalises ISO dates to UTC seconds and rejects anything else", () => {
    expect(normaliseDate("2022-01-28")).toBe("2022-01-28T00:00:00Z");
    expect(normaliseDate("2022-01-28T09:30+08:00")).toBe("2022-01-28T01:30:00Z");
    expect(() => normaliseDate("2022-02-30")).toThrow(/无效/);
    expect(() => normaliseDate("yesterday")).toThrow(/invalid revision date/);
  });
});
