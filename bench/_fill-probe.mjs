import { sampleText } from "./lib/data.js";
const { parseDocumentText } = await import("../dist/model/validate.js");
const { renderLoaded, SAMPLE_DATA_FILE } = await import("../dist/pipeline.js");
const fc = await import("../dist/layout/fit-closing.js");
const texts = Array.from({ length: 100 }, (_, i) => sampleText().replace(/serial: 3\n/, `serial: ${i + 1}\n`)); let k = 0; const next = () => texts[k++ % 100];
for (let i = 0; i < 50; i++) renderLoaded(parseDocumentText(next(), SAMPLE_DATA_FILE));
const t = performance.now(); for (let i = 0; i < 200; i++) renderLoaded(parseDocumentText(next(), SAMPLE_DATA_FILE)); console.log("per doc", ((performance.now() - t) / 200).toFixed(2));
