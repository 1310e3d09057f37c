import { composeCircular } from "../../dist/compose/compose.js";
import { parseDocumentText } from "../../dist/model/validate.js";
import { renderLoaded, resolveFontProfile, SAMPLE_DATA_FILE } from "../../dist/pipeline.js";
import { packDirect } from "../../dist/render/docx/direct-package.js";
import { docxDocument } from "../../dist/render/docx/document.js";
import { layOutDocument } from "../../dist/render/docx/lay-out.js";
import { renderDocx } from "../../dist/render/docx/index.js";
import { packDeterministic } from "../../dist/render/docx/package.js";
import { OFF_GRID_STYLE_IDS } from "../../dist/render/docx/element-styles.js";
import { median, percentile, timeRuns } from "./stats.js";
import { sampleText } from "./data.js";

/**
 * One circular in-process, warm: the whole pipeline from YAML text to .docx bytes, the render alone
 * from a parsed model, and each stage, so a missed target shows where the time goes.
 */
export async function benchInProcess({ runs = 300, warmup = 60 } = {}) {
  const text = sampleText();
  const loaded = parseDocumentText(text, SAMPLE_DATA_FILE);
  const fonts = resolveFontProfile(undefined);
  const document = composeCircular(loaded.document);
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
    "compose (templates → blocks)": await timeRuns(() => composeCircular(loaded.document), { runs, warmup }),
    "lay out (pagination estimate, paragraph specs)": await timeRuns(() => layOutDocument(document, { fonts }), { runs, warmup }),
    "write XML directly + zip (packDirect)": await timeRuns(() => packDirect(fonts, document.meta, sections, dates), { runs, warmup }),
    "… the same with the docx library (object tree, compile, zip)": await timeRuns(
      () => packDeterministic(docxDocument(fonts, document.meta, sections), dates, { offGridStyles: OFF_GRID_STYLE_IDS }),
      { runs, warmup },
    ),
    "lay out + write (renderDocx), same document every time": await timeRuns(() => renderDocx(document, { fonts }), { runs, warmup }),
    "… the same with the docx library": await timeRuns(() => renderDocx(document, { fonts }, "library"), { runs, warmup }),
  };
  return {
    full: stat(full),
    renderOnly: stat(renderOnly),
    stages: Object.fromEntries(Object.entries(stages).map(([name, times]) => [name, stat(times)])),
  };
}
