/**
 * Thin wrappers over poppler-utils (pdfinfo, pdffonts, pdftoppm, pdftotext) used to check what the layout
 * engine really produced. Lengths are returned in millimetres, origin at the page's top-left corner.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { GongwenError, diagnostic } from "../errors.js";

export const MM_PER_PT = 25.4 / 72;

export interface PdfInfo {
  readonly pages: number;
  /** Size of page 1. */
  readonly pageWidthMm: number;
  readonly pageHeightMm: number;
  readonly producer?: string;
  readonly creator?: string;
  readonly pdfVersion?: string;
  readonly title?: string;
  /** Every `Key: value` line pdfinfo printed, for fields not lifted above. */
  readonly fields: Readonly<Record<string, string>>;
}

export interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly encoding: string;
  readonly embedded: boolean;
  readonly subset: boolean;
  readonly unicode: boolean;
}

export interface BoxMm {
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}
export interface PdfWord extends BoxMm {
  readonly text: string;
}
export interface PdfLine extends BoxMm {
  readonly text: string;
  readonly words: readonly PdfWord[];
}
export interface PdfBlock extends BoxMm {
  readonly lines: readonly PdfLine[];
}
export interface PdfPage {
  /** 1-based. */
  readonly number: number;
  readonly widthMm: number;
  readonly heightMm: number;
  /** Blocks of every flow, in reading order. */
  readonly blocks: readonly PdfBlock[];
}

/** Runs a poppler tool; a missing tool becomes exit code 3, a failing one exit code 4. */
export function runPoppler(tool: string, args: readonly string[], binary: true): Promise<Buffer>;
export function runPoppler(tool: string, args: readonly string[], binary?: false): Promise<string>;
export function runPoppler(tool: string, args: readonly string[], binary = false): Promise<string | Buffer> {
  return new Promise((resolve, reject) => {
    execFile(
      tool,
      args,
      // A 300 dpi A4 PPM is ~26 MB.
      { encoding: binary ? "buffer" : "utf8", maxBuffer: 256 * 1024 * 1024 },
      (error, stdout, stderr) => {
        if (!error) return resolve(stdout);
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") {
          return reject(
            new GongwenError(
              [
                diagnostic({
                  zh: `未找到 ${tool}，请安装 poppler-utils（apt-get install poppler-utils）`,
                  en: `${tool} not found; install poppler-utils (apt-get install poppler-utils)`,
                  rule: "poppler-missing",
                }),
              ],
              3,
            ),
          );
        }
        const detail = String(stderr).trim() || error.message;
        reject(
          new GongwenError(
            [
              diagnostic({
                file: args.find((arg) => /\.pdf$/i.test(arg)),
                zh: `${tool} 读取 PDF 失败：${detail}`,
                en: `${tool} could not read the PDF: ${detail}`,
                rule: "pdf-unreadable",
              }),
            ],
            4,
          ),
        );
      },
    );
  });
}

export async function pdfInfo(pdf: string): Promise<PdfInfo> {
  const out = await runPoppler("pdfinfo", [pdf]);
  const fields: Record<string, string> = {};
  for (const line of out.split("\n")) {
    const match = /^([^:]+):\s*(.*)$/.exec(line);
    if (match?.[1] && match[2] !== undefined) fields[match[1].trim()] = match[2].trim();
  }
  const size = /([\d.]+) x ([\d.]+) pts/.exec(fields["Page size"] ?? "");
  return {
    pages: Number(fields["Pages"] ?? 0),
    pageWidthMm: Number(size?.[1] ?? 0) * MM_PER_PT,
    pageHeightMm: Number(size?.[2] ?? 0) * MM_PER_PT,
    producer: fields["Producer"],
    creator: fields["Creator"],
    pdfVersion: fields["PDF version"],
    title: fields["Title"],
    fields,
  };
}

/** The document's XMP metadata packet ("" when there is none); PDF/A declares itself there (`pdfaid:part`). */
export function pdfXmp(pdf: string): Promise<string> {
  return runPoppler("pdfinfo", ["-meta", pdf]);
}

export async function pdfFonts(pdf: string): Promise<PdfFont[]> {
  const lines = (await runPoppler("pdffonts", [pdf])).split("\n");
  // Columns are fixed-width and names/types may contain spaces: cut along the dashes of the ruler line.
  const rulerIndex = lines.findIndex((line) => /^-+( -+)+\s*$/.test(line));
  const ruler = lines[rulerIndex];
  if (ruler === undefined) return [];
  const spans: Array<[number, number]> = [];
  for (const match of ruler.matchAll(/-+/g)) spans.push([match.index, match.index + match[0].length]);
  const cell = (line: string, column: number): string => {
    const span = spans[column];
    return span ? line.slice(span[0], span[1] + 1).trim() : "";
  };
  return lines
    .slice(rulerIndex + 1)
    .filter((line) => line.trim() !== "")
    .map((line) => ({
      name: cell(line, 0),
      type: cell(line, 1),
      encoding: cell(line, 2),
      embedded: cell(line, 3) === "yes",
      subset: cell(line, 4) === "yes",
      unicode: cell(line, 5) === "yes",
    }));
}

