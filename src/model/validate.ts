import { titleWarnings } from "../compose/title-check.js";
import { diagnostic, GongwenError, type Diagnostic, type FieldPath } from "../errors.js";
import type { DataFile, DocumentKind } from "../kinds/kind.js";
import { allKinds, findKind } from "../kinds/registry.js";
import { decodeDataFile, isDiagnostic } from "../load/decode.js";
import { readInputFileSync } from "../load/read-input.js";
import { MAX_DATA_FILE_BYTES } from "../limits.js";
import { parseYamlSource, type YamlSource } from "../load/yaml-source.js";
import { envelopeCrossRules, type CrossRuleProblem } from "./cross-rules.js";
import { explainIssue } from "./messages.js";
import { knownFields, nearestField } from "./nearest-field.js";

export interface LoadedDocument {
  readonly file: string;
  /** The exact text of the data file (archived as issued). */
  readonly sourceText: string;
  /** The kind the file names, which composes it. */
  readonly kind: DocumentKind;
  readonly document: DataFile;
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

type Source = Pick<YamlSource, "file" | "locate" | "origin">;

/** The kind a data file names, or the problem with its `kind` field. */
function kindOf(data: unknown, place: (path: FieldPath) => Partial<Diagnostic>): DocumentKind | Diagnostic {
  const known = allKinds().map((kind) => kind.id);
  const name = data !== null && typeof data === "object" ? (data as Record<string, unknown>).kind : undefined;
  if (typeof name === "string") {
    const kind = findKind(name);
    if (kind) return kind;
  }
  return diagnostic({
    ...place(["kind"]),
    zh: name === undefined ? `缺少 kind 字段，可选：${known.join("、")}` : `未知的种类“${String(name)}”，可选：${known.join("、")}`,
    en: name === undefined ? `the kind field is missing; choose one of: ${known.join(", ")}` : `unknown kind "${String(name)}"; choose one of: ${known.join(", ")}`,
    rule: "kind",
  });
}

/** 「是否应为 signedOn？」 for an unknown field one typo away from a known one. */
function suggestion(schema: DocumentKind["schema"], path: FieldPath): { zh: string; en: string } | undefined {
  const name = path[path.length - 1];
  if (typeof name !== "string") return undefined;
  const nearest = nearestField(name, knownFields(schema as never, path.slice(0, -1)));
  return nearest === undefined ? undefined : { zh: `：是否应为 ${nearest}？`, en: `: did you mean ${nearest}?` };
}

/** Validates already-parsed data; every problem is reported, each with its place in the file. */
export function validateData(data: unknown, source?: Source): { document?: DataFile; kind?: DocumentKind; diagnostics: Diagnostic[] } {
  const place = (path: FieldPath) => ({ file: source?.file, path, ...source?.locate(path) });
  const kind = kindOf(data, place);
  if (!("schema" in kind)) return { diagnostics: [kind] };
  const diagnostics: Diagnostic[] = [];

  const jitless = !checkedBefore;
  checkedBefore = true;
  const parsed = kind.schema.safeParse(data, { jitless });
  if (!parsed.success) {
    // The messages need each issue's input (the type received); only failures pay for keeping it.
    const explained = kind.schema.safeParse(data, { jitless, reportInput: true });
    for (const issue of explained.error?.issues ?? []) {
      const issuePath = issue.path.map((segment) => (typeof segment === "symbol" ? String(segment) : segment));
      for (const message of explainIssue(issue)) {
        const path = [...issuePath, ...(message.subPath ?? [])];
        const hint = message.rule === "unknown-field" ? suggestion(kind.schema, path) : undefined;
        diagnostics.push(diagnostic({ ...place(path), zh: message.zh + (hint?.zh ?? ""), en: message.en + (hint?.en ?? ""), rule: message.rule }));
      }
    }
  }
  const problems: CrossRuleProblem[] = [...envelopeCrossRules(data), ...(kind.crossRules?.(data) ?? [])];
  for (const problem of problems) {
    diagnostics.push(diagnostic({ ...place(problem.path), zh: problem.zh, en: problem.en, rule: problem.rule, severity: problem.severity }));
  }
  if (parsed.success && kind.check) {
    diagnostics.push(...kind.check(parsed.data, {
      file: source?.file,
      locate: (path) => source?.locate(path),
      origin: (path) => source?.origin(path),
    }));
  }
  diagnostics.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { document: parsed.success ? parsed.data : undefined, kind, diagnostics };
}

/** How much a load reports besides errors. */
export interface LoadOptions {
  /**
   * false: the caller prints errors only (`render -q`), so analyses that can only warn are skipped —
   * the title's word breaks need ICU's Chinese dictionary, ~15 ms of a cold start. Default true.
   */
  readonly warnings?: boolean;
}

/** Parses YAML text into a validated document, or throws a GongwenError listing every problem. */
export function parseDocumentText(text: string, file: string, extraWarnings: Diagnostic[] = [], options: LoadOptions = {}): LoadedDocument {
  const source = parseYamlSource(text, file);
  if (Array.isArray(source)) throw new GongwenError([...extraWarnings, ...source]);
  const { document, kind, diagnostics } = validateData(source.data, source);
  const errors = diagnostics.filter((d) => d.severity !== "warning");
  const warnings = [...extraWarnings, ...diagnostics.filter((d) => d.severity === "warning")];
  if (errors.length > 0 || !document || !kind) throw new GongwenError([...errors, ...warnings]);
  // Hand-broken title lines are checked here, so validate and render warn alike.
  if (options.warnings !== false) warnings.push(...titleWarnings(document.envelope, file, source.locate));
  return { file, sourceText: text, kind, document, warnings, locate: source.locate };
}

export async function loadDocumentFile(file: string, options: LoadOptions = {}): Promise<LoadedDocument> {
  // Read synchronously: a data file is small and local, and the asynchronous read cost five round trips
  // through libuv's thread pool per file, a batch's largest cost after rendering itself (profiled).
  const bytes = readInputFileSync(file, MAX_DATA_FILE_BYTES);
  const decoded = decodeDataFile(bytes, file);
  if (isDiagnostic(decoded)) throw new GongwenError([decoded]);
  return parseDocumentText(decoded.text, file, [...decoded.warnings], options);
}
