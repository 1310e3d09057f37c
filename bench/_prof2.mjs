import { parseDocumentText } from "/work/main/dist/model/validate.js";
import { SAMPLE_DATA_FILE } from "/work/main/dist/pipeline.js";
import { composeCircular } from "/work/main/dist/compose/compose.js";
import { buildDocx } from "/work/main/dist/render/docx/document.js";
import { FONT_PROFILES } from "/work/main/dist/layout/fonts.js";
import { Packer } from "docx";
import { readFileSync } from "node:fs";
const text = readFileSync(SAMPLE_DATA_FILE, "utf8");
const loaded = parseDocumentText(text, SAMPLE_DATA_FILE);
const doc = composeCircular(loaded.document);
for (let i=0;i<500;i++) { const { doc: d } = buildDocx(doc, { fonts: FONT_PROFILES.default }); Packer.compiler.compile(d, undefined, []); }
