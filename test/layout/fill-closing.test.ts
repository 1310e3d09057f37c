import { describe, expect, it } from "vitest";
import { ELEMENT_STYLES } from "../../src/layout/element-styles.js";
import { FONT_PROFILES } from "../../src/layout/fonts.js";
import { GRID } from "../../src/layout/gbt9704.js";
import { layOutDocument } from "../../src/layout/lay-out.js";
import { paginate } from "../../src/layout/paginate.js";
import type { ParagraphSpec } from "../../src/layout/spec.js";
import { loadDocumentFile } from "../../src/model/validate.js";
import { composeLoaded } from "../../src/pipeline.js";
import { SAMPLE } from "../helpers/paths.js";

/**
 * The fill (fit-closing.ts): the sample's text ends at the foot of page 6, the closing unit takes the
 * last paragraph's last two lines to page 7 and page 6 would end two lines short. Two paragraphs of
 * page 6 are set a little wider, each one line longer, and the page ends full. Estimate only, no LibreOffice.
 */

const scaleOf = (spec: ParagraphSpec) => spec.runs.find((run) => run.kind === "text")?.scalePercent;
const text = (spec: ParagraphSpec) => spec.runs.map((run) => (run.kind === "text" ? run.content.join("") : "")).join("");

describe("filling the page before the closing unit", async () => {
  const laidOut = layOutDocument(composeLoaded(await loadDocumentFile(SAMPLE)), { fonts: FONT_PROFILES.default });
  const flow = paginate(laidOut.sections);
  const paragraphs = flow.blocks.filter((block) => block.kind === "paragraph");

  it("widens 「三是服务质效还需提升……」 and the last paragraph, each to the least scale that costs one line", () => {
    const widened = paragraphs.filter((block) => (scaleOf(block.spec) ?? GRID.characterScalePercent) > 100);
    expect(widened.map((block) => [text(block.spec).slice(0, 6), scaleOf(block.spec), block.spec.style])).toEqual([
      ["三是服务质效", 102, ELEMENT_STYLES.body.id],
      ["希望各政务服", 102, ELEMENT_STYLES.body.id],
      // The last paragraph's last two lines, which go with the 署名, are set as wide.
      ["台阶，以更加", 102, ELEMENT_STYLES.bodyContinued.id],
    ]);
    expect(widened.map((block) => block.lines.length)).toEqual([5, 7, 2]);
    expect(laidOut.plan.filledPages).toEqual([6, 7]);
    expect(laidOut.plan.tightenedPage).toBeUndefined();
  });

  it("ends page 6 on its 22nd line and starts page 7 with the two lines that go with the 署名", () => {
    const onPage = (page: number) => paragraphs.flatMap((block) => block.lines.filter((line) => line.page === page));
    const last = onPage(6).at(-1)!;
    expect(last.yTwips + last.heightTwips).toBe(GRID.linesPerPage * GRID.linePitchTwips);
    expect(onPage(6)).toHaveLength(GRID.linesPerPage);
    expect(onPage(7).slice(0, 2).map((line) => line.text)).toEqual(["台阶，以更加优异的成绩迎接党的二十大和省第十四次党代会", "胜利召开。"]);
    expect(laidOut.plan.totalPages).toBe(8);
  });
});
