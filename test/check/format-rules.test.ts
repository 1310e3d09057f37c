import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkDocx } from "../../src/check/check-docx.js";
import { parseDocumentText } from "../../src/model/validate.js";
import { renderLoaded } from "../../src/pipeline.js";
import { NEEDS_LIBREOFFICE, skipLibreOffice } from "../pdf/requires-libreoffice.js";
import { STARTERS } from "../helpers/starters.js";

/**
 * The special formats' own rules (§10): the rendered 函, 令 and 纪要 pass them; copies edited after
 * rendering (the 函's name moved down 10 mm or its first page numbered, the 令's mark moved down, the
 * 纪要's attendance label set in 仿宋) do not.
 */
describe.skipIf(skipLibreOffice)(`check of the 信函格式 ${NEEDS_LIBREOFFICE}`, () => {
  it("passes the rendered 函 and finds the name moved down and a first-page number", async () => {
    const bytes = (await renderLoaded(parseDocumentText(readFileSync(STARTERS.letter, "utf8"), STARTERS.letter))).bytes;
    const edit = (part: string, change: (xml: string) => string) => {
      const parts = unzipSync(bytes);
      const xml = strFromU8(parts[part]!);
      const after = change(xml);
      expect(after).not.toBe(xml);
      return zipSync({ ...parts, [part]: strToU8(after) });
    };
    const moved = edit("word/document.xml", (xml) => xml.replace(/(<w:framePr[^>]*w:vAnchor="page"[^>]*w:y=")1701"/u, '$12268"'));
    // Without a first-page footer of its own, page 1 takes the numbered one (and loses the lower double line).
    const numbered = edit("word/document.xml", (xml) => xml.replace("<w:titlePg/>", ""));
    const [rendered, movedResult, numberedResult] = await Promise.all([
      checkDocx(bytes, "letter.docx", { layout: true }),
      checkDocx(moved, "moved.docx", { layout: true }),
      checkDocx(numbered, "numbered.docx", { layout: true }),
    ]);
    expect(rendered.format).toBe("letter");
    expect(rendered.findings).toEqual([]);
    expect(movedResult.findings.filter((f) => f.rule === "letter-mark")).toEqual([expect.objectContaining({ clause: "§10.1", measured: expect.stringMatching(/^上边缘距纸张上边 (39|40|41)\.\d mm$/u) })]);
    expect(numberedResult.findings.map((f) => `${f.rule} ${f.element}`)).toEqual(expect.arrayContaining(["letter-first-page-number 页码", "letter-double-line 页脚红色双线"]));
  });

  it("passes the rendered 令 and 纪要, and finds the 令's mark moved down and the 纪要's label in 仿宋", async () => {
    const rendered = async (file: string) => (await renderLoaded(parseDocumentText(readFileSync(file, "utf8"), file))).bytes;
    const [order, minutes] = await Promise.all([rendered(STARTERS.order), rendered(STARTERS.minutes)]);
    const edited = (bytes: Uint8Array, change: (xml: string) => string) => {
      const parts = unzipSync(bytes);
      const xml = strFromU8(parts["word/document.xml"]!);
      const after = change(xml);
      expect(after).not.toBe(xml);
      return zipSync({ ...parts, "word/document.xml": strToU8(after) });
    };
    // 10 mm more space above the mark (567 twips).
    const orderMoved = edited(order, (xml) => xml.replace(/(<w:pStyle w:val="GwIssuerMark"\/>.*?w:before=")(\d+)"/u, (_m, head: string, before: string) => `${head}${Number(before) + 567}"`));
    const minutesLabel = edited(minutes, (xml) => xml.replace(/w:eastAsia="黑体"([^>]*\/><\/w:rPr><w:t xml:space="preserve">出席：)/u, 'w:eastAsia="仿宋_GB2312"$1'));
    const results = await Promise.all([order, minutes, orderMoved, minutesLabel].map((bytes, i) => checkDocx(bytes, `special-${i}.docx`, { layout: true })));
    expect(results.map((r) => r.format)).toEqual(["order", "minutes", "order", "minutes"]);
    expect(results[0]!.findings).toEqual([]);
    expect(results[1]!.findings).toEqual([]);
    expect(results[2]!.findings.map((f) => `${f.rule} ${f.clause} ${f.measured}`)).toEqual([expect.stringMatching(/^order-mark §10\.2 上边缘距版心上边 (29|30|31)\.\d mm$/u)]);
    expect(results[3]!.findings.map((f) => `${f.rule} ${f.measured}`)).toEqual(["minutes-attendance-face “出席”用仿宋_GB2312"]);
  });
});
