/**
 * Drafts for review tests: the sample circular as the "2nd draft" and a "3rd draft" edited the way
 * a 处长's staff edit one (a sentence rewritten, points added, removed and reordered, the date, the
 * 发文字号 and the 抄送 list changed), each as a data file and as its rendered .docx.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { renderFile } from "../../../src/pipeline.js";
import { sampleText, sampleWith, tempDir } from "../../helpers/data.js";

type Edits = ReadonlyArray<readonly [ReadonlyArray<string | number>, unknown]>;

interface Point {
  title: string;
  text: string;
}

const sample = parse(sampleText()) as {
  content: { baseline: { points: Point[] }; problems: { points: Point[] }; results: { awarded: string[] } };
};

export const REWRITE = { before: "加强业务学习，在工作中学以致用", after: "加强政策法规学习，在实际工作中学以致用" } as const;
export const NEW_POINT: Point = { title: "宣传力度还需加大。", text: "部分公共资源交易中心对创建工作的宣传不够，社会公众知晓度不高。" };
export const REMOVED_POINT = sample.content.problems.points[1]!;
export const MOVED_POINT = sample.content.baseline.points[3]!;

/** Baseline point 4 (规范透明) moved to second place; point 3 rewritten in one sentence. */
function baselinePoints(): Point[] {
  const points = sample.content.baseline.points.map((p) => ({ ...p }));
  const [moved] = points.splice(3, 1);
  points.splice(1, 0, moved!);
  const edited = points[3]!;
  edited.text = edited.text.replace(REWRITE.before, REWRITE.after);
  return points;
}

export const THIRD_DRAFT_EDITS: Edits = [
  [["envelope", "signedOn"], "2022-01-28"],
  [["envelope", "docNumber", "serial"], 4],
  [["envelope", "colophon", "copyTo"], ["省政府办公厅", "省发展改革委"]],
  [["content", "baseline", "points"], baselinePoints()],
  [["content", "problems", "points"], [sample.content.problems.points[0], sample.content.problems.points[2], NEW_POINT]],
  [["content", "results", "awarded"], [...sample.content.results.awarded, "海东市公共资源交易中心"]],
];

export interface DraftFiles {
  readonly yaml: string;
  readonly docx: string;
}

/** Writes the data file and its rendered .docx into `dir`. */
export async function writeDraft(dir: string, name: string, edits: Edits = []): Promise<DraftFiles> {
  const yaml = join(dir, `${name}.yaml`);
  writeFileSync(yaml, edits.length > 0 ? sampleWith(edits) : sampleText());
  const docx = join(dir, `${name}.docx`);
  writeFileSync(docx, (await renderFile(yaml)).bytes);
  return { yaml, docx };
}

/** The 2nd draft (the sample) and the 3rd, in a fresh temporary folder. */
export async function secondAndThirdDrafts(): Promise<{ dir: string; second: DraftFiles; third: DraftFiles }> {
  const dir = tempDir("gongwen-review-");
  return { dir, second: await writeDraft(dir, "draft2"), third: await writeDraft(dir, "draft3", THIRD_DRAFT_EDITS) };
}
