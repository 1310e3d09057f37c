/**
 * One deviation from GB/T 9704 (or the rules it relies on: 条例, GB/T 15834 punctuation): which rule,
 * which clause, where on the page, what was measured, what is wanted. Findings of one rule with the
 * same measurement are gathered into one (「正文 23 段用宋体 12 磅」, not 23 lines).
 */

export type Severity = "error" | "warning";

export interface Where {
  /** 1-based page and grid line, when the layout was measured. */
  readonly page?: number;
  readonly line?: number;
  /** 1-based paragraph of the draft. */
  readonly paragraph?: number;
  /** The paragraph's first words. */
  readonly words?: string;
}

export interface Finding {
  readonly rule: string;
  readonly severity: Severity;
  /** e.g. `§7.2.5`, `条例第九条`, `GB/T 15834`. */
  readonly clause: string;
  /** The element concerned, Chinese (发文字号, 正文, 页码 …). */
  readonly element: string;
  readonly where: Where;
  readonly measured: string;
  readonly wanted: string;
  readonly zh: string;
  readonly en: string;
  /** How many places share this finding (1 when alone). */
  readonly count: number;
  /** Paragraph indices (0-based) of the places, for locating them on the layout. */
  readonly paragraphs?: readonly number[];
}

export type FindingInput = Omit<Finding, "count" | "where"> & { readonly where?: Where; readonly paragraphs?: readonly number[] };

/** Gathers findings of one rule and measurement; keeps the first place as `where`. */
export function gather(inputs: readonly FindingInput[]): Finding[] {
  const out = new Map<string, { finding: FindingInput; paragraphs: number[]; count: number }>();
  for (const input of inputs) {
    const key = `${input.rule}\u0000${input.element}\u0000${input.measured}`;
    const seen = out.get(key);
    if (seen) {
      seen.count++;
      seen.paragraphs.push(...(input.paragraphs ?? []));
    } else out.set(key, { finding: input, paragraphs: [...(input.paragraphs ?? [])], count: 1 });
  }
  return [...out.values()].map(({ finding, paragraphs, count }) => ({ ...finding, where: finding.where ?? {}, count, ...(paragraphs.length > 0 ? { paragraphs } : {}) }));
}
