import { parseDocumentText } from "/work/main/dist/model/validate.js";
import { renderLoaded, SAMPLE_DATA_FILE } from "/work/main/dist/pipeline.js";
import { readFileSync } from "node:fs";
const text = readFileSync(SAMPLE_DATA_FILE, "utf8");
for (let i=0;i<300;i++) await renderLoaded(parseDocumentText(text, SAMPLE_DATA_FILE));
