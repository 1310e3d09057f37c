import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseDocumentText } from "../../src/model/validate.js";
import { convertToPdf } from "../../src/pdf/libreoffice.js";
import { renderLoaded, type RenderResult } from "../../src/pipeline.js";
import { checkColophon, colophonInfo } from "../../src/verify/colophon-check.js";
import { measureLayout } from "../../src/verify/measure.js";
import { checkStandard } from "../../src/verify/standard.js";
import { layoutCorpus } from "../helpers/corpus.js";
import { tempDir } from "../helpers/data.js";
import { ROOT } from "../helpers/paths.js";
import { skipLibreOffice } from "../pdf/requires-libreoffice.js";
import { readFileSync } from "node:fs";

/**
 * The layout holds on any document, whatever the preview's fonts: a generated corpus (the text ending
 * at every line of a page, 附件说明 of one to five attachments, long titles) is rendered from the
 * estimate alone — no LibreOffice pass to correct it — and each PDF is checked against what GB/T 9704
 * asks (the 版记 whole at the foot of an even last page, 22 lines, 28 characters, no hole, the 署名
 * with 正文, page numbers), with the project's font mapping and with a second one (Noto CJK for every
 * face), whose glyph metrics differ.
 */

const MAPPINGS = [
  ["Fandol (fonts/fonts.conf)", join(ROOT, "fonts", "fonts.conf")],
  ["Noto CJK (fonts/fonts-noto.conf)", join(ROOT, "fonts", "fonts-noto.conf")],
] as const;

interface Outcome {
  readonly mapping: string;
  readonly name: string;
  readonly problems: readonly string[];
  readonly pages: number;
  /** The page filled by widening (fit-closing.ts) and the grid line its text ends on, as measured. */
  readonly filled?: { readonly page: number; readonly deepest: number };
}

const outcomes: Outcome[] = [];
const rendered = new Map<string, RenderResult>();

beforeAll(async () => {
  if (skipLibreOffice) return;
  const work = tempDir("gongwen-corpus-pdf-");
  const files: string[] = [];
  for (const doc of layoutCorpus()) {
    const result = await renderLoaded(parseDocumentText(readFileSync(doc.file, "utf8"), doc.file));
    rendered.set(doc.name, result);
    const file = join(work, `${doc.name}.docx`);
    writeFileSync(file, result.bytes);
    files.push(file);
  }
  const saved = process.env.GONGWEN_FONTS_CONF;
  try {
    for (const [mapping, conf] of MAPPINGS) {
      process.env.GONGWEN_FONTS_CONF = conf;
      const out = join(work, mapping.replace(/\W+/g, "-"));
      // One LibreOffice run for the whole corpus.
      for (const converted of await convertToPdf(files, out, { timeoutMs: 600_000 })) {
        const name = converted.input.replace(/^.*\//, "").replace(/\.docx$/, "");
        const result = rendered.get(name)!;
        const layout = await measureLayout(converted.pdf);
        const colophon = checkColophon(colophonInfo(result.document), layout, result.plan.colophonLines);
        const standard = checkStandard(result.document, result.plan, layout);
        const filledPage = result.plan.filledPages?.[0];
        const deepest = Math.max(0, ...layout.lines.filter((line) => line.page === filledPage).map((line) => line.line));
        outcomes.push({
          mapping,
          name,
          pages: layout.pages,
          ...(filledPage !== undefined ? { filled: { page: filledPage, deepest } } : {}),
          problems: [...(colophon && !colophon.ok ? colophon.problems : []), ...standard.map((f) => `${f.clause} ${f.en}`)],
        });
      }
    }
  } finally {
    if (saved === undefined) delete process.env.GONGWEN_FONTS_CONF;
    else process.env.GONGWEN_FONTS_CONF = saved;
  }
}, 900_000);

afterAll(() => {
  if (outcomes.length === 0) return;
  const failed = outcomes.filter((o) => o.problems.length > 0);
  console.log(`layout corpus: ${outcomes.length} layouts (${rendered.size} documents × ${MAPPINGS.length} font mappings), ${outcomes.length - failed.length} pass from the estimate alone`);
  for (const o of failed) console.log(`  ${o.mapping} ${o.name}: ${o.problems.join("; ")}`);
  const filled = outcomes.filter((o) => o.filled);
  console.log(`filled pages (widened to 22 lines): ${filled.length} layouts; ${filled.map((o) => `${o.name}@${o.mapping.split(" ")[0]} p${o.filled!.page}→l${o.filled!.deepest}`).join(", ")}`);
});

describe.skipIf(skipLibreOffice)("the layout corpus, from the estimate alone, with two font mappings", () => {
  it("covers every end line, 1–5 attachments and long titles", () => {
    expect(rendered.size).toBeGreaterThanOrEqual(60);
    const placements = new Set([...rendered.values()].map((r) => r.plan.placement));
    expect([...placements].sort()).toEqual(["blank-then-page", "next-page", "same-page"]);
  });

  it("passes every check of the standard in every document, with either mapping", () => {
    const failed = outcomes.filter((o) => o.problems.length > 0).map((o) => `${o.mapping} ${o.name}: ${o.problems.join("; ")}`);
    expect(outcomes.length).toBe(rendered.size * MAPPINGS.length);
    expect(failed).toEqual([]);
  });
});
