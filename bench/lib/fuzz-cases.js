/**
 * Hostile inputs for the fuzz runs, shared by the CI property test (test/hardening/fuzz.test.ts, fixed
 * seeds, src/) and the longer run (bench/fuzz.js, dist/): data files and .docx drafts made by mutating
 * real ones (byte flips, cuts, insertions, a part replaced by random or deeply nested XML). The promise
 * checked: each input is read or refused with a GongwenError — never another exception, never a hang.
 */
import { strToU8, zipSync, unzipSync } from "fflate";

const XML_ALPHABET = ["<", ">", "/", " ", "w:p", "w:r", "w:t", "=", '"', "&", ";", "amp", "#x", "<!DOCTYPE", "<![CDATA[", "]]>", "文", "\u0000", "\uFFFF"];

/** @param {import("fast-check")} fc */
export function byteMutations(fc, bytes) {
  const flips = fc.array(fc.record({ at: fc.nat({ max: bytes.length - 1 }), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }).map((changes) => {
    const out = Uint8Array.from(bytes);
    for (const { at, value } of changes) out[at] = value;
    return out;
  });
  const cut = fc.nat({ max: bytes.length }).map((length) => bytes.slice(0, length));
  const insert = fc.tuple(fc.nat({ max: bytes.length }), fc.uint8Array({ minLength: 1, maxLength: 64 })).map(([at, extra]) => {
    const out = new Uint8Array(bytes.length + extra.length);
    out.set(bytes.subarray(0, at));
    out.set(extra, at);
    out.set(bytes.subarray(at), at + extra.length);
    return out;
  });
  return fc.oneof(flips, cut, insert);
}

/** Data files: the sample mutated, text inserted into it, or arbitrary Unicode. */
export function dataInputs(fc, sampleText) {
  const bytes = strToU8(sampleText);
  const textInsert = fc.tuple(fc.nat({ max: sampleText.length }), fc.string({ unit: "binary", maxLength: 200 })).map(([at, extra]) =>
    strToU8(sampleText.slice(0, at) + extra + sampleText.slice(at)),
  );
  const nested = fc.integer({ min: 1, max: 5000 }).map((depth) => strToU8(`kind: general\nbody: ${"[".repeat(depth)}${"]".repeat(depth)}\n`));
  return fc.oneof(byteMutations(fc, bytes), textInsert, nested, fc.string({ unit: "binary", maxLength: 500 }).map((text) => strToU8(text)));
}

/** .docx drafts: a real one mutated, or rebuilt with its main part replaced by random or deep XML. */
export function docxInputs(fc, docx) {
  const parts = unzipSync(docx);
  const withMain = (xml) => zipSync({ ...parts, "word/document.xml": strToU8(xml) });
  const randomXml = fc.array(fc.constantFrom(...XML_ALPHABET), { maxLength: 300 }).map((tokens) => withMain(tokens.join("")));
  const deep = fc.integer({ min: 1, max: 20000 }).map((depth) =>
    withMain(`<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${"<w:tbl>".repeat(depth)}${"</w:tbl>".repeat(depth)}</w:body></w:document>`),
  );
  return fc.oneof(byteMutations(fc, docx), randomXml, deep);
}

/**
 * Runs `read` on `input`; returns undefined when it returned or refused with a GongwenError, else the
 * unexpected error.
 */
export function unexpectedFailure(read, input, isGongwenError) {
  try {
    read(input);
    return undefined;
  } catch (error) {
    return isGongwenError(error) ? undefined : error;
  }
}
