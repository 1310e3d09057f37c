/**
 * Plain text of any .docx — ours, or one saved by Word, WPS or LibreOffice — for reviewers
 * (diff, git textconv) and for tests comparing generated text with a reference.
 *
 * Parts are found the way Office does (package relationships and content types), never by
 * assumed paths: Word Online writes `word/document2.xml`, other tools rename headers freely.
 *
 * Views of tracked changes:
 * - "current"  (default): insertions shown, deletions hidden, structure as stored — one
 *   paragraph per `w:p` (but for page-break splits), every stored table row and cell;
 * - "accepted": what Accept All Changes would leave: also joins paragraphs whose mark was
 *   deleted and drops deleted rows and cells;
 * - "rejected": what Reject All Changes would leave (deletions back, insertions gone).
 * Moves count as a deletion (`w:moveFrom`) plus an insertion (`w:moveTo`); formatting changes
 * (`w:pPrChange`, `w:rPrChange`) have no effect on text.
 *
 * Text decisions, chosen so that text survives a round trip through another editor:
 * - a page or column break adds no character: between text it splits the paragraph in two (as
 *   LibreOffice does when saving, so Word- and LibreOffice-saved files read the same), before or
 *   after all the text it only sets `pageBreak: true` on the paragraph that starts the new page;
 * - a line break (`w:br`, `w:cr`) is "\n" inside the paragraph text;
 * - text-box paragraphs follow the paragraph anchoring the shape (`textbox: true`);
 * - field results are shown as last saved, never the instructions: our generated PAGE fields
 *   carry no result, so a footer "— {PAGE} —" reads "—  —", while LibreOffice saves the number
 *   of the page it laid out last ("— 4 —");
 * - footnote/endnote reference marks add nothing to the text; the notes are listed apart;
 * - hidden text (`w:vanish`) is kept; equations (OMML) and DrawingML text outside text
 *   boxes (WordArt, charts, SmartArt) are not extracted.
 */
import { GongwenError, diagnostic } from "../errors.js";
import { inflateEntry, listZipEntries, type ZipEntryInfo } from "../package/read-zip.js";
import { isXmlLimitError } from "../package/xml-guard.js";
import { ZIP_LIMITS } from "../limits.js";
import { child, elements, parseXml, readStory, type Paragraph, type View, type XmlElement } from "./docx-xml.js";
import { resolvePartName } from "./part-name.js";

export type { Paragraph, TablePosition, View } from "./docx-xml.js";

export type HeaderFooterType = "default" | "first" | "even";

/** One header or footer reference of one section (a part referenced twice is listed twice). */
export interface Part {
  /** Section index from 0, in document order. */
  section: number;
  type: HeaderFooterType;
  /** Part name inside the package, e.g. `word/footer1.xml`; editors renumber these on save. */
  path: string;
  paragraphs: Paragraph[];
}

export interface Note {
  /** `w:id` as stored; editors renumber ids, so compare notes by position. */
  id: string;
  paragraphs: Paragraph[];
}

export interface DocxText {
  /** Part name of the main document, e.g. `word/document.xml`. */
  mainPart: string;
  body: Paragraph[];
  /** Only headers and footers referenced by a section; an unreferenced part is never displayed. */
  headers: Part[];
  footers: Part[];
  /** Ordinary notes only (separator notes left out); empty when the document has none. */
  footnotes: Note[];
  endnotes: Note[];
}

export interface ReadDocxOptions {
  view?: View;
  /** Shown in error messages. */
  fileName?: string;
}

export interface PlainTextOptions extends ReadDocxOptions {
  includeHeadersFooters?: boolean;
  includeNotes?: boolean;
  /**
   * Drop empty lines entirely. Spacing paragraphs are layout (how many empty lines stand above the 版记
   * changes with pagination), so reviewers' diffs and `gongwen text` leave them out.
   */
  dropEmptyLines?: boolean;
}

