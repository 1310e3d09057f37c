/**
 * A small 公文-like .docx for the PDF tests: GB/T 9704 page and margins, text in the bureau font names
 * (mapped to free fonts by fonts/fonts.conf), a red rule under the 发文字号 and a black-bordered table.
 */
import { writeFile } from "node:fs/promises";
import {
  AlignmentType,
  BorderStyle,
  Document,
  LineRuleType,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";

export const TWIP_MM = 25.4 / 1440;
export const MARGIN = { top: 2098, left: 1587, right: 1474, bottom: 1984 } as const;
/** Exact line pitch of every paragraph (22 lines per 版心). */
export const LINE = 579;

export const TITLE_TEXT = "关于规范公文格式的通知";
export const DOC_NUMBER_TEXT = "国办发〔2024〕1号";
export const BODY_TEXT = "各有关单位：现将公文格式规范化工作要求通知如下。";
export const HEADING_TEXT = "一、总体要求";
export const KAI_TEXT = "（一）工作目标";
export const CELL_TEXT = ["项目", "数量", "经费", "备注"] as const;

/** 0-based line slots of the exact-579 layout: the red rule lies at the bottom of the 发文字号's slot. */
export const SLOT = { title: 0, docNumber: 2, body: 4, table: 8 } as const;

/** Top of a line slot, from the top of the page. */
export function slotTopMm(slot: number): number {
  return (MARGIN.top + slot * LINE) * TWIP_MM;
}

function run(text: string, font: string, sizePt: number, color?: string): TextRun {
  return new TextRun({
    text,
    size: sizePt * 2,
    color,
    font: { ascii: "Times New Roman", hAnsi: "Times New Roman", eastAsia: font },
  });
}

function line(children: TextRun[], extra: Partial<ConstructorParameters<typeof Paragraph>[0] & object> = {}): Paragraph {
  return new Paragraph({ children, spacing: { line: LINE, lineRule: LineRuleType.EXACT, before: 0, after: 0 }, ...extra });
}

export interface SampleOptions {
  /** Replaces the body text, to tell batch outputs apart. */
  readonly body?: string;
}

export async function writeSampleDocx(path: string, options: SampleOptions = {}): Promise<void> {
  const black = { style: BorderStyle.SINGLE, size: 8, color: "000000" };
  const cell = (text: string) =>
    new TableCell({ width: { size: 4422, type: WidthType.DXA }, children: [line([run(text, "仿宋_GB2312", 16)])] });
  const doc = new Document({
    sections: [
      {
        properties: {
          page: { size: { width: 11906, height: 16838 }, margin: { ...MARGIN, header: 851, footer: 992 } },
        },
        children: [
          line([run(TITLE_TEXT, "方正小标宋简体", 22)], { alignment: AlignmentType.CENTER }),
          line([]),
          line([run(DOC_NUMBER_TEXT, "仿宋_GB2312", 16)], {
            alignment: AlignmentType.CENTER,
            // 1 pt red rule under the 发文字号, touching the line box.
            border: { bottom: { style: BorderStyle.SINGLE, size: 8, color: "FF0000", space: 0 } },
          }),
          line([]),
          line([run(options.body ?? BODY_TEXT, "仿宋_GB2312", 16)]),
          line([run(HEADING_TEXT, "黑体", 16)]),
          line([run(KAI_TEXT, "楷体_GB2312", 16)]),
          line([]),
          new Table({
            columnWidths: [4422, 4422],
            width: { size: 8844, type: WidthType.DXA },
            borders: { top: black, bottom: black, left: black, right: black, insideHorizontal: black, insideVertical: black },
            rows: [
              new TableRow({ children: [cell(CELL_TEXT[0]), cell(CELL_TEXT[1])] }),
              new TableRow({ children: [cell(CELL_TEXT[2]), cell(CELL_TEXT[3])] }),
            ],
          }),
          line([]),
        ],
      },
    ],
  });
  await writeFile(path, await Packer.toBuffer(doc));
}
