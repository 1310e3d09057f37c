import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { FONT_PROFILES } from "../../src/layout/fonts.js";
import { layOutDocument } from "../../src/layout/lay-out.js";
import type { PaginationPlan } from "../../src/layout/paginate.js";
import { parseDocumentText } from "../../src/model/validate.js";
import { composeLoaded } from "../../src/pipeline.js";
import { sampleWith, tempDir } from "./data.js";
import { sealPng } from "./png.js";

/**
 * Circulars of other lengths and shapes than the sample, generated from it, for layout tests: each is
 * written to a data file of its own, as a clerk would have it.
 */

type Edit = readonly [ReadonlyArray<string | number>, unknown];

const POINT = {
  title: "坚持问题导向，整改工作扎实推进。",
  text: "各公共资源交易中心对照考核发现的问题逐项建立台账，明确责任人和完成时限，整改情况按月报送，确保问题整改到位。",
};

function planOf(text: string): PaginationPlan {
  return layOutDocument(composeLoaded(parseDocumentText(text, "variant.yaml")), { fonts: FONT_PROFILES.default }).plan;
}

const SHORT: Edit[] = [
  [["content", "baseline", "points"], [{ title: "强化标准，基础设施合理配置。", text: "各中心设施齐全。" }]],
  [["content", "highlights", "points"], [{ title: "在提质增效上甘当务实有为的“孺子牛”。", text: "各中心全面深化“放管服”改革。" }]],
  [["content", "problems", "points"], [{ title: "基础设施还需完善。", text: "个别中心设备不全。" }]],
  [["content", "baseline", "summary"], "各政务服务监管局高度重视，精准谋划，科学部署。"],
  [["content", "problems", "intro"], "但也存在一定的不足，具体表现在："],
  [["content", "results", "closing"], "希望各单位再接再厉。"],
];

/**
 * The short circular grown line by line (points added, the closing lengthened a line at a time) until
 * the estimate meets `wanted`: the layout test then checks the estimate on the real layout.
 */
function grown(wanted: (plan: PaginationPlan) => boolean): string {
  const line = "进一步提升公共资源交易服务水平，推动各项工作再上新台阶，";
  for (let points = 1; points < 40; points++) {
    for (let extraLines = 0; extraLines < 3; extraLines++) {
      const text = sampleWith([
        ...SHORT,
        [["content", "baseline", "points"], Array.from({ length: points }, () => POINT)],
        [["content", "results", "closing"], `希望各单位${line.repeat(extraLines)}再接再厉。`],
      ]);
      if (wanted(planOf(text))) return text;
    }
  }
  throw new Error("no variant found");
}

export interface Variant {
  readonly name: string;
  readonly file: string;
}

function write(name: string, text: string, files: Record<string, Uint8Array> = {}): Variant {
  const dir = tempDir(`gongwen-${name}-`);
  for (const [file, bytes] of Object.entries(files)) writeFileSync(join(dir, file), bytes);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return { name, file };
}

export function layoutVariants(): Variant[] {
  return [
    write("short", sampleWith(SHORT)),
    write("same-page-p4", grown((plan) => plan.placement === "same-page" && plan.contentEnd.page === 4)),
    write("blank-page", grown((plan) => plan.placement === "blank-then-page")),
    write(
      "attachments",
      sampleWith([
        ...SHORT,
        [["envelope", "attachments"], [
          { title: "2021年度考核评分汇总表", paragraphs: ["海北州公共资源交易中心：96分。", "格尔木市公共资源交易中心：95分。"] },
          { title: "考核组成员名单", paragraphs: ["组长：张三；成员：李四、王五。"] },
        ]],
      ]),
    ),
    write("seal-image", sampleWith([...SHORT, [["envelope", "seal"], { image: "seal.png" }]]), { "seal.png": sealPng() }),
    write(
      "joint",
      sampleWith([
        ...SHORT,
        [["envelope", "issuers"], [{ name: "青海省政务服务监督管理局" }, { name: "青海省财政厅" }]],
        [["envelope", "issuerMark"], undefined],
        [["envelope", "signature"], ["青海省政务服务监督管理局", "青海省财政厅"]],
      ]),
    ),
    write(
      "unsealed-secret",
      sampleWith([
        ...SHORT,
        [["envelope", "seal"], "none"],
        [["envelope", "copyNumber"], "000123"],
        [["envelope", "secrecy"], { level: "秘密", term: "1年" }],
        [["envelope", "urgency"], "加急"],
        [["envelope", "note"], { publicity: "依申请公开", placement: "below-date" }],
      ]),
    ),
  ];
}
