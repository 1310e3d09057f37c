import { Document, isMap, isScalar, isSeq, parseDocument, Scalar } from "yaml";
import { isGongwenError, type Diagnostic, type FieldPath } from "../errors.js";
import { FONT_PROFILES, isFontProfileName } from "../layout/fonts.js";
import { layOutDocument } from "../layout/lay-out.js";
import { withYamlEnv } from "../load/yaml-env.js";
import { parseYamlSource } from "../load/yaml-source.js";
import { parseDocumentText, type LoadedDocument } from "../model/validate.js";
import { loadSealImages } from "../load/seal-images.js";
import { composeLoaded } from "../pipeline.js";
import { previewModel, type PreviewModel } from "../render/html/page-model.js";

/**
 * A draft in the editor: the data file's text (comments and all) and the data the form edits. Edits
 * come in as data; they are written into the text through the `yaml` library's Document API, so the
 * comments, key order and block scalars of the clerk's file stay as they were (the same text the CLI
 * would read), and the text is then checked exactly as `gongwen validate` checks a file.
 */

/** The data of a YAML text as the loader reads it, or undefined when the text does not parse. */
export function dataOf(text: string, file: string): unknown {
  const source = parseYamlSource(text, file);
  return Array.isArray(source) ? undefined : source.data;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === "object" && !Array.isArray(value);

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Sets a value at a path, keeping the node (and its style: block scalar, quotes) where one exists. */
function setValue(document: Document, path: FieldPath, value: unknown): void {
  const node = document.getIn([...path], true);
  if (isScalar(node) && (typeof value === "string" || typeof value === "number" || typeof value === "boolean")) {
    node.value = value;
    // A text that gains line breaks is written as a block (`|`), as a clerk would write it.
    if (typeof value === "string" && value.includes("\n") && node.type !== Scalar.BLOCK_LITERAL && node.type !== Scalar.BLOCK_FOLDED) node.type = Scalar.BLOCK_LITERAL;
    return;
  }
  if (typeof value === "string" && value.includes("\n")) {
    const scalar = document.createNode(value) as Scalar;
    scalar.type = Scalar.BLOCK_LITERAL;
    document.setIn([...path], scalar);
    return;
  }
  document.setIn([...path], document.createNode(value));
}

/** Writes the differences between `before` and `after` into the document, field by field. */
function patch(document: Document, path: FieldPath, before: unknown, after: unknown): void {
  if (sameValue(before, after)) return;
  if (after === undefined) {
    if (path.length > 0) document.deleteIn([...path]);
    return;
  }
  const node = path.length === 0 ? document.contents : document.getIn([...path], true);
  if (isPlainObject(before) && isPlainObject(after) && isMap(node)) {
    for (const key of Object.keys(before)) if (!(key in after)) document.deleteIn([...path, key]);
    for (const [key, value] of Object.entries(after)) patch(document, [...path, key], before[key], value);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && isSeq(node) && before.length === after.length) {
    after.forEach((value, index) => patch(document, [...path, index], before[index], value));
    return;
  }
  setValue(document, path, after);
}

interface ScalarEdit {
  readonly node: Scalar;
  readonly value: string | number | boolean;
}

/**
 * The edits as changes of existing scalars only (what typing in a field does), or undefined when the
 * structure changes (items or fields added, removed, or changed in kind).
 */
function scalarEdits(document: Document, path: FieldPath, before: unknown, after: unknown, out: ScalarEdit[]): boolean {
  if (sameValue(before, after)) return true;
  const node = path.length === 0 ? document.contents : document.getIn([...path], true);
  if (isPlainObject(before) && isPlainObject(after) && isMap(node)) {
    if (Object.keys(before).length !== Object.keys(after).length || Object.keys(before).some((key) => !(key in after))) return false;
    return Object.entries(after).every(([key, value]) => scalarEdits(document, [...path, key], before[key], value, out));
  }
  if (Array.isArray(before) && Array.isArray(after) && isSeq(node) && before.length === after.length) {
    return after.every((value, index) => scalarEdits(document, [...path, index], before[index], value, out));
  }
  if (isScalar(node) && node.range && typeof node.value === typeof after && (typeof after === "string" || typeof after === "number" || typeof after === "boolean")) {
    out.push({ node, value: after });
    return true;
  }
  return false;
}

/** A scalar's new source text in the style it was written in, or undefined when that style cannot hold it. */
function scalarSource(edit: ScalarEdit, text: string): string | undefined {
  const { node, value } = edit;
  if (typeof value !== "string") return String(value);
  if (node.type === Scalar.BLOCK_LITERAL) {
    const start = node.range![0];
    const header = /^\|[-+0-9]*/u.exec(text.slice(start))?.[0] ?? "|";
    const contentStart = text.indexOf("\n", start) + 1;
    const indent = /^( *)/u.exec(text.slice(contentStart))?.[1] ?? "  ";
    if (indent === "" || value.trim() === "" || /^\s/u.test(value)) return undefined;
    const body = value.replace(/\n+$/u, "");
    const trailing = value.length - body.length;
    const chomp = trailing === 0 ? "-" : trailing === 1 ? "" : "+";
    const lines = body.split("\n").map((line) => (line === "" ? "" : `${indent}${line}`));
    return `|${chomp}${header.replace(/^\|[-+]?/u, "").replace(/[-+]/gu, "")}\n${lines.join("\n")}\n${trailing > 1 ? "\n".repeat(trailing - 1) : ""}`;
  }
  if (value.includes("\n")) return undefined;
  if (node.type === Scalar.QUOTE_DOUBLE) return JSON.stringify(value);
  if (node.type === Scalar.QUOTE_SINGLE) return `'${value.replace(/'/gu, "''")}'`;
  const plain = new Document(value).toString({ lineWidth: 0 }).replace(/\n$/u, "");
  return plain.includes("\n") ? undefined : plain;
}

/** Rewrites only the edited scalars in the source: every other byte of the file stays as it was. */
function spliceScalars(text: string, edits: readonly ScalarEdit[]): string | undefined {
  const replacements: { from: number; to: number; source: string }[] = [];
  for (const edit of edits) {
    const source = scalarSource(edit, text);
    if (source === undefined) return undefined;
    const [from, to] = edit.node.range!;
    replacements.push({ from, to, source });
  }
  let out = text;
  for (const { from, to, source } of replacements.sort((a, b) => b.from - a.from)) out = out.slice(0, from) + source + out.slice(to);
  return out;
}

/** The sequence style of the file: items under their key (`key:\n- a`) or indented (`key:\n  - a`). */
function indentsSequences(text: string): boolean {
  const match = /^( *)[^\s#-][^:\n]*:[ \t]*\n(?:[ \t]*#.*\n)*( *)- /mu.exec(text);
  return !match || (match[2]?.length ?? 0) > (match[1]?.length ?? 0);
}

/**
 * The last text parsed, with its data: the editor sends each edit against the text the previous answer
 * returned, so that text need not be parsed again (a parse is a fair share of a keystroke's time).
 */
let lastParsed: { readonly text: string; readonly document: Document; readonly data: unknown } | undefined;

function parsed(text: string): { document: Document; data: unknown } {
  if (lastParsed?.text === text) return lastParsed;
  const document = withYamlEnv(() => parseDocument(text, { uniqueKeys: true }));
  if (document.errors.length > 0) throw new Error("the draft's text does not parse");
  lastParsed = { text, document, data: document.toJS({ maxAliasCount: 100 }) as unknown };
  return lastParsed;
}

/** The text with the data written into it; the text unchanged when it holds the same data. */
export function applyData(text: string, data: unknown): string {
  const { document, data: before } = parsed(text);
  if (sameValue(before, data)) return text;
  // Typing in a field changes one scalar: rewrite just it, and check that the file now says so.
  const edits: ScalarEdit[] = [];
  if (scalarEdits(document, [], before, data, edits)) {
    const spliced = spliceScalars(text, edits);
    if (spliced !== undefined) {
      const check = withYamlEnv(() => parseDocument(spliced, { uniqueKeys: true }));
      const checked = check.errors.length === 0 ? (check.toJS({ maxAliasCount: 100 }) as unknown) : undefined;
      if (checked !== undefined && sameValue(checked, data)) {
        lastParsed = { text: spliced, document: check, data: checked };
        return spliced;
      }
    }
  }
  // The cached document is about to change: it no longer stands for its text.
  lastParsed = undefined;
  patch(document, [], before, data);
  return document.toString({ lineWidth: 0, indentSeq: indentsSequences(text), flowCollectionPadding: false });
}

export interface DraftDiagnostic {
  readonly path?: FieldPath;
  readonly line?: number;
  readonly column?: number;
  readonly zh: string;
  readonly en: string;
  readonly rule: string;
  readonly severity: "error" | "warning";
}

export interface Evaluation {
  /** Every problem `gongwen validate` reports for this text, errors and warnings. */
  readonly diagnostics: readonly DraftDiagnostic[];
  /** Where the `body` text starts in the file (Markdown body lines are file lines less this). */
  readonly bodyLine?: number;
  /** The preview, when the data is valid. */
  readonly preview?: PreviewModel;
  readonly pages?: number;
  readonly placement?: string;
}

const plain = (d: Diagnostic): DraftDiagnostic => ({
  ...(d.path ? { path: d.path } : {}),
  ...(d.line !== undefined ? { line: d.line } : {}),
  ...(d.column !== undefined ? { column: d.column } : {}),
  zh: d.zh,
  en: d.en,
  rule: d.rule,
  severity: d.severity === "warning" ? "warning" : "error",
});

/** Loads the text as the CLI would, or the problems `validate` would print. */
export function loadDraft(text: string, file: string): { loaded?: LoadedDocument; diagnostics: Diagnostic[] } {
  try {
    const loaded = parseDocumentText(text, file);
    return { loaded, diagnostics: [...loaded.warnings] };
  } catch (error) {
    if (isGongwenError(error)) return { diagnostics: [...error.diagnostics] };
    throw error;
  }
}

/** Checks the text and, when it is valid, lays it out and paginates it for the preview. */
export async function evaluateDraft(text: string, file: string): Promise<Evaluation> {
  // Where the body starts (a second parse, only for files that have a body text).
  const source = /^body:/mu.test(text) ? parseYamlSource(text, file) : undefined;
  const bodyLine = source === undefined || Array.isArray(source) ? undefined : source.origin(["body"])?.line;
  const { loaded, diagnostics } = loadDraft(text, file);
  if (!loaded) return { diagnostics: diagnostics.map(plain), ...(bodyLine !== undefined ? { bodyLine } : {}) };
  const fontsName = loaded.document.fonts ?? "default";
  const fonts = FONT_PROFILES[isFontProfileName(fontsName) ? fontsName : "default"];
  const problems = [...diagnostics];
  let sealImages: Uint8Array[] = [];
  try {
    sealImages = await loadSealImages(loaded);
  } catch (error) {
    if (!isGongwenError(error)) throw error;
    problems.push(...error.diagnostics);
  }
  try {
    const laidOut = layOutDocument(composeLoaded(loaded), { fonts, sealImages });
    const preview = previewModel(laidOut.sections);
    return { diagnostics: problems.map(plain), bodyLine, preview, pages: preview.pages.length, placement: loaded.document.envelope.colophon ? laidOut.plan.placement : undefined };
  } catch (error) {
    if (!isGongwenError(error)) throw error;
    return { diagnostics: [...problems, ...error.diagnostics].map(plain), bodyLine };
  }
}
