import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it, vi } from "vitest";
import type { BodyNode } from "../../src/document/body.js";
import type { GongwenDocument } from "../../src/document/document.js";
import { FONT_PROFILES } from "../../src/layout/fonts.js";
import { layOutDocument } from "../../src/layout/lay-out.js";
import { parseDocumentText } from "../../src/model/validate.js";
import { composeLoaded } from "../../src/pipeline.js";
import { breakLines, charAdvanceEm, isWide, linesNeeded, textWidth, type LineOptions } from "../../src/layout/text-width.js";
import { ROOT, SAMPLE } from "../helpers/paths.js";
import * as reference from "./reference/text-width-v1.js";

/**
 * The measuring was rewritten for speed (class table, typed arrays, no per-glyph strings). It must
 * give exactly what the reference model gives: the same widths to the last bit, the same lines.
 */

// Everything the model treats specially: CJK and astral ideographs, Latin, digits, full-width forms,
// kinsoku and hanging punctuation, dashes, spaces, zero-width marks, CR/LF and lone surrogates.
const CHARS = [
  ..."汉字国的一是在不了有和人这中大为",
  "𠀀",
  "𪚥",
  "😀",
  ..."abcxyzABCXYZWil0123456789éßΩЖ",
  ..."０１Ａａ①Ⅳ→℃№※",
  ..."，。、；：？！．“”‘’（）《》〔〕【】「」『』〈〉［］｛｝—―…·‖•～￥￡",
  ..."!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~¢£¥",
  " ",
  "\u00a0",
  "\u3000",
  "\u0301",
  "\u200b",
  "\u200d",
  "\ufe0f",
  "\ufeff",
  "\u{e0100}",
  "\r",
  "\n",
  "\ud840",
  "\udc00",
];
const HAN = CHARS.slice(0, 16);

