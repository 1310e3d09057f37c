import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { docxSpeedupState, installDocxSpeedups, uninstallDocxSpeedups } from "../../src/render/docx/docx-speedups.js";
import { renderFile } from "../../src/pipeline.js";
import { SAMPLE } from "../helpers/paths.js";
import { layoutVariants } from "../helpers/variants.js";

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("faster docx internals", () => {
  it("are active with the docx version in the lock file (an upgrade that changes them turns them off: re-check then)", async () => {
    await renderFile(SAMPLE); // the renderer installs them on load
    expect(docxSpeedupState()).toEqual({ xmlComponent: true, nextAttributes: true });
  });

  it("write byte-identical documents to the library's own methods, for the sample and every layout variant", async () => {
    const files = [SAMPLE, ...layoutVariants().map((v) => v.file)];
    const fast: string[] = [];
    for (const file of files) fast.push(sha((await renderFile(file)).bytes), sha((await renderFile(file, { fonts: "gbk" })).bytes));
    uninstallDocxSpeedups();
    try {
      const slow: string[] = [];
      for (const file of files) slow.push(sha((await renderFile(file)).bytes), sha((await renderFile(file, { fonts: "gbk" })).bytes));
      expect(fast).toEqual(slow);
    } finally {
      installDocxSpeedups();
    }
  });
});
