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
import { ELEMENT_STYLES } from "../layout/element-styles.js";
import { unzipSync } from "fflate";
import { GongwenError, diagnostic } from "../errors.js";
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
  const continued = continuedStyleIds(pkg, [...rels.values()].find((rel) => rel.kind === "styles")?.path);
  const stories = new Map<string, Paragraph[]>();
  const storyOf = (path: string, rootName: string): Paragraph[] | undefined => {
    if (!stories.has(path)) {
      const root = pkg.xml(path);
      if (root?.name === rootName) stories.set(path, readStory(root, view, continued));
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
        out.push({ id: note.attrs["w:id"] ?? "", paragraphs: readStory(note, view, continued) });
      }
    }
    return out;
  };

  return {
    mainPart,
    body: readStory(body, view, continued),
    headers,
    footers,
    footnotes: notes("footnotes", "w:footnote"),
    endnotes: notes("endnotes", "w:endnote"),
  };
}

/**
 * Style ids of this tool's 正文 continuation (see ELEMENT_STYLES.bodyContinued), found by the style's
 * name: editors such as LibreOffice rename style ids when they save, but keep names.
 */
function continuedStyleIds(pkg: Package, stylesPath: string | undefined): ReadonlySet<string> {
  const ids = new Set<string>([ELEMENT_STYLES.bodyContinued.id]);
  const root = stylesPath === undefined ? undefined : pkg.xml(stylesPath);
  if (root?.name !== "w:styles") return ids;
  for (const style of elements(root)) {
    const id = style.attrs["w:styleId"];
    if (style.name === "w:style" && id !== undefined && child(style, "w:name")?.attrs["w:val"] === ELEMENT_STYLES.bodyContinued.name) ids.add(id);
  }
  return ids;
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
  private readonly names = new Map<string, string>();

  constructor(
    private readonly bytes: Uint8Array,
    private readonly fileName: string | undefined,
  ) {
    this.sniff();
    try {
      // Media can be most of the file: inflate only the XML now, anything else on demand.
      const files = unzipSync(bytes, {
        filter: (f) => {
          this.names.set(f.name.toLowerCase(), f.name);
          return /\.(xml|rels)$/i.test(f.name);
        },
      });
      for (const [name, data] of Object.entries(files)) this.entries.set(name.toLowerCase(), data);
    } catch (e) {
      throw this.error("docx-damaged", `zip 压缩包已损坏：${message(e)}`, `the zip archive is damaged: ${message(e)}`);
    }
  }

  error(rule: string, zh: string, en: string): GongwenError {
    return new GongwenError([diagnostic({ ...(this.fileName ? { file: this.fileName } : {}), zh, en, rule })]);
  }

  private sniff(): void {
    const b = this.bytes;
    const startsWith = (...sig: number[]): boolean => sig.every((byte, i) => b[i] === byte);
    if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0x50, 0x4b, 0x05, 0x06)) return;
    if (startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
      throw this.error(
        "not-docx",
        "这是旧版 Word 97-2003（.doc）文件或带密码保护的 .docx，请先另存为未加密的 .docx",
        "this is a legacy Word 97-2003 .doc or a password-protected .docx; save it as an unencrypted .docx first",
      );
    }
    const head = new TextDecoder().decode(b.subarray(0, 16)).trimStart();
    if (head.startsWith("{\\rtf")) throw this.error("not-docx", "这是 RTF 文件，不是 .docx", "this is an RTF file, not a .docx");
    if (head.startsWith("<")) {
      throw this.error(
        "not-docx",
        "这是单个 XML 文件（Word 2003 XML 或平面 OPC），不是 .docx 压缩包",
        "this is a single XML file (Word 2003 XML or flat OPC), not a zipped .docx",
      );
    }
    if (b.length === 0) throw this.error("not-docx", "不是 .docx 文件：文件为空", "not a .docx file: the file is empty");
    throw this.error("not-docx", "不是 .docx 文件：内容不是 zip 压缩包", "not a .docx file: the content is not a zip archive");
  }

  private data(path: string): Uint8Array | undefined {
    const key = path.toLowerCase();
    const cached = this.entries.get(key);
    if (cached) return cached;
    const name = this.names.get(key);
    if (name === undefined) return undefined;
    let data: Uint8Array | undefined;
    try {
      data = unzipSync(this.bytes, { filter: (f) => f.name === name })[name];
    } catch (e) {
      throw this.error("docx-damaged", `无法解压 ${path}：${message(e)}`, `cannot inflate ${path}: ${message(e)}`);
    }
    if (data) this.entries.set(key, data);
    return data;
  }

  xml(path: string): XmlElement | undefined {
    const data = this.data(path);
    if (!data) return undefined;
    try {
      return parseXml(decode(data), path);
    } catch (e) {
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
