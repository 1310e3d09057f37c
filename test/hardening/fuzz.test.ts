import fc from "fast-check";
import { describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript shared with bench/fuzz.js
import { dataInputs, docxInputs, draftInputs, unexpectedFailure } from "../../bench/lib/fuzz-cases.js";
import { checkDocx } from "../../src/check/check-docx.js";
import { readDraft } from "../../src/draft/read-draft.js";
import { importDraft } from "../../src/import/to-data.js";
import { isGongwenError } from "../../src/errors.js";
import { decodeDataFile, isDiagnostic } from "../../src/load/decode.js";
import { parseDocumentText } from "../../src/model/validate.js";
import { renderFile } from "../../src/pipeline.js";
import { buildRedline } from "../../src/review/redline.js";
import { docxToPlainText } from "../../src/review/docx-text.js";
import { sampleText } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";

/**
 * Property runs with fixed seeds (FC_SEED and FC_RUNS override them; bench/fuzz.js runs longer): every
 * mutated data file and .docx is read or refused with a GongwenError — no other exception, no hang
 * (the test's time limit), whatever the bytes.
 */
const seed = Number(process.env.FC_SEED ?? 20261205);
const numRuns = Number(process.env.FC_RUNS ?? 150);

function readData(bytes: Uint8Array): void {
  const decoded = decodeDataFile(bytes, "fuzz.yaml");
  if (!isDiagnostic(decoded)) parseDocumentText(decoded.text, "fuzz.yaml");
}

describe("fuzz (fast-check, fixed seeds)", () => {
  it("data files: read or refused with a message, never a crash", () => {
    fc.assert(
      fc.property(dataInputs(fc, sampleText()), (bytes: Uint8Array) => {
        expect(unexpectedFailure(readData, bytes, isGongwenError)).toBeUndefined();
      }),
      { seed, numRuns },
    );
  });

  it("drafts of 公文 lines in any order: import and check (from the XML) answer or refuse with a message, never a crash", async () => {
    const docx = (await renderFile(SAMPLE)).bytes;
    await fc.assert(
      fc.asyncProperty(draftInputs(fc, docx), async (bytes: Uint8Array) => {
        expect(unexpectedFailure((input: Uint8Array) => importDraft(readDraft(input, "fuzz.docx")), bytes, isGongwenError)).toBeUndefined();
        const checked = await checkDocx(bytes, "fuzz.docx", { layout: false }).then(() => undefined, (error: unknown) => (isGongwenError(error) ? undefined : error));
        expect(checked).toBeUndefined();
      }),
      { seed, numRuns },
    );
  });

  it(".docx drafts: text and redline read or refused with a message, never a crash", async () => {
    const docx = (await renderFile(SAMPLE)).bytes;
    fc.assert(
      fc.property(docxInputs(fc, docx), (bytes: Uint8Array) => {
        expect(unexpectedFailure((input: Uint8Array) => docxToPlainText(input, { fileName: "fuzz.docx" }), bytes, isGongwenError)).toBeUndefined();
        expect(unexpectedFailure((input: Uint8Array) => buildRedline(docx, input, { author: "fuzz" }), bytes, isGongwenError)).toBeUndefined();
      }),
      { seed, numRuns: Math.ceil(numRuns / 2) },
    );
  });
});
