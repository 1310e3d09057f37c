import { diagnostic, type Diagnostic } from "../errors.js";
import { validateTitleLines, type TitleProblem } from "../layout/title-breaks.js";
import type { Envelope } from "../model/envelope.js";
import type { LoadedDocument } from "../model/validate.js";

/**
 * Title lines the clerk broke by hand are kept as written (explicit breaks win), but a line too wide
 * for the 版心, a split word or name, a stray character or an hourglass shape deserves a warning
 * (GB/T 9704 §7.3.1: 词意完整，排列对称，梯形或菱形).
 */

const KIND_ZH: Record<TitleProblem["kind"], string> = {
  "too-wide": "标题这一行超出版心宽度，会被自动折行",
  "word-split": "标题在词语、数字或引号内的名称中间回行",
  "stray-char": "标题这一行只有一个字",
  punctuation: "标题行首或行尾的标点不合规范",
  shape: "标题各行未排成梯形或菱形",
};

/**
 * Problems by title, for the last few titles seen: a bureau's batch gives many documents one title,
 * and the analysis (Chinese word boundaries, widths) is ~0.15 ms a title, measured in-process.
 */
const problemsByTitle = new Map<string, readonly TitleProblem[]>();
const REMEMBERED_TITLES = 64;

function titleProblems(lines: readonly string[]): readonly TitleProblem[] {
  const key = lines.join("\n");
  let problems = problemsByTitle.get(key);
  if (!problems) {
    problems = validateTitleLines(lines, { trackingPt: 0 });
    if (problemsByTitle.size >= REMEMBERED_TITLES) problemsByTitle.delete(problemsByTitle.keys().next().value as string);
    problemsByTitle.set(key, problems);
  }
  return problems;
}

export function titleWarnings(envelope: Envelope, file?: string, locate?: LoadedDocument["locate"]): Diagnostic[] {
  if (envelope.title === undefined || typeof envelope.title === "string") return [];
  return titleProblems(envelope.title).map((problem) => {
    const path = problem.kind === "shape" ? ["envelope", "title"] : ["envelope", "title", problem.line];
    return diagnostic({
      file,
      path,
      ...locate?.(path),
      severity: "warning",
      zh: KIND_ZH[problem.kind],
      en: problem.message,
      rule: `title-${problem.kind}`,
    });
  });
}
