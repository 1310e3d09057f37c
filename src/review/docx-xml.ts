/**
 * WordprocessingML → paragraphs of text. The XML is parsed into a small tree (documents are
 * a few hundred kB at most) because text boxes, fields and tracked paragraph marks all need
 * look-ahead or context that a streaming walk would have to reinvent.
 *
 * Element names are normalised by namespace, not by prefix: editors may bind other prefixes,
 * and ISO/IEC 29500 Strict files use a different namespace URI for the same vocabulary.
 */
import { SaxesParser } from "saxes";
import { guardXml } from "../package/xml-guard.js";
import { pushAll } from "./push-all.js";

export interface XmlElement {
  /** `w:local`, `r:local`, `mc:local`, a bare local name (no or package namespace), else `{uri}local`. */
  readonly name: string;
  readonly attrs: Record<string, string>;
  /** Text is kept only inside `w:t` and `w:delText` (the only places text is displayed from) and `w:instrText`. */
  readonly children: Array<XmlElement | string>;
}

const W_NS = new Set([
  "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
  "http://purl.oclc.org/ooxml/wordprocessingml/main",
]);
const R_NS = new Set([
  "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  "http://purl.oclc.org/ooxml/officeDocument/relationships",
]);
const MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";
/** Package-level vocabularies (.rels, [Content_Types].xml) are read by bare local name. */
const PACKAGE_NS = new Set([
  "http://schemas.openxmlformats.org/package/2006/relationships",
  "http://schemas.openxmlformats.org/package/2006/content-types",
]);
/** `w:instrText` too: the draft reader (src/draft) tells PAGE fields by their instruction; readStory skips it. */
const TEXT_HOLDERS = new Set(["w:t", "w:delText", "w:instrText"]);

function qualify(uri: string, local: string): string {
  if (uri === "" || PACKAGE_NS.has(uri)) return local;
  if (W_NS.has(uri)) return `w:${local}`;
  if (R_NS.has(uri)) return `r:${local}`;
  if (uri === MC_NS) return `mc:${local}`;
  return `{${uri}}${local}`;
}

/** Parses a whole part; throws the parser's own error (with `fileName:line:column`) when malformed. */
export function parseXml(xml: string, fileName: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, fileName });
  const checkDepth = guardXml(parser, fileName);
  const root: XmlElement = { name: "#document", attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  const keepText = (text: string): void => {
    const top = stack[stack.length - 1]!;
    if (TEXT_HOLDERS.has(top.name)) top.children.push(text);
  };
  parser.on("opentag", (tag) => {
    checkDepth(stack.length);
    const attrs: Record<string, string> = {};
    for (const a of Object.values(tag.attributes)) {
      if (a.uri !== XMLNS_NS) attrs[qualify(a.uri, a.local)] = a.value;
    }
    const el: XmlElement = { name: qualify(tag.uri, tag.local), attrs, children: [] };
    stack[stack.length - 1]!.children.push(el);
    stack.push(el);
  });
  parser.on("closetag", () => void stack.pop());
  parser.on("text", keepText);
  parser.on("cdata", keepText);
  parser.write(xml).close();
  const top = root.children.find((c): c is XmlElement => typeof c !== "string");
  if (!top) throw new Error(`${fileName}: no root element`);
  return top;
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== "string" && c.name === name) return c;
  return undefined;
}

export function elements(el: XmlElement): XmlElement[] {
  return el.children.filter((c): c is XmlElement => typeof c !== "string");
}

export type View = "current" | "accepted" | "rejected";

export interface TablePosition {
  /** Ordinal of the table in its part (story), nested tables counted in document order, from 0. */
  readonly index: number;
  /** 1 for a top-level table, 2 for a table inside a cell, … */
  readonly depth: number;
  /** Row and cell among the rows/cells shown in the chosen view, from 0. */
  readonly row: number;
  readonly cell: number;
}