export function readDocxText(bytes: Uint8Array, options: ReadDocxOptions = {}): DocxText {
  const view = options.view ?? "current";
  const pkg = new Package(bytes, options.fileName);
  const mainPart = pkg.mainPart();
  const document = pkg.xml(mainPart);
  const body = document?.name === "w:document" ? child(document, "w:body") : undefined;
  if (!body) {
    throw pkg.error("docx-damaged", `主文档 ${mainPart} 缺失或没有 w:body`, `main document ${mainPart} is missing or has no w:body`);
  }
  const rels = pkg.relationships(mainPart);
  const stories = new Map<string, Paragraph[]>();
  const storyOf = (path: string, rootName: string): Paragraph[] | undefined => {
    if (!stories.has(path)) {
      const root = pkg.xml(path);
      if (root?.name === rootName) stories.set(path, readStory(root, view));
    }
    return stories.get(path);
  };

  const headers: Part[] = [];
  const footers: Part[] = [];
  sections(body).forEach((sectPr, section) => {
    for (const ref of elements(sectPr)) {
      const header = ref.name === "w:headerReference";
      if (!header && ref.name !== "w:footerReference") continue;
      const path = rels.get(ref.attrs["r:id"] ?? "")?.path;
      const paragraphs = path === undefined ? undefined : storyOf(path, header ? "w:hdr" : "w:ftr");
      if (path === undefined || !paragraphs) continue;
      const type = ref.attrs["w:type"] === "first" || ref.attrs["w:type"] === "even" ? ref.attrs["w:type"] : "default";
      (header ? headers : footers).push({ section, type, path, paragraphs: [...paragraphs] });
    }
  });

  const notes = (kind: "footnotes" | "endnotes", noteName: string): Note[] => {
    const out: Note[] = [];
    for (const rel of rels.values()) {
      if (rel.kind !== kind) continue;
      const root = pkg.xml(rel.path);
      if (root?.name !== `w:${kind}`) continue;
      for (const note of elements(root)) {
        const type = note.attrs["w:type"];
        if (note.name !== noteName || (type !== undefined && type !== "normal")) continue;
        out.push({ id: note.attrs["w:id"] ?? "", paragraphs: readStory(note, view) });
      }
    }
    return out;
  };

  return {
    mainPart,
    body: readStory(body, view),
    headers,
    footers,
    footnotes: notes("footnotes", "w:footnote"),
    endnotes: notes("endnotes", "w:endnote"),
  };
}

/**
 * One line per paragraph, made for line-based diffs:
 * - a line break inside a paragraph starts a new line too, so each visual line diffs on its own
 *   (a space would glue Chinese text together; editors also swap breaks and paragraph marks);
 * - blank and whitespace-only lines (incl. U+3000 full-width spaces) become empty, runs of them
 *   collapse to one empty line, none lead or trail: spacing paragraphs are layout, not content;
 * - tabs stay "\t"; table cells give one line per paragraph, in reading order;
 * - with the options, headers, footers and notes follow, each after a blank line and a
 *   `==== … ====` title naming it by position (section from 1, note from 1), not by part name.
 * The result ends with "\n" unless empty.
 */
export function docxToPlainText(bytes: Uint8Array, options: PlainTextOptions = {}): string {
  const doc = readDocxText(bytes, options);
  const out = lines(doc.body, options.dropEmptyLines);
  const block = (title: string, paragraphs: Paragraph[]): void => {
    if (out.length > 0) out.push("");
    out.push(`==== ${title} ====`, ...lines(paragraphs, options.dropEmptyLines));
  };
  if (options.includeHeadersFooters) {
    for (const h of doc.headers) block(`页眉 header · section ${h.section + 1} · ${h.type}`, h.paragraphs);
    for (const f of doc.footers) block(`页脚 footer · section ${f.section + 1} · ${f.type}`, f.paragraphs);
  }
  if (options.includeNotes) {
    doc.footnotes.forEach((n, i) => block(`脚注 footnote ${i + 1}`, n.paragraphs));
    doc.endnotes.forEach((n, i) => block(`尾注 endnote ${i + 1}`, n.paragraphs));
  }
  return out.length > 0 ? `${out.join("\n")}\n` : "";
}

function lines(paragraphs: readonly Paragraph[], dropEmpty = false): string[] {
  const out: string[] = [];
  for (const p of paragraphs) {
    for (const raw of p.text.split(/\r\n?|\n/)) {
      const line = /^\s*$/u.test(raw) ? "" : raw;
      if (line === "" && (dropEmpty || out.length === 0 || out[out.length - 1] === "")) continue;
      out.push(line);
    }
  }
  while (out[out.length - 1] === "") out.pop();
  return out;
}

/** Section properties in document order: in paragraph marks, then the body's last `w:sectPr`. */
function sections(el: XmlElement, found: XmlElement[] = []): XmlElement[] {
  for (const c of elements(el)) {
    if (c.name === "w:sectPr") found.push(c);
    else if (!c.name.endsWith("Change")) sections(c, found);
  }
  return found;
}

interface Relationship {
  kind: string;
  path: string;
}

const WORD_MAIN_TYPES = /wordprocessingml\.(document|template)\.main\+xml|ms-word\.(document|template)\.macroEnabled(Template)?\.main\+xml/i;

