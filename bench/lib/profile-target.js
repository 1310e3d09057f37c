// Rendered under `node --cpu-prof` by profile.js: the warm in-process render, many times.
import { parseDocumentText } from "../../dist/model/validate.js";
import { renderLoaded, SAMPLE_DATA_FILE } from "../../dist/pipeline.js";
import { sampleText } from "./data.js";

// A different 发文字号 each time, as in a batch: no part of document.xml repeats.
const texts = Array.from({ length: 100 }, (_, i) => sampleText().replace(/serial: 3\n/, `serial: ${i + 1}\n`));
const runs = Number(process.argv[2] ?? 400);
for (let i = 0; i < runs; i++) await renderLoaded(parseDocumentText(texts[i % texts.length], SAMPLE_DATA_FILE));