export interface Paragraph {
  text: string;
  kind: "paragraph" | "table-cell";
  /** Style id (`w:pStyle`), not the localized display name. */
  style?: string;
  /** Innermost table holding the paragraph; set exactly when `kind` is `"table-cell"`. */
  table?: TablePosition;
  /** From a text box; listed right after the paragraph that anchors the shape. */
  textbox?: boolean;
  /**
   * The paragraph starts a new page: `w:pageBreakBefore`, or a `w:br w:type="page"` before its text,
   * at the end of the previous paragraph, or where the paragraph was split (see `addParagraph`).
   */
  pageBreak?: boolean;
  numbering?: { id: string; level: number };
}

interface Where {
  readonly table?: TablePosition;
  readonly textbox: boolean;
}

/** Complex-field stack: lives for one story, because a field (e.g. TOC) may span paragraphs. */
interface Story {
  readonly view: View;
  /** Style ids of paragraphs that continue the one before (read as one paragraph). */
  readonly continuedStyles: ReadonlySet<string>;
  readonly fields: boolean[];
  readonly counters: { tables: number };
}

/** Paragraphs of one container (body, cell, text box). */
interface Sink {
  readonly out: Paragraph[];
  /** A paragraph whose mark the view removes, waiting to be joined with the next one. */
  carry: { inline: Inline; startsPage: boolean } | null;
  /** The previous paragraph ended with a page break. */
  pageBreakNext: boolean;
}

/** Blocks of a story root (`w:body`, `w:hdr`, `w:ftr`, `w:footnote`, …). */
export function readStory(root: XmlElement, view: View, continuedStyles: ReadonlySet<string> = new Set()): Paragraph[] {
  const story: Story = { view, continuedStyles, fields: [], counters: { tables: 0 } };
  return readContainer(root, story, { textbox: false });
}

function readContainer(el: XmlElement, story: Story, where: Where): Paragraph[] {
  const sink: Sink = { out: [], carry: null, pageBreakNext: false };
  walkBlocks(el.children, story, where, sink);
  flush(sink, where);
  return sink.out;
}

/** Never shown as text, or shown only through attributes we do not render. */
const SKIPPED = new Set([
  "w:pPr", "w:rPr", "w:sectPr", "w:tblPr", "w:tblGrid", "w:trPr", "w:tcPr", "w:sdtPr", "w:sdtEndPr",
  "w:customXmlPr", "w:smartTagPr", "w:instrText", "w:delInstrText", "w:fldData", "w:rt",
  "w:pPrChange", "w:rPrChange", "w:tblPrEx",
]);

function removedIn(view: View, change: "ins" | "del" | undefined): boolean {
  return (change === "del" && view !== "rejected") || (change === "ins" && view === "rejected");
}

function changeOf(el: XmlElement): "ins" | "del" | undefined {
  switch (el.name) {
    case "w:ins": case "w:moveTo": case "w:cellIns": return "ins";
    case "w:del": case "w:moveFrom": case "w:cellDel": return "del";
    default: return undefined;
  }
}

/** The first change mark among a property element's children (`w:trPr/w:del`, `w:pPr/w:rPr/w:ins`, …). */
function markChange(props: XmlElement | undefined): "ins" | "del" | undefined {
  if (!props) return undefined;
  for (const c of elements(props)) {
    const change = changeOf(c);
    if (change) return change;
  }
  return undefined;
}

/** Markup compatibility: every branch carries the same content, so read exactly one. */
function alternate(el: XmlElement): XmlElement | undefined {
  return child(el, "mc:Choice") ?? child(el, "mc:Fallback");
}

function walkBlocks(nodes: ReadonlyArray<XmlElement | string>, story: Story, where: Where, sink: Sink): void {
  for (const node of nodes) {
    if (typeof node === "string" || SKIPPED.has(node.name)) continue;
    switch (node.name) {
      case "w:p":
        addParagraph(node, story, where, sink);
        break;
      case "w:tbl":
        flush(sink, where);
        sink.pageBreakNext = false;
        readTable(node, story, where, sink.out);
        break;
      case "mc:AlternateContent": {
        const branch = alternate(node);
        if (branch) walkBlocks(branch.children, story, where, sink);
        break;
      }
      default: {
        // Wrappers (w:sdt/w:sdtContent, w:customXml, stray change marks) keep the same sink so a
        // removed paragraph mark still merges across the wrapper's boundary.
        if (!removedIn(story.view, changeOf(node))) walkBlocks(node.children, story, where, sink);
      }
    }
  }
}

