import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { docxSpeedupState, installDocxSpeedups, uninstallDocxSpeedups } from "../../src/render/docx/docx-speedups.js";
import { composeCircular } from "../../src/compose/compose.js";
import { FONT_PROFILES } from "../../src/layout/fonts.js";
import { loadDocumentFile } from "../../src/model/validate.js";
import { renderFile } from "../../src/pipeline.js";
import { renderDocx } from "../../src/render/docx/index.js";
import { clearShells } from "../../src/render/docx/shell.js";
import { SAMPLE } from "../helpers/paths.js";
import { layoutVariants } from "../helpers/variants.js";

const sha = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe("faster docx internals", () => {
  it("are active with the docx version in the lock file (an upgrade that changes them turns them off: re-check then)", async () => {
    await import("../../src/render/docx/document.js"); // installed when the library is loaded
    expect(docxSpeedupState()).toEqual({ xmlComponent: true, nextAttributes: true });
  });

  it("write byte-identical documents to the library's own methods, for the sample and every layout variant", async () => {
    const variants = layoutVariants();
    const documents = await Promise.all([SAMPLE, ...variants.map((v) => v.file)].map(async (file) => composeCircular((await loadDocumentFile(file)).document)));
    const seal = variants.find((v) => v.name === "seal-image")!.file;
    // Through the library writer, shells made afresh each time: everything the speed-ups touch.
    const render = async () => {
      const hashes: string[] = [];
      for (const document of documents) {
        for (const fonts of [FONT_PROFILES.default, FONT_PROFILES.gbk]) {
          clearShells();
          hashes.push(sha((await renderDocx(document, { fonts }, "library")).bytes), sha((await renderDocx(document, { fonts })).bytes));
        }
      }
      hashes.push(sha((await renderFile(seal)).bytes));
      return hashes;
    };
    const fast = await render();
    uninstallDocxSpeedups();
    try {
      expect(fast).toEqual(await render());
    } finally {
      installDocxSpeedups();
    }
  });
});
