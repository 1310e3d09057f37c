import { describe, expect, it, vi } from "vitest";
import type { CircularDocument } from "../../src/kinds/assessment-circular/schema.js";
import { GongwenError, type Diagnostic } from "../../src/errors.js";
import { withYamlEnv } from "../../src/load/yaml-env.js";
import { loadDocumentFile, parseDocumentText } from "../../src/model/validate.js";
import { sampleText, sampleWith, writeTemp } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";

function problemsOf(text: string): Diagnostic[] {
  try {
    parseDocumentText(text, "bad.yaml");
  } catch (error) {
    if (error instanceof GongwenError) return [...error.diagnostics];
    throw error;
  }
  return [];
}

const errorsOf = (text: string) => problemsOf(text).filter((d) => d.severity !== "warning");
const rulesOf = (text: string) => errorsOf(text).map((d) => d.rule);

describe("the sample data file", () => {
  it("loads without errors or warnings", async () => {
    const loaded = await loadDocumentFile(SAMPLE);
    // The original's title breaks inside the quoted name (公共资源 / 交易中心); the sample keeps its lines.
    expect(loaded.warnings.map((w) => [w.rule, (w.path ?? []).join(".")])).toEqual([["title-word-split", "envelope.title.1"]]);
    expect(loaded.document.envelope.docNumber).toEqual({ code: "青政务", year: 2022, serial: 3 });
    const content = (loaded.document as CircularDocument).content;
    expect(content.baseline.points).toHaveLength(5);
    expect(content.problems.points).toHaveLength(3);
  });
});

describe("validation reports every problem, with its place", () => {
  it("reports a YAML syntax error with line and column", () => {
    const [problem] = errorsOf("kind: assessment-circular\nenvelope: [1,\n  docNumber: : x\n");
    expect(problem?.rule).toBe("yaml-syntax");
    expect(problem?.line).toBeGreaterThanOrEqual(2);
    expect(problem?.column).toBeGreaterThan(0);
    expect(problem?.zh).toMatch(/YAML 语法错误/);
  });

  it("reports all schema problems at once, each with field path and line", () => {
    const text = sampleWith([
      [["envelope", "signedOn"], "2022-02-30"],
      [["envelope", "docNumber", "serial"], "03"],
      [["envelope", "addressees"], []],
      [["content", "results", "awarded", 1], 42],
      [["envelope", "colophon", "printer"], undefined],
    ]);
    const problems = errorsOf(text);
    const byPath = new Map(problems.map((d) => [d.path?.join("."), d]));
    expect(byPath.get("envelope.signedOn")?.rule).toBe("date-invalid");
    expect(byPath.get("envelope.docNumber.serial")?.rule).toBe("type");
    expect(byPath.get("envelope.addressees")?.rule).toBe("non-empty");
    expect(byPath.get("content.results.awarded.1")?.zh).toMatch(/应为文字/);
    expect(byPath.get("envelope.colophon.printer")?.rule).toBe("required");
    for (const problem of problems) {
      expect(problem.line, JSON.stringify(problem)).toBeGreaterThan(0);
      expect(problem.file).toBe("bad.yaml");
      expect(problem.en).not.toBe("");
    }
  });

  it("points at the line where the offending value is written", () => {
    const text = sampleText().replace("signedOn: 2022-01-27", "signedOn: 2022-13-01");
    const line = text.split("\n").findIndex((l) => l.includes("signedOn: 2022-13-01")) + 1;
    const [problem] = errorsOf(text);
    expect(problem?.line).toBe(line);
    expect(problem?.column).toBe(13);
  });

  it("catches unknown (misspelt) fields", () => {
    const text = sampleText().replace("  signedOn:", "  signedon:");
    expect(rulesOf(text)).toEqual(expect.arrayContaining(["unknown-field", "required"]));
  });

  it.each([
    ["date format", [["envelope", "signedOn"], "2022/01/27"], "date-format"],
    ["document number brackets", [["envelope", "docNumber"], "青政务[2022]3号"], "docno-format"],
    ["document number with 第", [["envelope", "docNumber"], "青政务〔2022〕第3号"], "docno-format"],
    ["path characters in the organ code", [["envelope", "docNumber", "code"], "../etc"], "docno-code"],
    ["document number padding", [["envelope", "docNumber"], "青政务〔2022〕03号"], "docno-format"],
    ["implausible year", [["content", "assessment", "year"], 202], "year-range"],
    ["zero serial", [["envelope", "docNumber", "serial"], 0], "docno-serial"],
    ["unknown publicity", [["envelope", "note", "publicity"], "公开"], "enum"],
    ["copy number digits", [["envelope", "copyNumber"], "12"], "copy-number"],
    ["XML-illegal character", [["content", "results", "closing"], "希望\u0007各单位"], "illegal-character"],
    ["bidi override", [["content", "baseline", "summary"], "abc\u202Edef"], "illegal-character"],
    ["lone surrogate", [["content", "baseline", "summary"], "abc\uD800def"], "illegal-character"],
    ["line break in a name", [["envelope", "colophon", "printer"], "青海省\n政务服务监督管理局"], "single-line"],
    ["empty awarded list", [["content", "results", "awarded"], []], "non-empty"],
    ["punctuation after attachment name", [["envelope", "attachments"], [{ title: "考核评分表。" }]], "attachment-punctuation"],
  ] as const)("rejects a bad %s", (_name, edit, rule) => {
    expect(rulesOf(sampleWith([edit as unknown as readonly [ReadonlyArray<string>, unknown]]))).toContain(rule);
  });

  type Edit = readonly [ReadonlyArray<string | number>, unknown];
  const crossRuleCases: ReadonlyArray<readonly [string, ReadonlyArray<Edit>, string]> = [
    ["period ends before it starts", [[["content", "assessment", "period", "end"], "2021-10-01"]], "period-order"],
    ["印发 before 成文", [[["envelope", "colophon", "printedOn"], "2022-01-26"]], "printed-after-signed"],
    ["signed before the period ends", [[["envelope", "signedOn"], "2021-12-01"], [["envelope", "colophon", "printedOn"], "2021-12-02"]], "signed-after-period"],
    ["assessment year after the document year", [[["content", "assessment", "year"], 2023]], "assessment-year"],
    ["duplicate awarded unit", [[["content", "results", "awarded"], ["甲中心", "甲中心"]]], "duplicate"],
    ["title ending with punctuation", [[["envelope", "title"], "关于考核情况的通报。"]], "title-punctuation"],
  ];
  it.each(crossRuleCases)("applies the cross-field rule: %s", (_name, edits, rule) => {
    expect(rulesOf(sampleWith(edits))).toContain(rule);
  });

  it("warns, without failing, when the number's year differs from the signing year", () => {
    const loaded = parseDocumentText(sampleWith([[["envelope", "docNumber", "year"], 2023]]), "x.yaml");
    expect(loaded.warnings.map((w) => w.rule)).toContain("docno-year");
  });

  it("accepts the document number written out", () => {
    const loaded = parseDocumentText(sampleWith([[["envelope", "docNumber"], "青政务〔2022〕3号"]]), "x.yaml");
    expect(loaded.document.envelope.docNumber).toBe("青政务〔2022〕3号");
  });
});

