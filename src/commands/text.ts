import { readFile } from "node:fs/promises";
import { composeCircular } from "../compose/compose.js";
import { loadDocumentFile } from "../model/validate.js";
import { renderText } from "../render/text.js";
import { docxToPlainText } from "../review/docx-text.js";

/** Plain text of a data file or a .docx, one paragraph per line: stable, so it serves git textconv. */
export async function textCommand(file: string): Promise<number> {
  const bytes = await readFile(file).catch(() => undefined);
  const isZip = bytes !== undefined && bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (bytes && isZip) {
    process.stdout.write(docxToPlainText(bytes, { dropEmptyLines: true }));
  } else {
    const loaded = await loadDocumentFile(file);
    process.stdout.write(renderText(composeCircular(loaded.document)));
  }
  return 0;
}
