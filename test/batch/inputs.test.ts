import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { expandInputs } from "../../src/batch/inputs.js";
import { tempDir } from "../helpers/data.js";

describe("batch inputs", () => {
  it("takes files as given and scans folders (and sub-folders) for .yaml/.yml, sorted, hidden entries skipped", async () => {
    const dir = tempDir();
    mkdirSync(join(dir, "2022"));
    mkdirSync(join(dir, ".git"));
    for (const name of ["b.yaml", "a.YML", "notes.txt", "2022/c.yaml", ".git/x.yaml", ".hidden.yaml"]) writeFileSync(join(dir, name), "x");
    const extra = join(tempDir(), "single.yaml");
    writeFileSync(extra, "x");
    const { files, problems, isBatch } = await expandInputs([dir, extra]);
    expect(files).toEqual([join(dir, "2022", "c.yaml"), join(dir, "a.YML"), join(dir, "b.yaml"), extra].sort());
    expect(problems).toEqual([]);
    expect(isBatch).toBe(true);
  });

  it("lists each real file once, however it is reached", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, "a.yaml"), "x");
    symlinkSync(join(dir, "a.yaml"), join(dir, "link.yaml"));
    const { files } = await expandInputs([join(dir, "a.yaml"), dir]);
    expect(files).toEqual([join(dir, "a.yaml")]);
  });

  it("reports a missing input and an empty folder, and goes on with the rest", async () => {
    const dir = tempDir();
    const empty = tempDir();
    writeFileSync(join(dir, "a.yaml"), "x");
    const { files, problems } = await expandInputs([join(dir, "missing.yaml"), empty, join(dir, "a.yaml")]);
    expect(files).toEqual([join(dir, "a.yaml")]);
    expect(problems.map((p) => [p.rule, p.severity])).toEqual([
      ["read", "error"],
      ["no-input", "warning"],
    ]);
    expect(problems[0]?.zh).toBe("找不到文件或文件夹");
  });

  it("is a single render for one file", async () => {
    const file = join(tempDir(), "a.yaml");
    writeFileSync(file, "x");
    expect((await expandInputs([file])).isBatch).toBe(false);
  });
});
