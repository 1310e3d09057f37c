/**
 * `gongwen check`: a .docx against GB/T 9704, from its XML and (unless told not to) from its real
 * layout through LibreOffice. Findings carry the clause, the place and what was measured. Several files
 * are laid out in one LibreOffice run (starting it costs more than converting a draft).
 */
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isGongwenError, type GongwenError } from "../errors.js";
import { convertToPdf } from "../pdf/libreoffice.js";
import type { Draft } from "../draft/model.js";
import { readDraft } from "../draft/read-draft.js";
import { recognise, type Element, type FormatId } from "../draft/recognise.js";
import { gather, type Finding, type FindingInput } from "./finding.js";
import { layoutRules, locator, readLayout } from "./layout-rules.js";
import { formatRules } from "./format-rules.js";
import { contentRules } from "./content-rules.js";
import { xmlRules } from "./xml-rules.js";

export interface CheckOptions {
  /** Lay the file out with LibreOffice and measure the pages (default true). */
  readonly layout?: boolean;
}

export interface CheckResult {
  readonly file: string;
  readonly findings: readonly Finding[];
  /** Pages of the layout, when it was measured. */
  readonly pages?: number;
  /** Elements recognised, for the report: role → count. */
  readonly elements: Readonly<Record<string, number>>;
  /** The format the head shows; the special formats of §10 are checked only by the rules they share with §7. */
  readonly format: FormatId;
  readonly timings: { readonly xmlMs: number; readonly layoutMs?: number };
}

export interface CheckInput {
  readonly file: string;
  readonly bytes: Uint8Array;
}

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

/**
 * Rules that hold in the special formats of §10 as well (信函, 命令, 纪要 place their head, signature and
 * 版记 by rules of their own, not yet checked here).
 */
const SHARED_RULES = new Set(["paper", "margins", "docno-format", "date-digits", "heading-marker", "heading-sequence", "half-width-punctuation", "page-number-form", "copy-to-stop", "note-parens", "chars-per-line", "scaling"]);

interface Prepared {
  readonly input: CheckInput;
  readonly format: FormatId;
  readonly draft: Draft;
  readonly elements: readonly Element[];
  readonly inputs: FindingInput[];
  readonly xmlMs: number;
}

function prepare(input: CheckInput): Prepared {
  const started = performance.now();
  const draft = readDraft(input.bytes, input.file);
  const { elements, format } = recognise(draft);
  return { input, format, draft, elements, inputs: [...xmlRules(draft, elements), ...contentRules(elements)], xmlMs: performance.now() - started };
}

function finish(prepared: Prepared, layout?: { pages: number; place: (paragraph: number) => { page: number; line: number } | undefined; ms: number }): CheckResult {
  const findings = gather(prepared.format === "file" ? prepared.inputs : prepared.inputs.filter((f) => SHARED_RULES.has(f.rule) || f.rule.startsWith(`${prepared.format}-`)))
    .map((f) => {
      const first = f.paragraphs?.[0];
      const at = first !== undefined && layout ? layout.place(first) : undefined;
      return at && f.where.page === undefined ? { ...f, where: { ...f.where, page: at.page, line: at.line } } : f;
    })
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.where.page ?? 0) - (b.where.page ?? 0) || (a.where.paragraph ?? 0) - (b.where.paragraph ?? 0));
  const counts: Record<string, number> = {};
  for (const e of prepared.elements) counts[e.role] = (counts[e.role] ?? 0) + 1;
  return {
    file: prepared.input.file,
    findings,
    ...(layout ? { pages: layout.pages } : {}),
    elements: counts,
    format: prepared.format,
    timings: { xmlMs: prepared.xmlMs, ...(layout ? { layoutMs: layout.ms } : {}) },
  };
}

/**
 * Checks each input; an input that cannot be used gives its GongwenError in its place, the others
 * are still checked. The drafts are converted by one LibreOffice run.
 */
export async function checkDocxFiles(inputs: readonly CheckInput[], options: CheckOptions = {}): Promise<Array<CheckResult | GongwenError>> {
  const prepared = inputs.map((input): Prepared | GongwenError => {
    try {
      return prepare(input);
    } catch (error) {
      if (isGongwenError(error)) return error;
      throw error;
    }
  });
  const usable = prepared.filter((p): p is Prepared => !isGongwenError(p));
  if (options.layout === false || usable.length === 0) return prepared.map((p) => (isGongwenError(p) ? p : finish(p)));

  const started = performance.now();
  const dir = await mkdtemp(join(tmpdir(), "gongwen-check-"));
  try {
    // Copies under plain, distinct names: LibreOffice names each PDF after its input.
    const copies = await Promise.all(usable.map(async (p, index) => {
      const copy = join(dir, `draft-${index + 1}.docx`);
      await writeFile(copy, p.input.bytes);
      return copy;
    }));
    const pdfs = await convertToPdf(copies, dir);
    const layouts = new Map<Prepared, { pages: number; place: (paragraph: number) => { page: number; line: number } | undefined; ms: number }>();
    for (const [index, p] of usable.entries()) {
      const pdf = pdfs[index]!.pdf;
      const layout = await readLayout(pdf);
      // A fact the XML already states (no page-number field, a black mark) is not reported again page by page.
      const stated = new Set<string>(p.inputs.map((f) => f.rule).filter((rule) => rule === "mark-red" || rule === "page-number-missing"));
      p.inputs.push(...(await layoutRules(p.draft, p.elements, pdf, layout)).filter((f) => !stated.has(f.rule)));
      if (p.format !== "file") p.inputs.push(...(await formatRules(p.format, p.elements, pdf, layout)));
      layouts.set(p, { pages: layout.pages, place: locator(layout, p.draft), ms: 0 });
    }
    const perFile = (performance.now() - started) / usable.length;
    return prepared.map((p) => (isGongwenError(p) ? p : finish(p, { ...layouts.get(p)!, ms: perFile })));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

export async function checkDocx(bytes: Uint8Array, file: string, options: CheckOptions = {}): Promise<CheckResult> {
  const [result] = await checkDocxFiles([{ file, bytes }], options);
  if (isGongwenError(result)) throw result;
  return result!;
}