function flush(sink: Sink, where: Where): void {
  if (!sink.carry) return;
  const { inline, startsPage } = sink.carry;
  sink.carry = null;
  emit(sink, where, inline, startsPage, {});
}

function addParagraph(el: XmlElement, story: Story, where: Where, sink: Sink): void {
  const pPr = child(el, "w:pPr");
  let inline: Inline = { pieces: [""], breaks: [], textboxes: [] };
  walkInline(el.children, story, inline, true);

  const ownBreak = isOn(child(pPr, "w:pageBreakBefore"));
  const carried = sink.carry;
  sink.carry = null;
  if (carried) inline = join(carried.inline, inline);
  const startsPage = (carried ? carried.startsPage : sink.pageBreakNext) || ownBreak;
  // Accepting a deleted paragraph mark (or rejecting an inserted one) joins the paragraph with
  // the next; the later mark survives, so the merged paragraph keeps the later properties.
  if (story.view !== "current" && removedIn(story.view, markChange(child(pPr, "w:rPr")))) {
    sink.carry = { inline, startsPage };
    return;
  }
  const props: Pick<Paragraph, "style" | "numbering"> = {};
  const style = child(pPr, "w:pStyle")?.attrs["w:val"];
  if (style) props.style = style;
  if (!carried && style !== undefined && story.continuedStyles.has(style) && !where.table && !where.textbox) {
    // A paragraph the layout split to keep its last lines with the 署名 reads as one.
    const previous = sink.out[sink.out.length - 1];
    if (previous?.kind === "paragraph" && !previous.textbox) {
      previous.text += inline.pieces.join("");
      return;
    }
  }
  const numPr = child(pPr, "w:numPr");
  const numId = child(numPr, "w:numId")?.attrs["w:val"];
  if (numId !== undefined && numId !== "0") {
    props.numbering = { id: numId, level: Number(child(numPr, "w:ilvl")?.attrs["w:val"] ?? 0) };
  }
  emit(sink, where, inline, startsPage, props);
}

/**
 * A page or column break between text splits the paragraph in two, because LibreOffice stores it
 * that way when it saves and Word keeps one paragraph: splitting here reads both the same.
 * A break before or after all the text only marks where a page starts.
 */
function emit(sink: Sink, where: Where, inline: Inline, startsPage: boolean, props: Pick<Paragraph, "style" | "numbering">): void {
  const pieces = [...inline.pieces];
  const breaks = [...inline.breaks];
  let first = startsPage;
  while (pieces.length > 1 && pieces[0] === "") {
    pieces.shift();
    if (breaks.shift() === "page") first = true;
  }
  let last = false;
  while (pieces.length > 1 && pieces[pieces.length - 1] === "") {
    pieces.pop();
    if (breaks.pop() === "page") last = true;
  }
  pieces.forEach((text, i) => {
    const p: Paragraph = { text, kind: where.table ? "table-cell" : "paragraph", ...props };
    if (where.table) p.table = where.table;
    if (where.textbox) p.textbox = true;
    if (i === 0 ? first : breaks[i - 1] === "page") p.pageBreak = true;
    sink.out.push(p);
  });
  pushAll(sink.out, inline.textboxes);
  sink.pageBreakNext = last;
}

function join(a: Inline, b: Inline): Inline {
  const pieces = [...a.pieces];
  pieces[pieces.length - 1] += b.pieces[0] ?? "";
  return {
    pieces: [...pieces, ...b.pieces.slice(1)],
    breaks: [...a.breaks, ...b.breaks],
    textboxes: [...a.textboxes, ...b.textboxes],
  };
}

function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false;
  const val = el.attrs["w:val"];
  return val === undefined || !["0", "false", "off"].includes(val);
}

