import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATE_DIR } from "../../src/compose/templates.js";
import { renderFile } from "../../src/pipeline.js";
import { gongwen } from "../helpers/cli.js";
import { tempDir } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";
import { circularFolder } from "../batch/batch-data.js";
import { diagnosticsOfAsync } from "./hardening-helpers.js";

const shipped = () => readFileSync(join(DEFAULT_TEMPLATE_DIR, "circular", "body.hbs"), "utf8");

/** A template folder of the user's own, with the shipped body edited. */
function templateFolder(edit: (body: string) => string): string {
  const dir = tempDir("gongwen-templates-");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "body.hbs"), edit(shipped()));
  return dir;
}

describe("a template folder with a broken template", () => {
  it("names the file and line of a syntax error", async () => {
    // Line 20 of the edited file: an {{#each}} that is never closed.
    const dir = templateFolder((body) => {
      const lines = body.split("\n");
      lines.splice(19, 0, "{{#each baseline.points}}未闭合的循环");
      return lines.join("\n");
    });
    const diagnostics = await diagnosticsOfAsync(() => renderFile(SAMPLE, { templateDir: dir }));
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.file).toBe(join(dir, "body.hbs"));
    expect(diagnostics[0]?.rule).toBe("template");
    expect(diagnostics[0]?.line).toBeGreaterThanOrEqual(20);
    expect(diagnostics[0]?.zh).toBe("模板有错误，无法套用");
  });

  it("names a field the data does not have", async () => {
    const dir = templateFolder((body) => body.replace("{{baseline.summary}}", "{{baseline.sumary}}"));
    const diagnostics = await diagnosticsOfAsync(() => renderFile(SAMPLE, { templateDir: dir }));
    expect(diagnostics[0]?.zh).toBe("模板引用了数据中不存在的字段“sumary”");
    expect(diagnostics[0]?.en).toContain('"sumary"');
    expect(diagnostics[0]?.file).toBe(join(dir, "body.hbs"));
  });

  it("says where the template was looked for when the folder has none", async () => {
    const diagnostics = await diagnosticsOfAsync(() => renderFile(SAMPLE, { templateDir: tempDir() }));
    expect(diagnostics[0]?.rule).toBe("template-missing");
    expect(diagnostics[0]?.zh).toContain("body.hbs");
  });

  it("reports through the CLI with file:line, exit 1, and fails each file of a batch without stopping it", () => {
    const dir = templateFolder((body) => `${body}\n{{#if}}\n`);
    const single = gongwen(["render", SAMPLE, "-t", dir, "-o", join(tempDir(), "x.docx")]);
    expect(single.status).toBe(1);
    expect(single.stderr).toMatch(/body\.hbs:\d+ {2}错误 error {2}模板有错误/);
    const out = join(tempDir(), "out");
    const batch = gongwen(["render", circularFolder(3), "-t", dir, "-o", out]);
    expect(batch.status).toBe(1);
    expect(batch.stderr).toContain("失败 / failed (3):");
    expect(batch.stderr.match(/body\.hbs:\d+ {2}错误 error/g)).toHaveLength(3);
  });
});
