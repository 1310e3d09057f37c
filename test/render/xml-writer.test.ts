import { strFromU8, unzipSync } from "fflate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { composeCircular } from "../../src/compose/compose.js";
import { FONT_PROFILES } from "../../src/layout/fonts.js";
import { loadDocumentFile, parseDocumentText } from "../../src/model/validate.js";
import { renderFile } from "../../src/pipeline.js";
import { renderDocx, type DocxWriter } from "../../src/render/docx/index.js";
import { escapeXml } from "../../src/render/docx/xml-writer.js";
import { circularArbitrary } from "../helpers/arbitrary.js";
import { SAMPLE } from "../helpers/paths.js";
import { layoutVariants } from "../helpers/variants.js";

/**
 * The direct XML writer must write what the `docx` library writes for the same document, byte for
 * byte: the library is the reference, the direct writer only makes it fast.
 */

type Document = ReturnType<typeof composeCircular>;

async function both(document: Document, fonts = FONT_PROFILES.default) {
  const render = (writer: DocxWriter) => renderDocx(document, { fonts }, writer).then((result) => result.bytes);
  return { direct: await render("direct"), library: await render("library") };
}

/** Part by part first, so a difference shows as a readable XML diff rather than two byte arrays. */
function expectSamePackage(direct: Uint8Array, library: Uint8Array): void {
  const a = unzipSync(direct);
  const b = unzipSync(library);
  expect(Object.keys(a)).toEqual(Object.keys(b));
  for (const name of Object.keys(b)) expect(strFromU8(a[name]!), name).toBe(strFromU8(b[name]!));
  expect(Buffer.from(direct).equals(Buffer.from(library))).toBe(true);
}

const composed = async (file: string) => composeCircular((await loadDocumentFile(file)).document);

describe("direct XML writer against the docx library", () => {
  it("writes the sample circular exactly as the library does, in both font profiles", async () => {
    const document = await composed(SAMPLE);
    for (const fonts of [FONT_PROFILES.default, FONT_PROFILES.gbk, FONT_PROFILES.default]) {
      const { direct, library } = await both(document, fonts);
      expectSamePackage(direct, library);
    }
  });

  it("writes every layout variant exactly as the library does (joint mark table, blank page section, attachments, markers, notes)", async () => {
    for (const variant of layoutVariants().filter((v) => v.name !== "seal-image")) {
      const { direct, library } = await both(await composed(variant.file));
      expectSamePackage(direct, library);
    }
  });

  it("leaves a document with a seal image to the library (drawings are its job)", async () => {
    const variant = layoutVariants().find((v) => v.name === "seal-image")!;
    const result = await renderFile(variant.file);
    expect(strFromU8(unzipSync(result.bytes)["word/document.xml"]!)).toContain("<wp:anchor");
  });

  it("writes random valid circulars exactly as the library does (property)", async () => {
    await fc.assert(
      fc.asyncProperty(circularArbitrary, async (input) => {
        const document = composeCircular(parseDocumentText(stringify(input, { lineWidth: 0 }), "property.yaml").document);
        const { direct, library } = await both(document);
        expectSamePackage(direct, library);
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 60), seed: Number(process.env.FC_SEED ?? 20261126), endOnFailure: true },
    );
  });

  it("escapes text as the library does: markup characters as entities, controls XML cannot hold dropped", () => {
    expect(escapeXml(`a&b<c>d"e'f`)).toBe("a&amp;b&lt;c&gt;d&quot;e&apos;f");
    expect(escapeXml("x\u0001y\u000bz\ttab\nnl")).toBe("xyz\ttab\nnl");
    expect(escapeXml("𠀀青海")).toBe("𠀀青海");
  });
});