export interface RasterizeOptions {
  readonly dpi: number;
  /** 1-based; all pages when absent. */
  readonly page?: number;
  /** Where the PNGs go; a new temporary folder when absent (the caller removes it). */
  readonly outDir?: string;
}

/** Renders pages to PNG files and returns their paths in page order. */
export async function rasterize(pdf: string, options: RasterizeOptions): Promise<string[]> {
  const outDir = options.outDir ?? (await mkdtemp(join(tmpdir(), "gongwen-png-")));
  const stem = basename(pdf).replace(/\.pdf$/i, "");
  const range = options.page === undefined ? [] : ["-f", String(options.page), "-l", String(options.page)];
  await runPoppler("pdftoppm", ["-png", "-r", String(options.dpi), ...range, pdf, join(outDir, stem)]);
  // pdftoppm pads page numbers to the width of the page count: stem-1.png or stem-01.png.
  const pattern = new RegExp(`^${escapeRegExp(stem)}-(\\d+)\\.png$`);
  return (await readdir(outDir))
    .map((name) => ({ name, page: Number(pattern.exec(name)?.[1] ?? NaN) }))
    .filter((entry) => !Number.isNaN(entry.page) && (options.page === undefined || entry.page === options.page))
    .sort((a, b) => a.page - b.page)
    .map((entry) => join(outDir, entry.name));
}

/** Every word with its box, grouped as pdftotext sees the page: blocks → lines → words. */
export async function extractWords(pdf: string): Promise<PdfPage[]> {
  return parseBboxLayout(await runPoppler("pdftotext", ["-bbox-layout", "-enc", "UTF-8", pdf, "-"]));
}

interface OpenBox {
  box: BoxMm;
  children: unknown[];
}

/**
 * Parses `pdftotext -bbox-layout` XHTML. The format is machine-written and flat (page > flow > block > line >
 * word, attributes in double quotes, text only inside <word>), so a tag scanner is enough.
 */
export function parseBboxLayout(xhtml: string): PdfPage[] {
  const pages: PdfPage[] = [];
  let page: { widthMm: number; heightMm: number; blocks: PdfBlock[] } | undefined;
  let block: OpenBox | undefined;
  let line: OpenBox | undefined;
  const tag = /<(\/?)(page|block|line|word)\b([^>]*)>/g;
  for (let match = tag.exec(xhtml); match; match = tag.exec(xhtml)) {
    const [, closing, name, attrs = ""] = match;
    if (closing) {
      if (name === "page" && page) pages.push({ number: pages.length + 1, ...page });
      if (name === "block" && block && page) page.blocks.push({ ...block.box, lines: block.children as PdfLine[] });
      if (name === "line" && line && block) {
        const words = line.children as PdfWord[];
        block.children.push({ ...line.box, text: joinWords(words), words });
      }
      if (name === "page") page = undefined;
      if (name === "block") block = undefined;
      if (name === "line") line = undefined;
      continue;
    }
    const a = attributes(attrs);
    if (name === "page") {
      page = { widthMm: num(a.width) * MM_PER_PT, heightMm: num(a.height) * MM_PER_PT, blocks: [] };
    } else if (name === "block") {
      block = { box: boxOf(a), children: [] };
    } else if (name === "line") {
      line = { box: boxOf(a), children: [] };
    } else if (name === "word") {
      const end = xhtml.indexOf("</word>", tag.lastIndex);
      if (end < 0) break;
      line?.children.push({ ...boxOf(a), text: decodeEntities(xhtml.slice(tag.lastIndex, end)) });
      tag.lastIndex = end + "</word>".length;
    }
  }
  return pages;
}

/**
 * pdftotext splits a line into words at spaces but also where the font changes (a Latin digit inside Chinese
 * text). Put a space back only where the glyphs are visibly apart, so Chinese comes out without spaces.
 */
function joinWords(words: readonly PdfWord[]): string {
  let text = "";
  words.forEach((word, index) => {
    const previous = words[index - 1];
    if (previous) {
      const height = Math.max(word.yMax - word.yMin, previous.yMax - previous.yMin);
      if (word.xMin - previous.xMax > 0.15 * height) text += " ";
    }
    text += word.text;
  });
  return text;
}

function attributes(source: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of source.matchAll(/([\w:-]+)="([^"]*)"/g)) {
    if (match[1] !== undefined && match[2] !== undefined) out[match[1]] = match[2];
  }
  return out;
}

function num(value: string | undefined): number {
  return Number(value ?? 0);
}

function boxOf(a: Record<string, string>): BoxMm {
  return {
    xMin: num(a.xMin) * MM_PER_PT,
    yMin: num(a.yMin) * MM_PER_PT,
    xMax: num(a.xMax) * MM_PER_PT,
    yMax: num(a.yMax) * MM_PER_PT,
  };
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (whole, body: string) => {
    if (body[0] === "#") {
      const code = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[body] ?? whole;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
