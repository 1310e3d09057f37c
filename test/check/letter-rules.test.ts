import { readFileSync } from "node:fs";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { checkDocx } from "../../src/check/check-docx.js";
import { parseDocumentText } from "../../src/model/validate.js";
import { renderLoaded } from "../../src/pipeline.js";
import { NEEDS_LIBREOFFICE, skipLibreOffice } from "../pdf/requires-libreoffice.js";
import { STARTERS } from "../helpers/starters.js";

/**
 * The 信函格式's own rules on the real layout (§10.1): the rendered 函 passes them; the same 函 with its
 * organ's name moved down 10 mm, or with a page number field on the first page, does not.
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
});
