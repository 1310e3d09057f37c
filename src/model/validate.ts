import { diagnostic, GongwenError, type Diagnostic, type FieldPath } from "../errors.js";
import { decodeDataFile, isDiagnostic } from "../load/decode.js";
import { readInputFile } from "../load/read-input.js";
import { parseYamlSource, type YamlSource } from "../load/yaml-source.js";
import { circularDocument, type CircularDocument } from "./circular.js";
import { checkCrossRules } from "./cross-rules.js";
import { explainIssue } from "./messages.js";

export interface LoadedDocument {
  readonly file: string;
  /** The exact text of the data file (archived as issued). */
  readonly sourceText: string;
  readonly document: CircularDocument;
  /** Problems that do not stop rendering (e.g. a GBK-encoded file, a title without 文种). */
  readonly warnings: readonly Diagnostic[];
  /** Line and column where a field is written, for later checks to point at. */
  readonly locate: YamlSource["locate"];
}

/**
 * zod compiles a faster checker for each object of the model on first use, some 6 ms that pay off only
 * over many files; a single render checks one. So the first file of a process is checked without it.
 */
let checkedBefore = false;

/** Validates already-parsed data; every problem is reported, each with its place in the file. */
export function validateData(data: unknown, source?: Pick<YamlSource, "file" | "locate">): { document?: CircularDocument; diagnostics: Diagnostic[] } {
  const place = (path: FieldPath) => ({ file: source?.file, path, ...source?.locate(path) });
  const diagnostics: Diagnostic[] = [];

  const jitless = !checkedBefore;
  checkedBefore = true;
  const parsed = circularDocument.safeParse(data, { jitless });
  if (!parsed.success) {
    // The messages need each issue's input (the type received); only failures pay for keeping it.
    const explained = circularDocument.safeParse(data, { jitless, reportInput: true });
    for (const issue of explained.error?.issues ?? []) {
      const issuePath = issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment));
      for (const message of explainIssue(issue)) {
        const path = [...issuePath, ...(message.subPath ?? [])];
        diagnostics.push(diagnostic({ ...place(path), zh: message.zh, en: message.en, rule: message.rule }));
      }
    }
  }
  for (const problem of checkCrossRules(data)) {
    diagnostics.push(diagnostic({ ...place(problem.path), zh: problem.zh, en: problem.en, rule: problem.rule, severity: problem.severity }));
  }
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { document: parsed.success ? parsed.data : undefined, diagnostics };
}

/** Parses YAML text into a validated document, or throws a GongwenError listing every problem. */
export function parseDocumentText(text: string, file: string, extraWarnings: Diagnostic[] = []): LoadedDocument {
  const source = parseYamlSource(text, file);
  if (Array.isArray(source)) throw new GongwenError([...extraWarnings, ...source]);
  const { document, diagnostics } = validateData(source.data, source);
  const errors = diagnostics.filter((d) => d.severity !== "warning");
  const warnings = [...extraWarnings, ...diagnostics.filter((d) => d.severity === "warning")];
  if (errors.length > 0 || !document) throw new GongwenError([...errors, ...warnings]);
  return { file, sourceText: text, document, warnings, locate: source.locate };
}

export async function loadDocumentFile(file: string): Promise<LoadedDocument> {
  const bytes = await readInputFile(file);
  const decoded = decodeDataFile(bytes, file);
  if (isDiagnostic(decoded)) throw new GongwenError([decoded]);
  return parseDocumentText(decoded.text, file, [...decoded.warnings]);
}