const char = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...HAN) },
  { weight: 6, arbitrary: fc.constantFrom(...CHARS) },
);
const text = fc.array(char, { maxLength: 160 }).map((chars) => chars.join(""));
/** Body-like text: long CJK runs with punctuation and numbers, the lines the estimate mostly sees. */
const paragraph = fc
  .array(
    fc.oneof(
      { weight: 6, arbitrary: fc.array(fc.constantFrom(...HAN), { minLength: 1, maxLength: 30 }).map((c) => c.join("")) },
      { weight: 2, arbitrary: fc.constantFrom("，", "。", "、", "；", "：", "“", "”", "《", "》", "（", "）", "——", "……", "。”", "”。") },
      { weight: 1, arbitrary: fc.stringMatching(/^[0-9]{1,4}(年|月|日|%|\.[0-9])?$/) },
      { weight: 1, arbitrary: fc.stringMatching(/^[A-Za-z]{1,10}(-[0-9]{1,3}| )?$/) },
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(""));

const options: fc.Arbitrary<LineOptions> = fc.record(
  {
    fontSizePt: fc.constantFrom(15.68, 16, 21.56, 22, 13.72, 10.5, 26),
    trackingPt: fc.constantFrom(0, -0.25, 0.5, -1),
    asianLatinSpacingEm: fc.constantFrom(0, 0.2, 0.25, 0.5),
    engine: fc.constantFrom("libreoffice" as const, "word" as const),
    lineWidthPt: fc.constantFrom(442.25, 415.8, 393.3, 200, 47, 30, 8),
    firstLineIndentChars: fc.constantFrom(0, 2, 3),
    hangingPunctuation: fc.boolean(),
  },
  { requiredKeys: [] },
);

function expectSame(t: string, opts: LineOptions): void {
  expect(Object.is(textWidth(t, opts), reference.textWidth(t, opts)), `textWidth ${JSON.stringify(t)}`).toBe(true);
  expect(breakLines(t, opts)).toEqual(reference.breakLines(t, opts));
  expect(linesNeeded(t, opts)).toBe(reference.linesNeeded(t, opts));
}

describe("fast measuring gives what the reference model gives", () => {
  it("on random mixed text and options", () => {
    fc.assert(fc.property(text, options, (t, opts) => expectSame(t, opts)), { numRuns: 3000 });
  });

  it("on random body paragraphs and options", () => {
    fc.assert(fc.property(paragraph, options, (t, opts) => expectSame(t, opts)), { numRuns: 3000 });
  });

  it("on body paragraphs with the renderer's options", () => {
    const body: LineOptions = { fontSizePt: 15.68, trackingPt: 0, firstLineIndentChars: 2 };
    fc.assert(fc.property(paragraph, (t) => expectSame(t, body)), { numRuns: 2000 });
  });

  it("for every BMP character alone and between ideographs and letters", () => {
    // 2.5 字 lines put a break right around the character; at 35 pt "汉a-" fits and "1" does not.
    const narrow: LineOptions = { fontSizePt: 16, trackingPt: 0, lineWidthPt: 40 };
    const afterHyphen: LineOptions = { ...narrow, lineWidthPt: 35 };
    const mismatches: string[] = [];
    const same = (t: string, opts: LineOptions) =>
      Object.is(textWidth(t, opts), reference.textWidth(t, opts)) &&
      linesNeeded(t, opts) === reference.linesNeeded(t, opts) &&
      breakLines(t, opts).join("|") === reference.breakLines(t, opts).join("|");
    const check = (ch: string) => {
      for (const t of [ch, `汉${ch}`, `${ch}汉`, `a${ch}b`, `汉汉${ch}汉汉`, `ab${ch}cd`, `${ch}${ch}`, `汉—${ch}—汉`]) {
        if (!same(t, narrow)) mismatches.push(t);
      }
      if (!same(`汉a-${ch}1`, afterHyphen)) mismatches.push(`汉a-${ch}1`);
    };
    for (let cp = 0; cp < 0x10000; cp++) check(String.fromCharCode(cp));
    for (let cp = 0x10000; cp <= 0x10ffff; cp += 257) check(String.fromCodePoint(cp));
    for (const cp of [0x1f300, 0x1f64f, 0x1f650, 0x1f900, 0x1f9ff, 0x20000, 0x3fffd, 0x3fffe, 0xe0100, 0xe01ef, 0xe01f0]) check(String.fromCodePoint(cp));
    expect(mismatches).toEqual([]);
  });

  it("on paragraphs longer than the arrays kept between calls, and after them", () => {
    const base = fc.sample(paragraph, { numRuns: 100, seed: 42 }).join("");
    const long = base.repeat(Math.ceil(80_000 / base.length));
    for (const t of [long, "短", long.slice(0, 300), `${long}\n${long.slice(0, 100)}`, "汉汉”。"]) expectSame(t, { firstLineIndentChars: 2 });
  });

  it("keeps isWide and charAdvanceEm", () => {
    const mismatches: number[] = [];
    for (let cp = -1; cp <= 0x110000; cp++) {
      if (isWide(cp) !== reference.isWide(cp) || !Object.is(charAdvanceEm(cp), reference.charAdvanceEm(cp))) mismatches.push(cp);
    }
    expect(mismatches).toEqual([]);
  });
});

describe("the pagination estimate is unchanged", () => {
  /** The layout pass wired to the reference model, as it was before the rewrite. */
  async function referenceLayOut(): Promise<typeof layOutDocument> {
    vi.resetModules();
    vi.doMock("../../src/layout/text-width.js", () => reference);
    try {
      return (await import("../../src/layout/lay-out.js")).layOutDocument;
    } finally {
      vi.doUnmock("../../src/layout/text-width.js");
      vi.resetModules();
    }
  }

  const options = { fonts: FONT_PROFILES.default };

  it("for the sample circular", async () => {
    const old = await referenceLayOut();
    const loaded = parseDocumentText(readFileSync(SAMPLE, "utf8"), SAMPLE);
    const document = composeLoaded(loaded, { templateDir: join(ROOT, "templates") });
    expect(old).not.toBe(layOutDocument);
    expect(layOutDocument(document, options)).toEqual(old(document, options));
  });

  it("for random documents", async () => {
    const old = await referenceLayOut();
    const spans = paragraph.map((t) => [{ text: t }]);
    const node: fc.Arbitrary<BodyNode> = fc.oneof(
      spans.map((content) => ({ type: "paragraph" as const, content })),
      fc.tuple(fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>, spans).map(([level, title]) => ({ type: "heading" as const, level, number: "一、", title })),
      fc.tuple(spans, spans).map(([title, text]) => ({ type: "heading" as const, level: 2 as const, number: "（一）", title, text })),
      fc.array(spans, { minLength: 1, maxLength: 3 }).map((items) => ({ type: "list" as const, style: "ordinal" as const, items: items.map((content) => ({ number: "一是", content })) })),
    );
    const document = (body: BodyNode[], attachments: number, copyTo: number): GongwenDocument => ({
      meta: { kind: "test", title: "关于考核情况的通报", issuers: ["青海省政务服务监督管理局"], docNumber: "青政务〔2022〕3号", signedOn: "2022-01-05", printedOn: "2022-01-05" },
      format: "file",
      frame: {
        mark: { names: ["青海省政务服务监督管理局"], suffix: "文件" },
        docNumber: "青政务〔2022〕3号",
        title: ["关于2021年度考核情况的通报"],
        addressees: "各市州政务服务监管局：",
        ...(attachments > 0 ? { attachmentNote: Array.from({ length: attachments }, (_, i) => `${i + 1}.考核评分表`) } : {}),
        signature: { kind: "organ", names: ["青海省政务服务监督管理局"], date: "2022年1月5日", seal: "manual" },
        notes: [],
        colophon: { lines: Array.from({ length: copyTo }, () => ({ kind: "copyTo" as const, text: "抄送：省政府办公厅。" })), printer: "办公室", printDate: "2022年1月5日印发" },
      },
      body,
      attachments: Array.from({ length: attachments }, () => ({ label: "附件", title: ["考核评分表"], body: body.slice(0, 2) })),
    });
    fc.assert(
      fc.property(fc.array(node, { maxLength: 30 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 6 }), (body, attachments, copyTo) => {
        const doc = document(body, attachments, copyTo);
        expect(layOutDocument(doc, options)).toEqual(old(doc, options));
      }),
      { numRuns: 200 },
    );
  });
});