class Package {
  private readonly entries = new Map<string, Uint8Array>();
  /** The central directory by lower-cased name (OPC part names are case-insensitive). */
  private readonly listed = new Map<string, ZipEntryInfo>();
  /** Inflated bytes so far: the per-package cap covers parts read on demand too. */
  private inflated = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly fileName: string | undefined,
  ) {
    // Bounded: sizes and count checked from the central directory, parts inflated only when the
    // document references them (media can be most of the file and is never read for text).
    for (const entry of listZipEntries(bytes, fileName ?? "")) this.listed.set(entry.name.toLowerCase(), entry);
  }

  error(rule: string, zh: string, en: string): GongwenError {
    return new GongwenError([diagnostic({ ...(this.fileName ? { file: this.fileName } : {}), zh, en, rule })]);
  }

  private data(path: string): Uint8Array | undefined {
    const key = path.toLowerCase();
    const cached = this.entries.get(key);
    if (cached) return cached;
    const entry = this.listed.get(key);
    if (entry === undefined) return undefined;
    this.inflated += entry.size;
    if (this.inflated > ZIP_LIMITS.maxTotalBytes) {
      const limit = `${ZIP_LIMITS.maxTotalBytes / 1024 / 1024} MB`;
      throw this.error("docx-too-large", `压缩包解压后超过 ${limit} 上限（到部件 ${entry.name} 为止）`, `the archive inflates to more than the ${limit} limit (by part ${entry.name})`);
    }
    const data = inflateEntry(this.bytes, this.fileName ?? "", entry);
    this.entries.set(key, data);
    return data;
  }

  xml(path: string): XmlElement | undefined {
    const data = this.data(path);
    if (!data) return undefined;
    try {
      return parseXml(decode(data), path);
    } catch (e) {
      if (isXmlLimitError(e)) throw this.error("docx-xml-limit", e.zh, e.en);
      throw this.error("docx-damaged", `${path} 不是格式正确的 XML：${message(e)}`, `${path} is not well-formed XML: ${message(e)}`);
    }
  }

  /** Relationships of a part ("" for the package), keyed by id, targets resolved to part names. */
  relationships(source: string): Map<string, Relationship> {
    const slash = source.lastIndexOf("/");
    const dir = source.slice(0, slash + 1);
    const rels = new Map<string, Relationship>();
    const root = this.xml(`${dir}_rels/${source.slice(slash + 1)}.rels`);
    for (const rel of root ? elements(root) : []) {
      const { Id: id, Type: type, Target: target, TargetMode: mode } = rel.attrs;
      if (rel.name !== "Relationship" || !id || !type || target === undefined || mode === "External") continue;
      rels.set(id, { kind: type.slice(type.lastIndexOf("/") + 1), path: resolvePartName(dir, target) });
    }
    return rels;
  }

  mainPart(): string {
    const main = [...this.relationships("").values()].find((r) => r.kind === "officeDocument");
    if (!main) {
      throw this.error(
        "not-docx",
        "不是 .docx 文件：压缩包中没有主文档（_rels/.rels 缺少 officeDocument 关系）",
        "not a .docx file: the archive has no main document (_rels/.rels lacks an officeDocument relationship)",
      );
    }
    const type = this.contentType(main.path);
    if (type !== undefined && !WORD_MAIN_TYPES.test(type)) {
      const [zh, en] = /spreadsheetml|ms-excel/i.test(type)
        ? ["Excel 工作簿", "an Excel workbook"]
        : /presentationml|ms-powerpoint/i.test(type)
          ? ["PowerPoint 演示文稿", "a PowerPoint presentation"]
          : [`类型为 ${type} 的文档`, `a document of type ${type}`];
      throw this.error("not-docx", `不是 Word 文档：这是${zh}`, `not a Word document: this is ${en}`);
    }
    return main.path;
  }

  private contentType(path: string): string | undefined {
    const types = this.xml("[Content_Types].xml");
    if (!types) return undefined;
    const name = `/${path}`.toLowerCase();
    const ext = path.slice(path.lastIndexOf(".") + 1).toLowerCase();
    let fallback: string | undefined;
    for (const t of elements(types)) {
      if (t.name === "Override" && t.attrs.PartName?.toLowerCase() === name) return t.attrs.ContentType;
      if (t.name === "Default" && t.attrs.Extension?.toLowerCase() === ext) fallback = t.attrs.ContentType;
    }
    return fallback;
  }
}


/** XML parts may be UTF-16 (allowed by OPC, produced by some converters); the BOM tells. */
function decode(data: Uint8Array): string {
  const encoding = data[0] === 0xff && data[1] === 0xfe ? "utf-16le" : data[0] === 0xfe && data[1] === 0xff ? "utf-16be" : "utf-8";
  return new TextDecoder(encoding).decode(data);
}

function message(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
