import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument } from "yaml";
import { tempDir } from "./data.js";
import { sealPng } from "./png.js";
import { STARTERS, type StarterName } from "./starters.js";
import type { Variant } from "./variants.js";

/**
 * Documents of the family beyond the starter files, each written to a data file of its own: shapes the
 * starters do not show (a wide table on landscape pages, joint issuers with electronic seals side by
 * side, several 签发人, several attachments).
 */

type Edit = readonly [ReadonlyArray<string | number>, unknown];

function starterWith(name: StarterName, edits: readonly Edit[]): string {
  const document = parseDocument(readFileSync(STARTERS[name], "utf8"));
  for (const [path, value] of edits) {
    if (value === undefined) document.deleteIn([...path]);
    else document.setIn([...path], value);
  }
  return document.toString({ lineWidth: 0 });
}

function write(name: string, text: string, files: Record<string, Uint8Array> = {}): Variant {
  const dir = tempDir(`gongwen-${name}-`);
  for (const [file, bytes] of Object.entries(files)) writeFileSync(join(dir, file), bytes);
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  return { name, file };
}

const WIDE_TABLE = [
  "<!-- table: {landscape: true} -->",
  "| 序号 | 事项名称 | 实施主体 | 办理层级 | 承诺时限 | 法定时限 | 收费标准 | 办理地点 | 咨询电话 |",
  "| :-: | --- | --- | :-: | :-: | :-: | --- | --- | --- |",
  ...Array.from({ length: 14 }, (_, i) =>
    `| ${i + 1} | ${["企业设立登记", "不动产登记", "社会保险登记", "建设工程规划许可"][i % 4]} | ${["市场监管局", "自然资源局", "人社局", "住建局"][i % 4]} | 市级 | ${i % 3 === 0 ? "即办" : `${i % 5 + 1}个工作日`} | 15个工作日 | 不收费 | 政务服务中心${(i % 3) + 1}楼 | 0971-${String(1111111 * ((i % 9) + 1))} |`),
  "",
].join("\n");

export function familyVariants(): Variant[] {
  return [
    ...Object.entries(STARTERS).map(([name, file]) => ({ name, file })),
    write(
      "landscape",
      starterWith("notice", [
        [["envelope", "docNumber"], "青政务〔2022〕12号"],
        [["envelope", "attachments"], [
          { title: "政务服务事项清单", body: WIDE_TABLE },
          { title: "填报说明", body: "请按附件1逐项填报，承诺时限以工作日计。" },
        ]],
      ]),
    ),
    write(
      "joint-seals",
      starterWith("notice", [
        [["envelope", "issuers"], [{ name: "青海省政务服务监督管理局" }, { name: "青海省财政厅" }, { name: "青海省市场监督管理局" }]],
        [["envelope", "title"], "青海省政务服务监督管理局 青海省财政厅 青海省市场监督管理局关于公布2021年度政务服务窗口考核结果的通知"],
        [["envelope", "seal"], { images: ["seal.png", "seal.png", "seal.png"] }],
        [["envelope", "attachments"], undefined],
      ]),
      { "seal.png": sealPng() },
    ),
    write(
      "request-signers",
      starterWith("request", [
        [["envelope", "issuers"], [{ name: "青海省政务服务监督管理局" }, { name: "青海省财政厅" }, { name: "青海省发展和改革委员会" }]],
        [["envelope", "signers"], ["张三", "李四", "王五"]],
      ]),
    ),
  ];
}