describe("files as clerks save them", () => {
  it("reads UTF-8 with a BOM and CRLF line ends", async () => {
    const text = `\uFEFF${sampleText().replace(/\n/g, "\r\n")}`;
    const loaded = await loadDocumentFile(writeTemp(text));
    expect(loaded.document.envelope.signedOn).toBe("2022-01-27");
  });

  it("names a .docx passed by mistake", async () => {
    const file = writeTemp(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]), "draft.docx");
    await expect(loadDocumentFile(file)).rejects.toThrow(/不是数据文件/);
  });

  it("reports a missing file with its path", async () => {
    await expect(loadDocumentFile("/nonexistent/x.yaml")).rejects.toThrow(/找不到文件.*\/nonexistent\/x.yaml|\/nonexistent\/x.yaml.*找不到文件/);
  });
});

describe("the environment while YAML is parsed", () => {
  it("is the real one again afterwards, also when parsing throws", () => {
    const env = process.env;
    parseDocumentText(sampleText(), "x.yaml");
    expect(() => parseDocumentText("kind: [\n", "bad.yaml")).toThrow(GongwenError);
    expect(() => withYamlEnv(() => { throw new Error("boom"); })).toThrow("boom");
    expect(process.env).toBe(env);
  });

  it("shows every variable meanwhile, and the parser's LOG_TOKENS switch still works", () => {
    const log = vi.spyOn(console, "log").mockImplementation(() => {});
    process.env.LOG_TOKENS = "1";
    try {
      expect(withYamlEnv(() => process.env.PATH)).toBe(process.env.PATH);
      parseDocumentText(sampleText(), "x.yaml");
      expect(log).toHaveBeenCalled();
    } finally {
      delete process.env.LOG_TOKENS;
      log.mockRestore();
    }
  });
});

describe("dates asked about more than once", () => {
  it("get the same answer each time, in the schema and in the cross rules", () => {
    const text = sampleWith([[["envelope", "signedOn"], "2022-02-30"], [["envelope", "colophon", "printedOn"], "2022-01-26"]]);
    const first = problemsOf(text);
    expect(first.map((d) => d.rule)).toEqual(expect.arrayContaining(["date-invalid"]));
    expect(first.map((d) => d.rule)).not.toContain("printed-after-signed");
    expect(problemsOf(text)).toEqual(first);
  });
});
