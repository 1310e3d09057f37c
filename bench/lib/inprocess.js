import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocumentText } from "../../dist/model/validate.js";
import { composeLoaded, renderLoaded, resolveFontProfile, SAMPLE_DATA_FILE } from "../../dist/pipeline.js";
import { packDirect } from "../../dist/render/docx/direct-package.js";
import { layOutDocument } from "../../dist/layout/lay-out.js";
import { paginate } from "../../dist/layout/paginate.js";
import { renderDocx } from "../../dist/render/docx/index.js";
import { median, percentile, timeRuns } from "./stats.js";
import { sampleText } from "./data.js";

/** The starter files of the other kinds and formats, measured beside the circular. */
const STARTERS = ["notice-with-table", "letter", "minutes", "request", "bulletin-without-colophon", "order"];

/**
 * One document in-process, warm: the whole pipeline from YAML text to .docx bytes, the render alone
 * from a parsed model, and each stage, so a missed target shows where the time goes; then each
 * starter file of the other kinds and formats.
 */
export async function benchInProcess({ runs = 300, warmup = 60 } = {}) {
  const text = sampleText();
  const loaded = parseDocumentText(text, SAMPLE_DATA_FILE);
  const fonts = resolveFontProfile(undefined);
  const document = composeLoaded(loaded);
  const { sections } = layOutDocument(document, { fonts });
  const dates = { created: document.meta.signedOn, modified: document.meta.printedOn };
  const stat = (times) => ({ median: median(times), p95: percentile(times, 95) });

  // A different 发文字号 each run, as in a batch: the zip writer's part cache then helps only with the
  // parts that really repeat (theme, styles, settings …), not with document.xml.
  const texts = Array.from({ length: 100 }, (_, i) => text.replace(/serial: 3\n/, `serial: ${i + 1}\n`));
  const models = texts.map((t) => parseDocumentText(t, SAMPLE_DATA_FILE));
  const full = await timeRuns((i) => renderLoaded(parseDocumentText(texts[i % texts.length], SAMPLE_DATA_FILE)), { runs, warmup });
  const renderOnly = await timeRuns((i) => renderLoaded(models[i % models.length]), { runs, warmup });
  const stages = {
    "parse + validate (yaml, zod)": await timeRuns(() => parseDocumentText(text, SAMPLE_DATA_FILE), { runs, warmup }),
    "compose (template → document)": await timeRuns(() => composeLoaded(loaded), { runs, warmup }),
    "lay out (format, body handlers, specs; paginated for the 版记)": await timeRuns(() => layOutDocument(document, { fonts }), { runs, warmup }),
    "… of which paginate the laid-out specs": await timeRuns(() => paginate(sections), { runs, warmup }),
    "write document.xml directly + zip (packDirect)": await timeRuns(() => packDirect(fonts, document.meta, sections, dates), { runs, warmup }),
    "lay out + write (renderDocx), same document every time": await timeRuns(() => renderDocx(document, { fonts }), { runs, warmup }),
  };
  const starters = {};
  for (const name of STARTERS) {
    const file = join(SAMPLE_DATA_FILE, "..", `${name}.yaml`);
    const starterText = readFileSync(file, "utf8");
    starters[name] = stat(await timeRuns(() => renderLoaded(parseDocumentText(starterText, file)), { runs: Math.ceil(runs / 3), warmup: Math.ceil(warmup / 3) }));
  }
  return {
    full: stat(full),
    renderOnly: stat(renderOnly),
    stages: Object.fromEntries(Object.entries(stages).map(([name, times]) => [name, stat(times)])),
    starters,
  };
}