function readTable(tbl: XmlElement, story: Story, where: Where, out: Paragraph[]): void {
  const index = story.counters.tables++;
  const depth = (where.table?.depth ?? 0) + 1;
  // "current" keeps every stored row and cell (their deleted text is already hidden) so paragraph
  // positions match the XML; the other views drop rows and cells the way Accept/Reject All would.
  let row = 0;
  for (const tr of unwrap(tbl, "w:tr")) {
    if (story.view !== "current" && removedIn(story.view, markChange(child(tr, "w:trPr")))) continue;
    let cell = 0;
    for (const tc of unwrap(tr, "w:tc")) {
      if (story.view !== "current" && removedIn(story.view, markChange(child(tc, "w:tcPr")))) continue;
      const inner: Where = { table: { index, depth, row, cell }, textbox: where.textbox };
      pushAll(out, readContainer(tc, story, inner));
      cell++;
    }
    row++;
  }
}

/** Rows and cells may sit inside content controls (repeating sections), custom XML or mc branches. */
function unwrap(el: XmlElement, name: string): XmlElement[] {
  const found: XmlElement[] = [];
  for (const c of elements(el)) {
    if (c.name === name) found.push(c);
    else if (c.name === "mc:AlternateContent") {
      const branch = alternate(c);
      if (branch) pushAll(found, unwrap(branch, name));
    } else if (c.name === "w:sdt" || c.name === "w:sdtContent" || c.name === "w:customXml") {
      pushAll(found, unwrap(c, name));
    }
  }
  return found;
}

/** Text of one paragraph, cut at page and column breaks: `pieces.length === breaks.length + 1`. */
interface Inline {
  pieces: string[];
  breaks: Array<"page" | "column">;
  textboxes: Paragraph[];
}

function append(inline: Inline, text: string): void {
  inline.pieces[inline.pieces.length - 1] += text;
}

function walkInline(nodes: ReadonlyArray<XmlElement | string>, story: Story, inline: Inline, visible: boolean): void {
  for (const node of nodes) {
    if (typeof node === "string" || SKIPPED.has(node.name)) continue;
    const shown = (): boolean => visible && story.fields.every(Boolean);
    switch (node.name) {
      case "w:t":
      case "w:delText":
        if (shown()) append(inline, node.children.join(""));
        break;
      case "w:tab":
      case "w:ptab":
        if (shown()) append(inline, "\t");
        break;
      case "w:br": {
        const type = node.attrs["w:type"];
        if (!shown()) break;
        if (type === "page" || type === "column") {
          inline.breaks.push(type);
          inline.pieces.push("");
        } else append(inline, "\n");
        break;
      }
      case "w:cr":
        if (shown()) append(inline, "\n");
        break;
      case "w:noBreakHyphen":
        if (shown()) append(inline, "-");
        break;
      case "w:sym":
        if (shown()) append(inline, symbol(node.attrs["w:char"]));
        break;
      case "w:fldChar": {
        // Field structure is tracked even when hidden, so begin/end always pair up.
        const type = node.attrs["w:fldCharType"];
        if (type === "begin") story.fields.push(false);
        else if (type === "separate" && story.fields.length > 0) story.fields[story.fields.length - 1] = true;
        else if (type === "end") story.fields.pop();
        break;
      }
      case "w:txbxContent":
        if (visible) {
          const boxStory: Story = { view: story.view, continuedStyles: story.continuedStyles, fields: [], counters: story.counters };
          pushAll(inline.textboxes, readContainer(node, boxStory, { textbox: true }));
        }
        break;
      case "mc:AlternateContent": {
        const branch = alternate(node);
        if (branch) walkInline(branch.children, story, inline, visible);
        break;
      }
      default: {
        // Runs, hyperlinks, smart tags, content controls, w:fldSimple results, drawings that may
        // hold a text box: anything else is a container whose text shows unless a change hides it.
        const hidden = removedIn(story.view, changeOf(node));
        walkInline(node.children, story, inline, visible && !hidden);
      }
    }
  }
}

/**
 * `w:sym` names a glyph of a symbol font. Codes in the private-use area (Symbol, Wingdings: F020–F0FF)
 * have no Unicode meaning without the font's table, so they become U+FFFD rather than vanishing.
 */
function symbol(hex: string | undefined): string {
  const code = hex === undefined ? NaN : Number.parseInt(hex, 16);
  const valid = Number.isInteger(code) && code >= 0x20 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  if (!valid || (code >= 0xe000 && code <= 0xf8ff)) return "\uFFFD";
  return String.fromCodePoint(code);
}
