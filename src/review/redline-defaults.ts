/**
 * Who made the tracked changes, and when, when the user does not say: taken from the drafts, never
 * from the clock, so the same drafts always give the same redline bytes.
 */
import { diagnostic, GongwenError } from "../errors.js";
import type { Draft } from "./paragraphs.js";

export const DEFAULT_AUTHOR = "gongwen";

/** `--author`, else the first issuing organ of the new (then the old) data file, else "gongwen". */
export function revisionAuthor(oldDraft: Draft, newDraft: Draft, explicit?: string): string {
  if (explicit !== undefined && explicit.trim() !== "") return checkedAuthor(explicit.trim());
  const issuer = (d: Draft) => d.loaded?.document.envelope.issuers[0]?.name;
  return issuer(newDraft) ?? issuer(oldDraft) ?? DEFAULT_AUTHOR;
}

/**
 * `--date`, else the new draft's 成文日期 at midnight UTC: from the model of a data file, or from a
 * .docx's date line (the last line that is only a date, `2022年1月27日`; the 印发 line says 印发).
 * Undefined when none is found: the marks then carry no date rather than the time of the run.
 */
export function revisionDate(newDraft: Draft, explicit?: string): string | undefined {
  if (explicit !== undefined) return normaliseDate(explicit);
  const signed = newDraft.loaded?.document.envelope.signedOn;
  if (signed) return `${signed}T00:00:00Z`;
  for (const line of [...newDraft.lines].reverse()) {
    const m = /^\s*(\d{4})年(\d{1,2})月(\d{1,2})日\s*$/u.exec(line);
    if (m) return `${m[1]}-${m[2]!.padStart(2, "0")}-${m[3]!.padStart(2, "0")}T00:00:00Z`;
  }
  return undefined;
}

/** `2022-01-28` or an ISO date-time with a zone, as `2022-01-28T00:00:00Z` (UTC, whole seconds). */
export function normaliseDate(input: string): string {
  const text = input.trim();
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(text);
  const dateTime = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(text);
  const parsed = new Date(dateOnly ? `${text}T00:00:00Z` : text);
  if ((!dateOnly && !dateTime) || Number.isNaN(parsed.getTime()) || (dateOnly && parsed.toISOString().slice(0, 10) !== text)) {
    throw new GongwenError(
      [
        diagnostic({
          zh: `修订时间“${input}”无效，应写成 2022-01-28 或 2022-01-28T09:30:00+08:00`,
          en: `invalid revision date "${input}"; write 2022-01-28 or 2022-01-28T09:30:00+08:00`,
          rule: "redline-date",
        }),
      ],
      64,
    );
  }
  return `${parsed.toISOString().slice(0, 19)}Z`;
}

/**
 * XML 1.0 cannot carry control characters (nor unpaired surrogates or U+FFFE/U+FFFF) even escaped: an
 * `--author` holding one gave a redline Word refuses to open. Refused with a usage error (64).
 */
function checkedAuthor(author: string): string {
  const bad = /[\p{Cc}\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u.exec(author);
  if (!bad) return author;
  const code = `U+${bad[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  throw new GongwenError(
    [diagnostic({ zh: `--author 含有控制字符 ${code}，修订稿中不能使用`, en: `--author holds the control character ${code}, which a redline cannot carry`, rule: "usage" })],
    64,
  );
}
