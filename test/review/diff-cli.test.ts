import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compareDrafts } from "../../src/review/compare.js";
import { JSON_FORMAT } from "../../src/review/format-json.js";
import { formatTerminal } from "../../src/review/format-terminal.js";
import { readDraft } from "../../src/review/paragraphs.js";
import { SAMPLE } from "../helpers/paths.js";
import { cli, ensureBuilt } from "./helpers/cli.js";
import { secondAndThirdDrafts, type DraftFiles } from "./helpers/drafts.js";

let dir: string;
let second: DraftFiles;
let third: DraftFiles;
beforeAll(async () => {
  ensureBuilt();
  ({ dir, second, third } = await secondAndThirdDrafts());
}, 240_000);

const ANSI = /\x1b\[/;

describe("gongwen diff: exit status like diff(1)", () => {
  it("exits 0 and prints nothing on stdout for identical drafts, also data file vs its own .docx", () => {
    for (const [a, b] of [[second.yaml, SAMPLE], [second.yaml, second.docx], [second.docx, second.yaml]]) {
      const result = cli(["diff", a!, b!]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toBe("");
      expect(result.stderr).toContain("两稿相同 / the drafts are identical");
    }
  });

  it("exits 1 for different drafts: data vs data, docx vs docx, data vs docx", () => {
    for (const [a, b] of [[second.yaml, third.yaml], [second.docx, third.docx], [second.yaml, third.docx], [second.docx, third.yaml]]) {
      const result = cli(["diff", a!, b!]);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stdout).toContain("青政务〔2022〕[-3-]{+4+}号");
    }
  });

  it("prints the field summary only when both sides are data files", () => {
    expect(cli(["diff", second.yaml, third.yaml]).stdout).toMatch(/^字段变化 field changes \(8\)\n {2}envelope\.docNumber: 青政务〔2022〕3号 → 青政务〔2022〕4号\n/);
    expect(cli(["diff", second.yaml, third.docx]).stdout).toMatch(/^正文变化 text changes/);
  });

  it("exits 2 or more on trouble, never 1", () => {
    const bad = join(dir, "bad.yaml");
    writeFileSync(bad, "kind: assessment-circular\nenvelope: [\n");
    const invalid = cli(["diff", bad, second.yaml]);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain("bad.yaml");
    const pdf = join(dir, "scan.pdf");
    writeFileSync(pdf, "%PDF-1.7\n");
    expect(cli(["diff", second.docx, pdf]).status).toBe(2);
    const notDocx = join(dir, "old.doc");
    writeFileSync(notDocx, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]));
    const legacy = cli(["diff", notDocx, second.docx]);
    expect(legacy.status).toBe(2);
    expect(legacy.stderr).toContain("Word 97-2003");
    expect(cli(["diff", join(dir, "missing.yaml"), second.yaml]).status).toBe(66);
    expect(cli(["diff", second.yaml]).status).toBe(64);
    expect(cli(["diff", second.yaml, third.yaml, "--redline", join(dir, "r.docx"), "--date", "28 Jan"]).status).toBe(64);
    expect(cli(["diff", second.yaml, third.docx, "--redline", third.docx]).status).toBe(64);
  });
});

