import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { verifyBatchPdfs } from "../../src/batch/pdf-batch.js";
import { createPool } from "../../src/batch/pool.js";
import { renderBatch } from "../../src/batch/render-batch.js";
import { runTask } from "../../src/batch/task.js";
import { gongwen } from "../helpers/cli.js";
import { tempDir } from "../helpers/data.js";
import { NEEDS_LIBREOFFICE, skipLibreOffice } from "../pdf/requires-libreoffice.js";
import { circularFolder } from "./batch-data.js";

describe.skipIf(skipLibreOffice)(`render --pdf for a batch ${NEEDS_LIBREOFFICE}`, () => {
  it("converts the whole batch in one LibreOffice run, then re-renders and re-converts only the document whose 版记 landed wrong", async () => {
    const data = circularFolder(3);
    const outDir = join(tempDir(), "out");
    const files = readdirSync(data).map((name) => join(data, name));
    const pool = createPool(0);
    const { rendered } = await renderBatch(files, { outDir, pool, wantColophon: true });
    // Spoil the second one: the 版记 straight after the text, wherever that ends.
    const wrong = { placement: "same-page", fillerLines: 0 } as const;
    const spoiled = await runTask({ id: 1, file: files[1] ?? "", outDir, target: rendered[1]?.target, colophonPlacement: wrong, wantColophon: true }, async () => ({ granted: true }));
    if (!spoiled.ok || !rendered[1]) throw new Error("could not spoil");
    rendered[1].plan = spoiled.plan;

    const outcome = await verifyBatchPdfs(rendered, { pool, outDir });
    expect(outcome.failures).toEqual([]);
    expect(outcome.sofficeRuns).toBe(2);
    expect(outcome.items.map((item) => [item.verified, item.passes])).toEqual([
      [true, 1],
      [true, 2],
      [true, 1],
    ]);
    for (const item of outcome.items) expect(existsSync(item.pdf)).toBe(true);
  });

  it("writes each PDF beside its .docx through the CLI, with one LibreOffice start for the batch", () => {
    const data = circularFolder(2);
    const out = join(tempDir(), "out");
    const result = gongwen(["render", data, "-o", out, "--pdf"]);
    expect(result.status, result.stderr).toBe(0);
    expect(readdirSync(out).sort()).toEqual(["青政务〔2022〕1号.docx", "青政务〔2022〕1号.pdf", "青政务〔2022〕2号.docx", "青政务〔2022〕2号.pdf"]);
    expect(result.stdout).toContain("PDF：已生成 2 份，排版核验通过 2 份");
    expect(result.stdout).toContain("LibreOffice 启动 1 次");
  });
});
