/**
 * A draft under review, read into paragraphs: a data file (through compose, so the lines are the ones
 * the rendered .docx holds) or any .docx (ours, or one edited in Word, WPS or LibreOffice).
 * The lines are exactly what `gongwen text` prints, so a diff and a git textconv agree.
 */
import type { GongwenDocument } from "../document/document.js";
import { GongwenError } from "../errors.js";
import { decodeDataFile, isDiagnostic } from "../load/decode.js";
import type { LoadedDocument } from "../model/validate.js";
import { documentLines as laidOutLines } from "../render/text.js";
import { readInputFileSync } from "../load/read-input.js";

export type DraftKind = "data" | "docx";

export interface Draft {
  readonly file: string;
  readonly kind: DraftKind;
  readonly bytes: Uint8Array;
  /** One paragraph per line, no empty lines, no line ends. */
  readonly lines: readonly string[];
  /** Data files only: the validated model and its block tree. */
  readonly loaded?: LoadedDocument;
  readonly document?: GongwenDocument;
}

/**
 * Word files are told by their content, not their name: git hands a textconv driver temporary files,
 * and clerks rename files freely. A legacy .doc (OLE) goes to the .docx reader too, which names it.
 */
export function isWordFile(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 0x03 || bytes[2] === 0x05);
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return zip || ole;
}

/**
 * The one normalisation both kinds go through: a line break inside a paragraph starts a new line, and
 * blank lines are dropped (spacing paragraphs are layout, not content), as `docxToPlainText` does.
 */
export function toLines(paragraphs: Iterable<string>): string[] {
  const out: string[] = [];
  for (const paragraph of paragraphs) {
    for (const line of paragraph.split(/\r\n?|\n/)) if (!/^\s*$/u.test(line)) out.push(line);
  }
  return out;
}

export function documentLines(document: GongwenDocument): string[] {
  return toLines(laidOutLines(document));
}

/** The .docx reader (and node:zlib with it) is loaded for Word files only: `gongwen text` of a data file is a git textconv, run once per file. */
export async function docxLines(bytes: Uint8Array, fileName?: string): Promise<string[]> {
  const { docxToPlainText } = await import("./docx-text.js");
  return toLines(docxToPlainText(bytes, { dropEmptyLines: true, ...(fileName ? { fileName } : {}) }).split("\n"));
}

export interface DraftOptions {
  /** A template folder of the user's own, for kinds whose wording lives in templates. */
  readonly templateDir?: string;
}

export async function readDraft(file: string, options: DraftOptions = {}): Promise<Draft> {
  // One file, read synchronously with the same bounds and messages: the async read costs round trips
  // through libuv's thread pool and loads node:fs/promises.
  const bytes = readInputFileSync(file);
  if (isWordFile(bytes)) return { file, kind: "docx", bytes, lines: await docxLines(bytes, file) };

  const decoded = decodeDataFile(bytes, file);
  if (isDiagnostic(decoded)) throw new GongwenError([decoded]);
  // Validation and templates (zod, yaml, handlebars) take most of start-up: loaded only for data files.
  const [{ parseDocumentText }, { composeLoaded }] = await Promise.all([import("../model/validate.js"), import("../compose/compose-loaded.js")]);
  const loaded = parseDocumentText(decoded.text, file, [...decoded.warnings]);
  const document = composeLoaded(loaded, options);
  return { file, kind: "data", bytes, lines: documentLines(document), loaded, document };
}