describe("gongwen diff output", () => {
  it("has no colour escapes when piped, even without NO_COLOR", () => {
    const result = cli(["diff", second.yaml, third.yaml], { env: { NO_COLOR: "" } });
    expect(result.status).toBe(1);
    expect(result.stdout).not.toMatch(ANSI);
    expect(result.stdout).toContain("[-");
    expect(result.stdout).toContain("{+");
  });

  it("colours deletions red and insertions green when asked (as on a terminal)", async () => {
    const comparison = compareDrafts(await readDraft(second.yaml), await readDraft(third.yaml));
    const coloured = formatTerminal(comparison, { color: true });
    expect(coloured).toContain("\x1b[31m[-3-]\x1b[0m");
    expect(coloured).toContain("\x1b[32m{+4+}\x1b[0m");
    expect(coloured.replace(/\x1b\[\d+m/g, "")).toBe(formatTerminal(comparison));
  });

  it("gives --json in the documented shape", () => {
    const result = cli(["diff", second.yaml, third.yaml, "--json"]);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout) as Record<string, any>;
    expect(Object.keys(json)).toEqual(["format", "identical", "old", "new", "counts", "fields", "paragraphs"]);
    expect(json.format).toBe(JSON_FORMAT);
    expect(json.identical).toBe(false);
    expect(json.old).toEqual({ file: second.yaml, kind: "data", lines: 32 });
    expect(json.counts).toEqual({ equal: 23, changed: 7, inserted: 1, deleted: 1, moved: 1 });
    expect(json.fields).toContainEqual({
      change: "changed",
      path: "envelope.signedOn",
      pathSegments: ["envelope", "signedOn"],
      old: "2022-01-27",
      new: "2022-01-28",
    });
    expect(json.fields).toContainEqual(expect.objectContaining({ change: "moved", path: "content.baseline.points[1]", from: 3 }));
    expect(json.paragraphs[0]).toEqual({
      change: "changed",
      old: { line: 2, text: "青政务〔2022〕3号" },
      new: { line: 2, text: "青政务〔2022〕4号" },
      similarity: expect.any(Number),
      segments: [
        { op: "equal", text: "青政务〔2022〕" },
        { op: "delete", text: "3" },
        { op: "insert", text: "4" },
        { op: "equal", text: "号" },
      ],
    });
    const kinds = new Set(json.paragraphs.map((p: { change: string }) => p.change));
    expect(kinds).toEqual(new Set(["changed", "inserted", "deleted", "moved"]));
    for (const p of json.paragraphs) {
      if (p.segments) {
        const spell = (skip: string) => p.segments.filter((s: { op: string }) => s.op !== skip).map((s: { text: string }) => s.text).join("");
        if (p.segments.length > 0) {
          expect(spell("insert")).toBe(p.old.text);
          expect(spell("delete")).toBe(p.new.text);
        }
      }
    }
  });

  it("gives --json for identical drafts and docx pairs too (fields null), with the redline named", () => {
    const same = JSON.parse(cli(["diff", second.yaml, second.docx, "--json"]).stdout);
    expect(same).toMatchObject({ identical: true, fields: null, paragraphs: [] });
    const redline = join(dir, "json-redline.docx");
    const result = cli(["diff", second.docx, third.docx, "--json", "--redline", redline]);
    expect(JSON.parse(result.stdout)).toMatchObject({ identical: false, fields: null, redline });
    expect(existsSync(redline)).toBe(true);
    expect(result.stderr).toContain(`已生成修订稿 / redline written: ${redline} (修改 changed 7 · 新增 inserted 1 · 删除 deleted 1 · 移动 moved 1)`);
  });
});

describe("gongwen text", () => {
  it("prints the same lines for a data file and its .docx, one paragraph per line, no blank lines", () => {
    const data = cli(["text", second.yaml]);
    const docx = cli(["text", second.docx]);
    expect(data.status).toBe(0);
    expect(docx.stdout).toBe(data.stdout);
    const lines = data.stdout.split("\n");
    expect(lines.at(-1)).toBe("");
    expect(lines.slice(0, -1).every((l) => l.trim() !== "")).toBe(true);
    expect(lines[1]).toBe("青政务〔2022〕3号");
    expect(data.stdout).toContain("\t青海省政务服务监督管理局\t2022年1月29日印发\n");
  });

  it("tells the kind by content, not by name (git textconv passes temporary files)", () => {
    const renamed = join(dir, "draft-without-extension");
    writeFileSync(renamed, readFileSync(second.docx));
    expect(cli(["text", renamed]).stdout).toBe(cli(["text", second.yaml]).stdout);
  });

  it("fails with a clear message for files it cannot read", () => {
    const missing = cli(["text", join(dir, "nope.docx")]);
    expect(missing.status).toBe(66);
    expect(missing.stderr).toContain("找不到文件");
  });
});
