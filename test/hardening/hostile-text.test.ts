import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { loadDocumentFile, parseDocumentText } from "../../src/model/validate.js";
import { renderFile, renderLoaded } from "../../src/pipeline.js";
import { gongwen } from "../helpers/cli.js";
import { sampleText, sampleWith, writeTemp } from "../helpers/data.js";
import { diagnosticsOf, expectBilingual, summary } from "./hardening-helpers.js";

const parse = (text: string) => parseDocumentText(text, "hostile.yaml");
const ADDRESSEE = ["envelope", "addressees", 0];

describe("characters that must not reach a .docx", () => {
  it.each([
    ["a C0 control character", "各市州\u0001政务服务监管局", "U+0001"],
    ["a vertical tab", "各市州\u000B政务服务监管局", "U+000B"],
    ["U+FFFE", "各市州\uFFFE政务服务监管局", "U+FFFE"],
    ["a lone high surrogate", "各市州\uD800政务服务监管局", "U+D800"],
    ["a lone low surrogate", "各市州\uDC00政务服务监管局", "U+DC00"],
    ["a right-to-left override", "各市州\u202E局管监务服务政", "U+202E"],
    ["a left-to-right isolate", "各市州\u2066政务服务监管局\u2069", "U+2066"],
  ])("refuses %s and names its code point", (_name, value, codePoint) => {
    const diagnostics = diagnosticsOf(() => parse(sampleWith([[ADDRESSEE, value]])));
    expect(summary(diagnostics)).toEqual(["illegal-character @ envelope.addressees[0]"]);
    expect(diagnostics[0]?.zh).toContain(codePoint);
    expect(diagnostics[0]?.en).toContain(codePoint);
    expect(diagnostics[0]?.line).toBeGreaterThan(0);
    expectBilingual(diagnostics);
  });

  it("refuses them in paragraphs too, and through the CLI with the code point", () => {
    const text = sampleWith([[["content", "results", "closing"], "希望各单位\u202E再接再厉。"]]);
    expect(summary(diagnosticsOf(() => parse(text)))).toEqual(["illegal-character @ content.results.closing"]);
    const result = gongwen(["validate", writeTemp(text)]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("U+202E");
  });
});

describe("zero-width and other invisible characters", () => {
  const pasted = () =>
    sampleText()
      .replace("各市州政务服务监管局", "各市州\u200B政务服务\u200D监管局")
      .replace("printer: 青海省", "printer: 青\u2060海省")
      .replace("name: 青海省创建示范公共资源交易中心", "name: 青海省创建\uFEFF示范公共资源交易中心\u200C")
      .replace("# 文种", "# 文\u200B种");

  it("removes them and warns, naming the field and each code point (clerk-friendly: text pasted from the web)", async () => {
    const loaded = await loadDocumentFile(writeTemp(pasted()));
    const warnings = loaded.warnings.filter((w) => w.rule === "invisible-character");
    expect(warnings.map((w) => [(w.path ?? []).join("."), w.severity])).toEqual([
      ["envelope.addressees.0", "warning"],
      ["envelope.colophon.printer", "warning"],
      ["content.assessment.name", "warning"],
    ]);
    expect(warnings[0]?.zh).toBe("含不可见字符 U+200B（零宽空格）、U+200D（零宽连字），已删除");
    expect(warnings[2]?.en).toContain("U+FEFF");
    expect(warnings[2]?.en).toContain("U+200C");
    expect(warnings[0]?.line).toBe(42);
    expect(loaded.document.envelope.addressees?.[0]).toBe("各市州政务服务监管局");
    const xml = strFromU8(unzipSync((await renderLoaded(loaded)).bytes)["word/document.xml"] ?? new Uint8Array());
    expect(xml).not.toMatch(/[\u200B-\u200D\u2060\uFEFF]/u);
  });

  it("renders such a file through the CLI with the warning on stderr (and with -q, errors only, without it)", () => {
    const data = writeTemp(pasted());
    const result = gongwen(["render", data, "-o", `${writeTemp("", "x")}.docx`]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/envelope\.addressees\[0\] {2}警告 warning {2}含不可见字符 U\+200B/);
    const quiet = gongwen(["render", data, "-o", `${writeTemp("", "x")}.docx`, "-q"]);
    expect(quiet.status, quiet.stderr).toBe(0);
    expect(quiet.stderr).toBe("");
  });
});

describe("rare characters outside the BMP", () => {
  it("keep 𠀀 (U+20000) and 𪚥 (U+2A6A5) intact from data to the .docx XML and its text", async () => {
    const file = writeTemp(
      sampleWith([
        [["envelope", "addressees"], ["𠀀𪚥村民委员会", "各市州政务服务监管局"]],
        [["content", "results", "closing"], "希望𠀀𪚥村再接再厉，𠀀字为扩展B区首字。"],
      ]),
    );
    const { bytes } = await renderFile(file);
    const xml = strFromU8(unzipSync(bytes)["word/document.xml"] ?? new Uint8Array());
    expect(xml).toContain("𠀀𪚥村民委员会");
    expect(xml).toContain("希望𠀀𪚥村再接再厉，𠀀字为扩展B区首字。");
    // As real 4-byte UTF-8, not character references or replacement characters.
    expect(Buffer.from(unzipSync(bytes)["word/document.xml"] ?? []).includes(Buffer.from("𠀀", "utf8"))).toBe(true);
    expect(xml).not.toContain("\uFFFD");
  });
});

describe("dates", () => {
  it.each([
    ["2022-02-30", "date-invalid"],
    ["2021-02-29", "date-invalid"],
    ["2022-13-01", "date-invalid"],
    ["2022-1-27", "date-format"],
    ["2022年1月27日", "date-format"],
  ])("refuses %s as a 成文日期 (%s)", (value, rule) => {
    expect(summary(diagnosticsOf(() => parse(sampleWith([[["envelope", "signedOn"], value]]))))).toContain(`${rule} @ envelope.signedOn`);
  });

  it("accepts 2024-02-29, a real leap day", () => {
    const text = sampleWith([
      [["envelope", "signedOn"], "2024-02-29"],
      [["envelope", "colophon", "printedOn"], "2024-03-01"],
      [["envelope", "docNumber", "year"], 2024],
    ]);
    expect(parse(text).document.envelope.signedOn).toBe("2024-02-29");
  });

  it("refuses a reversed assessment period and a 印发日期 before the 成文日期, at their fields", () => {
    const text = sampleWith([
      [["content", "assessment", "period"], { start: "2021-12-17", end: "2021-10-18" }],
      [["envelope", "colophon", "printedOn"], "2022-01-20"],
    ]);
    const diagnostics = diagnosticsOf(() => parse(text));
    expect(summary(diagnostics)).toEqual(expect.arrayContaining(["period-order @ content.assessment.period.end", "printed-after-signed @ envelope.colophon.printedOn"]));
    const result = gongwen(["render", writeTemp(text)]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("印发日期早于成文日期");
    expect(result.stderr).toContain("考核结束日期早于开始日期");
  });
});
