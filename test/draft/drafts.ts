/**
 * Drafts made by other programs, as the tests need them: pandoc from Markdown, LibreOffice from plain
 * text (both from fixtures in test/fixtures/drafts), and the `docx` package with deliberate errors.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";
import { AlignmentType, Document, Footer, LevelFormat, Packer, Paragraph, TextRun } from "docx";
// @ts-expect-error plain JavaScript shared with bench/fuzz.js
import { draftFromLines } from "../../bench/lib/fuzz-cases.js";
import { readDraft } from "../../src/draft/read-draft.js";
import { importDraft } from "../../src/import/to-data.js";
import { importedYaml } from "../../src/import/yaml-file.js";
import { renderFile } from "../../src/pipeline.js";
import { ROOT, SAMPLE } from "../helpers/paths.js";

export const FIXTURES = join(ROOT, "test", "fixtures", "drafts");

export function pandocDocx(markdown: string, outDir: string): string {
  const out = join(outDir, `${basename(markdown, ".md")}-pandoc.docx`);
  const result = spawnSync("pandoc", ["-f", "markdown", "-t", "docx", "-o", out, markdown], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`pandoc failed: ${result.stderr || result.error}`);
  return out;
}

/** LibreOffice's text import, as a clerk's "save the .txt as Word" does it; a profile of its own. */
export function libreOfficeDocx(text: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), "gongwen-test-lo-"));
  try {
    const result = spawnSync("soffice", [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "docx", "--outdir", outDir, text], { encoding: "utf8", timeout: 120_000 });
    if (result.status !== 0) throw new Error(`soffice failed: ${result.stderr || result.error}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, `${basename(text, ".txt")}.docx`);
}

const mm = (value: number) => Math.round((value * 1440) / 25.4);

/**
 * A 通知 a clerk might write in Word, with the errors reviewers find most: margins of Word's default
 * page (25.4 / 31.8 mm), 宋体 body text, the year of the 文号 in square brackets, the date in Chinese
 * digits, a 3号 bold title, a level-1 heading numbered 「一.」, half-width punctuation, no page numbers.
 * The heading numbers 「（一）」 come from Word list numbering, not typed.
 */
export async function deliberateErrorsDocx(): Promise<Uint8Array> {
  const song = (text: string, extra: Record<string, unknown> = {}) => new TextRun({ text, font: { eastAsia: "宋体", ascii: "Times New Roman" }, size: 32, ...extra });
  const body = (text: string) => new Paragraph({ children: [song(text)], indent: { firstLine: 640 }, spacing: { line: 579, lineRule: "exact" } });
  const fangsong = (text: string, extra: Record<string, unknown> = {}) => new TextRun({ text, font: { eastAsia: "仿宋_GB2312" }, size: 32, ...extra });
  const document = new Document({
    numbering: {
      config: [{ reference: "level2", levels: [{ level: 0, format: LevelFormat.CHINESE_COUNTING, text: "（%1）", alignment: AlignmentType.LEFT }] }],
    },
    sections: [
      {
        properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: 1440, bottom: 1440, left: 1800, right: 1800 } } },
        children: [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "青海省政务服务监督管理局文件", font: { eastAsia: "方正小标宋简体" }, size: 52, color: "FF0000" })] }),
          new Paragraph({ children: [] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [fangsong("青政务[2022]11号")] }),
          new Paragraph({ children: [] }),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "关于做好2022年政务服务窗口考核工作的通知", font: { eastAsia: "方正小标宋简体" }, size: 32, bold: true })] }),
          new Paragraph({ children: [fangsong("各市州政务服务监管局:")] }),
          body("为进一步提升全省政务服务水平,现就做好考核工作通知如下。"),
          new Paragraph({ indent: { firstLine: 640 }, children: [new TextRun({ text: "一.考核内容", font: { eastAsia: "黑体" }, size: 32 })] }),
          new Paragraph({ indent: { firstLine: 640 }, numbering: { reference: "level2", level: 0 }, children: [new TextRun({ text: "服务规范。", font: { eastAsia: "楷体_GB2312" }, size: 32 }), song("从服务规范、办事效率、群众评价三个方面进行考核。")] }),
          new Paragraph({ indent: { firstLine: 640 }, numbering: { reference: "level2", level: 0 }, children: [new TextRun({ text: "办事效率。", font: { eastAsia: "楷体_GB2312" }, size: 32 }), song("各地于4月15日前完成自查，")] }),
          // a hard return in the middle of a sentence, and the rest of the paragraph with no indent
          new Paragraph({ children: [song("自查报告于4月30日前报送我局。")] }),
          new Paragraph({ children: [] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [fangsong("青海省政务服务监督管理局")] }),
          new Paragraph({ alignment: AlignmentType.RIGHT, indent: { right: 1280 }, children: [fangsong("二〇二二年三月十五日")] }),
        ],
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "" })] })] }) },
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * A messy 请示 with every element the import knows: 份号, 密级, 紧急程度, 文号 with （2022） and 签发人 on
 * its line after a tab, a title broken by a manual line break, spaces and a tab as indents, four heading
 * levels typed by hand, a table, 附件说明 of two attachments, 附注, the attachments, 抄送 and the 印发 line.
 */
export async function messyRequestDocx(): Promise<Uint8Array> {
  const run = (text: string) => new TextRun({ text, font: { eastAsia: "仿宋_GB2312" }, size: 32 });
  const p = (text: string) => new Paragraph({ children: [run(text)] });
  const { Table, TableRow, TableCell, WidthType } = await import("docx");
  const cell = (text: string) => new TableCell({ children: [p(text)], width: { size: 3000, type: WidthType.DXA } });
  const document = new Document({
    sections: [
      {
        properties: { page: { size: { width: mm(210), height: mm(297) }, margin: { top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) } } },
        children: [
          p("000001"),
          p("机密★1年"),
          p("特急"),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "青海省政务服务监督管理局文件", color: "FF0000", size: 52, font: { eastAsia: "方正小标宋简体" } })] }),
          p("青政务（2022）5号\t签发人：张三"),
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: "关于申请2022年政务服务", size: 44 }), new TextRun({ text: "专项经费的请示", size: 44, break: 1 })] }),
          p(""),
          p("青海省财政厅："),
          p("    为做好2022年政务服务工作,特申请专项经费。"),
          p("\t一、基本情况"),
          p("（一）经费用途。经费用于以下两个方面。"),
          p("1.设备购置。购置服务器等设备。"),
          p("（1）服务器。共2台。"),
          p("2.人员培训。培训窗口人员。"),
          p("二、申请金额"),
          new Table({ rows: [["序号", "项目", "金额（万元）"], ["1", "设备购置", "50"], ["2", "人员培训", "10"]].map((cells) => new TableRow({ children: cells.map(cell) })) }),
          p("妥否，请批示。"),
          p(""),
          p("附件：1.经费预算表"),
          p("      2.项目实施方案"),
          p(""),
          p("青海省政务服务监督管理局"),
          p("2022年3月1日"),
          p("（联系人：李明，电话：0971-8888888）"),
          new Paragraph({ pageBreakBefore: true, children: [run("附件1")] }),
          p("经费预算表"),
          p("设备购置50万元，人员培训10万元。"),
          new Paragraph({ pageBreakBefore: true, children: [run("附件2")] }),
          p("项目实施方案"),
          p("分两个阶段实施。"),
          p("抄送：省政府办公厅。"),
          p("青海省政务服务监督管理局办公室        2022年3月2日印发"),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

/**
 * Imports a draft of the given lines (one paragraph each, centred where `centred` says) in the sample's
 * package shell, as the fuzz run over drafts makes them; with the imported data file's YAML.
 */
export async function importLines(lines: readonly string[], centred: (text: string) => boolean) {
  const docx = (await renderFile(SAMPLE)).bytes;
  const draft = draftFromLines(docx, lines.map((text) => ({ text, align: centred(text) ? "center" : undefined }))) as Uint8Array;
  const result = importDraft(readDraft(draft, "draft.docx"));
  return { ...result, envelope: result.data.envelope as Record<string, unknown>, body: String(result.data.body ?? ""), yaml: importedYaml(result, "draft.docx") };
}
