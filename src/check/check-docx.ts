/**
 * `gongwen check`: a .docx against GB/T 9704, from its XML and (unless told not to) from its real
 * layout through LibreOffice. Findings carry the clause, the place and what was measured.
 */
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertToPdf } from "../pdf/libreoffice.js";
import { readDraft } from "../draft/read-draft.js";
import { recognise } from "../draft/recognise.js";
import { gather, type Finding } from "./finding.js";
import { layoutRules, locator, readLayout } from "./layout-rules.js";
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
  readonly timings: { readonly xmlMs: number; readonly layoutMs?: number };
}

const SEVERITY_ORDER = { error: 0, warning: 1 } as const;

export async function checkDocx(bytes: Uint8Array, file: string, options: CheckOptions = {}): Promise<CheckResult> {
  const started = performance.now();
  const draft = readDraft(bytes, file);
  const { elements } = recognise(draft);
  const inputs = xmlRules(draft, elements);
  const xmlMs = performance.now() - started;
  let pages: number | undefined;
  let layoutMs: number | undefined;
  let place: ((paragraph: number) => { page: number; line: number } | undefined) | undefined;
  if (options.layout !== false) {
    const layoutStarted = performance.now();
    const dir = await mkdtemp(join(tmpdir(), "gongwen-check-"));
    try {
      // A copy under a plain name: LibreOffice names its PDF after the input, and the input's name is the user's.
      const input = join(dir, "draft.docx");
      await copyFile(file, input).catch(async () => (await import("node:fs/promises")).writeFile(input, bytes));
      const [result] = await convertToPdf([input], dir);
      const layout = await readLayout(result!.pdf);
      pages = layout.pages;
      place = locator(layout, draft);
      // A fact the XML already states (no page-number field, a black mark) is not reported again page by page.
      const stated = new Set<string>(inputs.map((f) => f.rule).filter((rule) => rule === "mark-red" || rule === "page-number-missing"));
      inputs.push(...(await layoutRules(draft, elements, result!.pdf, layout)).filter((f) => !stated.has(f.rule)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    layoutMs = performance.now() - layoutStarted;
  }
  const findings = gather(inputs)
    .map((f) => {
      const first = f.paragraphs?.[0];
      const at = first !== undefined && place ? place(first) : undefined;
      return at && f.where.page === undefined ? { ...f, where: { ...f.where, page: at.page, line: at.line } } : f;
    })
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || (a.where.page ?? 0) - (b.where.page ?? 0) || (a.where.paragraph ?? 0) - (b.where.paragraph ?? 0));
  const counts: Record<string, number> = {};
  for (const e of elements) counts[e.role] = (counts[e.role] ?? 0) + 1;
  return { file, findings, ...(pages !== undefined ? { pages } : {}), elements: counts, timings: { xmlMs, ...(layoutMs !== undefined ? { layoutMs } : {}) } };
}
