import { strFromU8, unzipSync } from "fflate";
import fc from "fast-check";
import { SaxesParser } from "saxes";
import { describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { circularArbitrary as circular } from "../helpers/arbitrary.js";
import { parseDocumentText, validateData } from "../../src/model/validate.js";
import { renderLoaded } from "../../src/pipeline.js";
import { renderText } from "../../src/render/text.js";
import { docxToPlainText } from "../../src/review/docx-text.js";

/**
 * Random valid circulars (Chinese and ASCII text within the schema's rules, lists of points, dates in
 * order) must give a .docx whose every part is well-formed XML and whose text is exactly the text of
 * the block tree.
 */

/** Throws on the first XML well-formedness or namespace error. */
function parseStrict(xml: string, part: string): void {
  const parser = new SaxesParser({ xmlns: true, position: true });
  parser.on("error", (error) => {
    throw new Error(`${part}: ${error.message}`);
  });
  parser.write(xml).close();
}

describe("random valid circulars (property)", () => {
  it("validate, render to well-formed XML in every part, and read back exactly the text they were made from", async () => {
    await fc.assert(
      fc.asyncProperty(circular, async (input) => {
        const { diagnostics } = validateData(input);
        const errors = diagnostics.filter((d) => d.severity !== "warning");
        expect(errors, JSON.stringify(errors)).toEqual([]);
        // Through YAML text, as a clerk's file would come.
        const result = await renderLoaded(parseDocumentText(stringify(input, { lineWidth: 0 }), "property.yaml"));
        const parts = unzipSync(result.bytes);
        for (const [name, data] of Object.entries(parts)) if (/\.(xml|rels)$/.test(name)) parseStrict(strFromU8(data), name);
        const fromDocx = docxToPlainText(result.bytes, { dropEmptyLines: true });
        expect(fromDocx).toBe(renderText(result.sections));
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 40), seed: Number(process.env.FC_SEED ?? 20260601) },
    );
  });
});
