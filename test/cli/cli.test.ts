import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { CircularDocument } from "../../src/kinds/assessment-circular/schema.js";
import { parseDocumentText } from "../../src/model/validate.js";
import { gongwen } from "../helpers/cli.js";
import { sampleText, sampleWith, tempDir } from "../helpers/data.js";
import { ROOT, SAMPLE } from "../helpers/paths.js";

describe("gongwen render", () => {
  it("renders the built-in sample into output/ when given no file", () => {
    const cwd = tempDir();
    const result = gongwen(["render"], { cwd });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain("已生成 / written:");
    const written = join(cwd, "output", "青政务〔2022〕3号.docx");
    expect(readFileSync(written).subarray(0, 2).toString("latin1")).toBe("PK");
    expect(readdirSync(join(cwd, "output"))).toEqual(["青政务〔2022〕3号.docx"]);
  });

  it("warns about the sample's title break, and with -q (errors only) prints nothing and writes the same bytes", () => {
    const dir = tempDir();
    const shown = gongwen(["render", "-o", join(dir, "a.docx")]);
    const quiet = gongwen(["render", "-o", join(dir, "b.docx"), "-q"]);
    expect([shown.status, quiet.status]).toEqual([0, 0]);
    expect(shown.stderr).toMatch(/envelope\.title\[1\] {2}警告 warning .*\[title-word-split\]/);
    expect(quiet.stderr + quiet.stdout).toBe("");
    expect(readFileSync(join(dir, "b.docx")).equals(readFileSync(join(dir, "a.docx")))).toBe(true);
  });

  it("writes where -o says, with another font profile", () => {
    const target = join(tempDir(), "draft.docx");
    const result = gongwen(["render", SAMPLE, "-o", target, "--fonts", "gbk", "-q"]);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toBe("");
    expect(existsSync(target)).toBe(true);
  });

  it("lists every problem of a bad file, with file:line, and writes nothing", () => {
    const cwd = tempDir();
    const bad = join(cwd, "bad.yaml");
    writeFileSync(bad, sampleWith([[["envelope", "signedOn"], "2022-02-30"], [["envelope", "docNumber"], "青政务[2022]3号"], [["content", "results", "awarded"], []]]));
    const result = gongwen(["render", bad], { cwd });
    expect(result.status).toBe(1);
    const lines = result.stderr.split("\n");
    expect(lines.filter((l) => /^.*bad\.yaml:\d+:\d+ {2}\S+ {2}错误 error/.test(l)).length).toBeGreaterThanOrEqual(3);
    expect(result.stderr).toContain("envelope.signedOn");
    expect(result.stderr).toContain("content.results.awarded");
    expect(result.stderr).toMatch(/未生成任何文件 \/ .* nothing was written/);
    expect(existsSync(join(cwd, "output"))).toBe(false);
  });

  it("keeps an existing output intact when a later render fails", () => {
    const cwd = tempDir();
    const target = join(cwd, "out.docx");
    expect(gongwen(["render", SAMPLE, "-o", target], { cwd }).status).toBe(0);
    const before = readFileSync(target);
    const bad = join(cwd, "bad.yaml");
    writeFileSync(bad, "kind: assessment-circular\nenvelope: [\n");
    expect(gongwen(["render", bad, "-o", target], { cwd }).status).toBe(1);
    expect(Buffer.compare(readFileSync(target), before)).toBe(0);
    expect(readdirSync(cwd).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("still writes the .docx with --pdf when LibreOffice is missing, and says the layout was not verified", () => {
    const cwd = tempDir();
    const result = gongwen(["render", SAMPLE, "--pdf"], { cwd, env: { PATH: "/nonexistent" } });
    expect(result.status).toBe(3);
    expect(existsSync(join(cwd, "output", "青政务〔2022〕3号.docx"))).toBe(true);
    expect(existsSync(join(cwd, "output", "青政务〔2022〕3号.pdf"))).toBe(false);
    expect(result.stderr).toContain("版记偶数页规则未经核验");
    expect(result.stderr).toContain("not verified");
  });

  it("uses a template folder given with --templates", () => {
    const dir = tempDir();
    writeFileSync(join(dir, "body.hbs"), "# 总体情况\n全省共考核{{assessment.subjects}}。\n");
    const target = join(dir, "out.docx");
    const result = gongwen(["render", SAMPLE, "-t", dir, "-o", target, "-q"]);
    expect(result.status, result.stderr).toBe(0);
    const text = gongwen(["text", target]).stdout;
    expect(text).toContain("一、总体情况\n全省共考核全省8个公共资源交易中心。");
  });
});

describe("gongwen validate", () => {
  it("passes the sample and reports each bad file, exiting 1", () => {
    const bad = join(tempDir(), "bad.yaml");
    writeFileSync(bad, sampleWith([[["envelope", "docNumber"], "青政务〔2022〕第3号"]]));
    const result = gongwen(["validate", SAMPLE, bad]);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain("qingzhengwu-2022-3.yaml: 通过 / valid");
    expect(result.stderr).toMatch(/bad\.yaml:\d+:\d+ {2}envelope\.docNumber/);
    expect(result.stderr).toContain("[docno-format]");
  });

  it("warns about hand-made title lines that split a name, pointing at the line", () => {
    const file = join(tempDir(), "title.yaml");
    writeFileSync(file, sampleWith([[["envelope", "title"], ["青海省政务服务监督管理局关于2021年度“青海省创建示范公共资源交易中心”考核情况通报", "短"]]]));
    const result = gongwen(["validate", file]);
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/title\.yaml:\d+:\d+ {2}envelope\.title\[0\] {2}警告 warning {2}标题这一行超出版心宽度/);
    expect(result.stderr).toContain("[title-stray-char]");
  });
});

describe("gongwen new", () => {
  it("makes next year's draft from this year's file, keeping comments and content", () => {
    const target = join(tempDir(), "2023.yaml");
    const result = gongwen(["new", "--from", SAMPLE, "-o", target]);
    expect(result.status, result.stderr).toBe(0);
    const text = readFileSync(target, "utf8");
    expect(text).toContain("# 发文字号：机关代字、年份、顺序号");
    const document = parseDocumentText(text, target).document as CircularDocument;
    expect(document.envelope.docNumber).toEqual({ code: "青政务", year: 2023, serial: 4 });
    expect(document.envelope.signedOn).toBe("2023-01-27");
    expect(document.envelope.colophon.printedOn).toBe("2023-01-29");
    expect(document.content.assessment.year).toBe(2022);
    expect(document.content.assessment.period).toEqual({ start: "2022-10-18", end: "2022-12-17" });
    expect(document.envelope.title).toContain("关于2022年度“青海省创建示范公共资源");
    expect(document.content.results.closing).toBe((parseDocumentText(sampleText(), "s").document as CircularDocument).content.results.closing);
  });

  it("starts from the sample, and refuses to overwrite without --force", () => {
    const target = join(tempDir(), "new.yaml");
    expect(gongwen(["new", "-o", target]).status).toBe(0);
    expect(readFileSync(target, "utf8")).toBe(sampleText());
    const again = gongwen(["new", "-o", target]);
    expect(again.status).not.toBe(0);
    expect(again.stderr).toContain("--force");
  });
});

describe("gongwen schema", () => {
  it("prints the model as JSON Schema, the same as the file data files reference", () => {
    const result = gongwen(["schema", "--kind", "assessment-circular"]);
    expect(result.status).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.$schema).toMatch(/json-schema\.org/);
    expect(schema.properties.envelope.properties.docNumber).toBeDefined();
    expect(readFileSync(join(ROOT, "data", "circular.schema.json"), "utf8")).toBe(result.stdout);
    expect(sampleText().split("\n")[0]).toBe("# yaml-language-server: $schema=./circular.schema.json");
  });

  it("prints every kind's format by default, one branch per kind", () => {
    const result = gongwen(["schema"]);
    expect(result.status).toBe(0);
    const schema = JSON.parse(result.stdout);
    expect(schema.oneOf.map((branch: { properties: { kind: { const: string } } }) => branch.properties.kind.const)).toEqual(["assessment-circular", "general"]);
    expect(readFileSync(join(ROOT, "data", "gongwen.schema.json"), "utf8")).toBe(result.stdout);
    expect(gongwen(["schema", "--kind", "nonsense"]).status).toBe(64);
  });
});

describe("gongwen text", () => {
  it("prints the same lines for a data file and for its rendered .docx", () => {
    const target = join(tempDir(), "out.docx");
    gongwen(["render", SAMPLE, "-o", target, "-q"]);
    const fromData = gongwen(["text", SAMPLE]);
    const fromDocx = gongwen(["text", target]);
    expect(fromData.status).toBe(0);
    expect(fromDocx.stdout).toBe(fromData.stdout);
    expect(fromData.stdout.split("\n").slice(0, 2)).toEqual(["青海省政务服务监督管理局文件", "青政务〔2022〕3号"]);
  });
});

describe("help", () => {
  it("speaks Chinese first, English beside", () => {
    const result = gongwen(["--help"]);
    expect(result.stdout).toMatch(/render \[options\] \[data\]\s+生成 \.docx/);
    expect(result.stdout).toContain("/ render a .docx");
  });
});
