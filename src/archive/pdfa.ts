import { diagnostic, GongwenError, type Diagnostic } from "../errors.js";
import { pdfFonts, pdfInfo, pdfXmp, type PdfInfo } from "../pdf/poppler.js";

/**
 * What makes the PDF fit for the archive, read back from the file rather than trusted from the
 * converter's options: it declares PDF/A-2b in its XMP (pdfaid:part 2, conformance B), every font is
 * embedded (a PDF/A-2 requirement, and the one that decides whether the 公文 still looks the same in
 * 30 years), and its document properties carry the 公文's metadata like the .docx does.
 *
 * This is a declaration check, not a full PDF/A validation (veraPDF would be one; it is not installed).
 */

export interface PdfProperties {
  /** Info Title = 标题. */
  readonly title: string;
  /** Info Author = 发文机关, joined with 、 (LibreOffice copies dc:creator of the .docx). */
  readonly author: string;
  /** Info Subject and Keywords = 发文字号. */
  readonly subject: string;
  readonly keywords: string;
}

export interface PdfACheck {
  readonly part?: string;
  readonly conformance?: string;
  readonly fonts: number;
  readonly notEmbedded: readonly string[];
  readonly info: PdfInfo;
  readonly problems: readonly Diagnostic[];
}

/** `<pdfaid:part>2</pdfaid:part>` or the attribute form `pdfaid:part="2"`: both are valid XMP. */
export function readPdfAId(xmp: string): { part?: string; conformance?: string } {
  const value = (name: string) =>
    new RegExp(`<pdfaid:${name}>\\s*([^<\\s]+)\\s*</pdfaid:${name}>`).exec(xmp)?.[1] ?? new RegExp(`pdfaid:${name}="([^"]+)"`).exec(xmp)?.[1];
  return { part: value("part"), conformance: value("conformance") };
}

export async function checkPdfA(pdf: string, expected: PdfProperties): Promise<PdfACheck> {
  const [xmp, fonts, info] = await Promise.all([pdfXmp(pdf), pdfFonts(pdf), pdfInfo(pdf)]);
  const { part, conformance } = readPdfAId(xmp);
  const notEmbedded = fonts.filter((font) => !font.embedded).map((font) => font.name || "(unnamed)");
  const problems: Diagnostic[] = [];
  const problem = (zh: string, en: string, rule: string) => problems.push(diagnostic({ file: pdf, zh, en, rule }));

  if (part !== "2" || conformance?.toUpperCase() !== "B") {
    problem(
      `PDF 未声明为 PDF/A-2b（XMP 中 pdfaid:part=${part ?? "无"}，conformance=${conformance ?? "无"}）`,
      `the PDF does not declare PDF/A-2b (XMP pdfaid:part=${part ?? "none"}, conformance=${conformance ?? "none"})`,
      "archive-pdfa",
    );
  }
  if (notEmbedded.length > 0) {
    problem(`PDF 中有字体未嵌入：${notEmbedded.join("、")}`, `fonts not embedded in the PDF: ${notEmbedded.join(", ")}`, "archive-pdf-fonts");
  }
  const fields: Array<[keyof PdfProperties, string, string]> = [
    ["title", "Title", "标题"],
    ["author", "Author", "发文机关"],
    ["subject", "Subject", "发文字号"],
    ["keywords", "Keywords", "发文字号"],
  ];
  for (const [key, field, label] of fields) {
    const found = info.fields[field] ?? "";
    if (found !== expected[key]) {
      problem(
        `PDF 文档属性 ${field}（${label}）为“${found}”，应为“${expected[key]}”`,
        `PDF document property ${field} is "${found}", expected "${expected[key]}"`,
        "archive-pdf-metadata",
      );
    }
  }
  return { part, conformance, fonts: fonts.length, notEmbedded, info, problems };
}

/** Refuses to archive a PDF that is not what the archive promises. */
export function assertPdfA(check: PdfACheck): void {
  if (check.problems.length > 0) throw new GongwenError(check.problems, 4);
}
