/**
 * Any .docx (Word, WPS, LibreOffice, pandoc, this tool) → a Draft: section geometry, paragraphs with
 * their text and their resolved look. Properties are resolved as Word does: document defaults, then the
 * paragraph style's chain (basedOn), then the run style's chain, then direct formatting.
 */
import { child, elements, type XmlElement } from "../review/docx-xml.js";
import { resolvePartName } from "../review/part-name.js";
import type { Border, Draft, DraftFooter, DraftParagraph, DraftRun, DraftSection, DraftTable, RunProps } from "./model.js";
import { Numbering } from "./numbering.js";
import { parsePart, readParts, refusal } from "./package.js";

const TWIPS_PER_MM = 1440 / 25.4;
const mm = (twips: number): number => Math.round((twips / TWIPS_PER_MM) * 10) / 10;

interface RunLayer {
  eastAsiaFont?: string;
  asciiFont?: string;
  sizePt?: number;
  bold?: boolean;
  italic?: boolean;
  scalePct?: number;
  spacingPt?: number;
  colour?: string;
}

interface ParagraphLayer {
  align?: DraftParagraph["align"];
  left?: number;
  right?: number;
  firstLine?: number;
  firstLineChars?: number;
  leftChars?: number;
  line?: number;
  lineRule?: DraftParagraph["spacing"]["lineRule"];
  before?: number;
  after?: number;
  pageBreakBefore?: boolean;
  top?: Border;
  bottom?: Border;
  numId?: string;
  ilvl?: number;
}

interface Style {
  readonly id: string;
  readonly name?: string;
  readonly basedOn?: string;
  readonly p: ParagraphLayer;
  readonly r: RunLayer;
}

const on = (el: XmlElement | undefined): boolean | undefined => {
  if (!el) return undefined;
  const v = el.attrs["w:val"];
  return v === undefined || !["0", "false", "off", "none"].includes(v);
};
const num = (v: string | undefined): number | undefined => (v === undefined || v === "" || Number.isNaN(Number(v)) ? undefined : Number(v));

function runLayer(rPr: XmlElement | undefined): RunLayer {
  if (!rPr) return {};
  const out: RunLayer = {};
  const fonts = child(rPr, "w:rFonts");
  if (fonts) {
    const ea = fonts.attrs["w:eastAsia"] ?? (fonts.attrs["w:eastAsiaTheme"] ? `(${fonts.attrs["w:eastAsiaTheme"]})` : undefined);
    const ascii = fonts.attrs["w:ascii"] ?? (fonts.attrs["w:asciiTheme"] ? `(${fonts.attrs["w:asciiTheme"]})` : undefined);
    if (ea) out.eastAsiaFont = ea;
    if (ascii) out.asciiFont = ascii;
  }
  const sz = num(child(rPr, "w:sz")?.attrs["w:val"]);
  if (sz !== undefined) out.sizePt = sz / 2;
  const b = on(child(rPr, "w:b"));
  if (b !== undefined) out.bold = b;
  const i = on(child(rPr, "w:i"));
  if (i !== undefined) out.italic = i;
  const w = num(child(rPr, "w:w")?.attrs["w:val"]?.replace("%", ""));
  if (w !== undefined) out.scalePct = w;
  const spacing = num(child(rPr, "w:spacing")?.attrs["w:val"]);
  if (spacing !== undefined) out.spacingPt = spacing / 20;
  const colour = child(rPr, "w:color")?.attrs["w:val"];
  if (colour !== undefined) out.colour = colour.toLowerCase() === "auto" ? "" : colour.toUpperCase();
  return out;
}

function border(el: XmlElement | undefined): Border | undefined {
  if (!el || el.attrs["w:val"] === "none" || el.attrs["w:val"] === "nil") return undefined;
  const colour = el.attrs["w:color"];
  return { ...(colour && colour !== "auto" ? { colour: colour.toUpperCase() } : {}), sizeEighths: num(el.attrs["w:sz"]) ?? 4 };
}

function paragraphLayer(pPr: XmlElement | undefined): ParagraphLayer {
  if (!pPr) return {};
  const out: ParagraphLayer = {};
  const jc = child(pPr, "w:jc")?.attrs["w:val"];
  if (jc) out.align = jc === "center" ? "center" : jc === "right" || jc === "end" ? "right" : jc === "both" || jc === "justify" ? "both" : jc === "distribute" ? "distribute" : "left";
  const ind = child(pPr, "w:ind");
  if (ind) {
    const left = num(ind.attrs["w:left"] ?? ind.attrs["w:start"]);
    const right = num(ind.attrs["w:right"] ?? ind.attrs["w:end"]);
    const first = num(ind.attrs["w:firstLine"]);
    const hanging = num(ind.attrs["w:hanging"]);
    const firstChars = num(ind.attrs["w:firstLineChars"]);
    const hangingChars = num(ind.attrs["w:hangingChars"]);
    const leftChars = num(ind.attrs["w:leftChars"] ?? ind.attrs["w:startChars"]);
    if (left !== undefined) out.left = left;
    if (right !== undefined) out.right = right;
    if (first !== undefined) out.firstLine = first;
    if (hanging !== undefined) out.firstLine = -hanging;
    if (firstChars !== undefined) out.firstLineChars = firstChars / 100;
    if (hangingChars !== undefined) out.firstLineChars = -hangingChars / 100;
    if (leftChars !== undefined) out.leftChars = leftChars / 100;
  }
  const spacing = child(pPr, "w:spacing");
  if (spacing) {
    const line = num(spacing.attrs["w:line"]);
    if (line !== undefined) out.line = line;
    const rule = spacing.attrs["w:lineRule"];
    if (rule) out.lineRule = rule === "exact" ? "exact" : rule === "atLeast" ? "atLeast" : "auto";
    else if (line !== undefined) out.lineRule = "auto";
    const before = num(spacing.attrs["w:before"]);
    const after = num(spacing.attrs["w:after"]);
    if (before !== undefined) out.before = before;
    if (after !== undefined) out.after = after;
  }
  const pbb = on(child(pPr, "w:pageBreakBefore"));
  if (pbb !== undefined) out.pageBreakBefore = pbb;
  const bdr = child(pPr, "w:pBdr");
  if (bdr) {
    const top = border(child(bdr, "w:top"));
    const bottom = border(child(bdr, "w:bottom"));
    if (top) out.top = top;
    if (bottom) out.bottom = bottom;
  }
  const numPr = child(pPr, "w:numPr");
  if (numPr) {
    const id = child(numPr, "w:numId")?.attrs["w:val"];
    if (id !== undefined) out.numId = id;
    const ilvl = num(child(numPr, "w:ilvl")?.attrs["w:val"]);
    if (ilvl !== undefined) out.ilvl = ilvl;
  }
  return out;
}

class Styles {
  private readonly byId = new Map<string, Style>();
  readonly defaultParagraph?: string;
  readonly docRun: RunLayer;
  readonly docParagraph: ParagraphLayer;

  constructor(root: XmlElement | undefined) {
    const defaults = child(root, "w:docDefaults");
    this.docRun = runLayer(child(child(defaults, "w:rPrDefault"), "w:rPr"));
    this.docParagraph = paragraphLayer(child(child(defaults, "w:pPrDefault"), "w:pPr"));
    let defaultParagraph: string | undefined;
    for (const el of root ? elements(root) : []) {
      if (el.name !== "w:style") continue;
      const id = el.attrs["w:styleId"] ?? "";
      const name = child(el, "w:name")?.attrs["w:val"];
      const basedOn = child(el, "w:basedOn")?.attrs["w:val"];
      this.byId.set(id, {
        id,
        ...(name ? { name } : {}),
        ...(basedOn ? { basedOn } : {}),
        p: paragraphLayer(child(el, "w:pPr")),
        r: runLayer(child(el, "w:rPr")),
      });
      if (el.attrs["w:type"] === "paragraph" && on({ name: "", attrs: { "w:val": el.attrs["w:default"] ?? "0" }, children: [] })) defaultParagraph = id;
    }
    if (defaultParagraph) this.defaultParagraph = defaultParagraph;
  }

  name(id: string | undefined): string | undefined {
    return id === undefined ? undefined : this.byId.get(id)?.name;
  }

  /** The style and its ancestors, base first; a cycle (seen in damaged files) stops the walk. */
  chain(id: string | undefined): Style[] {
    const out: Style[] = [];
    const seen = new Set<string>();
    let current = id === undefined ? undefined : this.byId.get(id);
    while (current && !seen.has(current.id)) {
      seen.add(current.id);
      out.unshift(current);
      current = current.basedOn === undefined ? undefined : this.byId.get(current.basedOn);
    }
    return out;
  }
}

/**
 * Theme fonts (`w:eastAsiaTheme="minorEastAsia"`): Word draws the theme's typeface for the slot; an
 * empty East Asian slot falls back to the theme's font for simplified Chinese (script "Hans").
 */
class ThemeFonts {
  private readonly slots = new Map<string, string>();

  constructor(root: XmlElement | undefined) {
    const local = (el: XmlElement) => el.name.slice(el.name.lastIndexOf("}") + 1);
    for (const scheme of root ? descendants(root, (l) => l === "majorFont" || l === "minorFont") : []) {
      const prefix = local(scheme) === "majorFont" ? "major" : "minor";
      let latin = "";
      let ea = "";
      let hans = "";
      for (const font of elements(scheme)) {
        const typeface = font.attrs.typeface ?? "";
        if (local(font) === "latin") latin = typeface;
        else if (local(font) === "ea") ea = typeface;
        else if (local(font) === "font" && font.attrs.script === "Hans") hans = typeface;
      }
      if (latin) for (const slot of ["HAnsi", "Ascii", "Bidi"]) this.slots.set(`${prefix}${slot}`, latin);
      if (ea || hans) this.slots.set(`${prefix}EastAsia`, ea || hans);
    }
  }

  /** `(minorEastAsia)` → `宋体（主题字体 minorEastAsia）`; other names unchanged. */
  resolve(name: string | undefined): string | undefined {
    const slot = name && /^\((\w+)\)$/.exec(name)?.[1];
    if (!slot) return name;
    const typeface = this.slots.get(slot);
    return typeface ? `${typeface}（主题字体 ${slot}）` : name;
  }
}

function resolveRun(layers: RunLayer[]): RunProps {
  const merged: RunLayer = Object.assign({}, ...layers);
  return {
    ...(merged.eastAsiaFont ? { eastAsiaFont: merged.eastAsiaFont } : {}),
    ...(merged.asciiFont ? { asciiFont: merged.asciiFont } : {}),
    // Word's own default when nothing says otherwise: 10 pt.
    sizePt: merged.sizePt ?? 10,
    bold: merged.bold ?? false,
    italic: merged.italic ?? false,
    scalePct: merged.scalePct ?? 100,
    spacingPt: merged.spacingPt ?? 0,
    ...(merged.colour ? { colour: merged.colour } : {}),
  };
}

/** Descendants by local name (DrawingML and VML live in many namespaces). */
function descendants(el: XmlElement, test: (local: string) => boolean, out: XmlElement[] = []): XmlElement[] {
  for (const c of elements(el)) {
    const local = c.name.slice(c.name.lastIndexOf("}") + 1).replace(/^w:/, "");
    if (test(local)) out.push(c);
    descendants(c, test, out);
  }
  return out;
}

function shapesIn(el: XmlElement): Array<{ colour?: string }> {
  const shapes: Array<{ colour?: string }> = [];
  for (const drawing of descendants(el, (l) => l === "drawing" || l === "pict")) {
    for (const ln of descendants(drawing, (l) => l === "ln")) {
      const rgb = descendants(ln, (l) => l === "srgbClr")[0]?.attrs.val;
      if (descendants(ln, (l) => l === "noFill").length === 0) shapes.push(rgb ? { colour: rgb.toUpperCase() } : {});
    }
    for (const v of descendants(drawing, (l) => ["line", "rect", "shape"].includes(l))) {
      const colour = v.attrs.strokecolor ?? v.attrs.fillcolor;
      if (colour) shapes.push({ colour: vmlColour(colour) });
    }
  }
  return shapes;
}

function vmlColour(value: string): string {
  const named: Record<string, string> = { red: "FF0000", black: "000000" };
  const hex = value.replace(/^#/, "").split(/\s/)[0]!;
  return named[hex.toLowerCase()] ?? (hex.length === 3 ? hex.replace(/./g, (c) => c + c) : hex).toUpperCase();
}

interface Context {
  readonly theme: ThemeFonts;
  readonly styles: Styles;
  readonly numbering: Numbering;
  readonly paragraphs: DraftParagraph[];
  readonly tables: DraftTable[];
}

function readParagraph(p: XmlElement, ctx: Context, table?: DraftParagraph["table"]): DraftParagraph {
  const pPr = child(p, "w:pPr");
  const styleId = child(pPr, "w:pStyle")?.attrs["w:val"] ?? ctx.styles.defaultParagraph;
  const chain = ctx.styles.chain(styleId);
  const pl: ParagraphLayer = Object.assign({}, ctx.styles.docParagraph, ...chain.map((s) => s.p), paragraphLayer(pPr));
  const baseRun = [ctx.styles.docRun, ...chain.map((s) => s.r)];
  const runs: DraftRun[] = [];
  let pageBreakBefore = pl.pageBreakBefore ?? false;

  const walk = (nodes: ReadonlyArray<XmlElement | string>): void => {
    for (const node of nodes) {
      if (typeof node === "string") continue;
      switch (node.name) {
        case "w:pPr": case "w:del": case "w:moveFrom": case "w:rPr": case "w:proofErr": case "w:bookmarkStart": case "w:bookmarkEnd":
          break;
        case "w:r": {
          const rPr = child(node, "w:rPr");
          const rStyle = ctx.styles.chain(child(rPr, "w:rStyle")?.attrs["w:val"]).map((s) => s.r);
          const resolved = resolveRun([...baseRun, ...rStyle, runLayer(rPr)]);
          const eastAsiaFont = ctx.theme.resolve(resolved.eastAsiaFont);
          const asciiFont = ctx.theme.resolve(resolved.asciiFont);
          const props: RunProps = { ...resolved, ...(eastAsiaFont ? { eastAsiaFont } : {}), ...(asciiFont ? { asciiFont } : {}) };
          let text = "";
          for (const c of elements(node)) {
            if (c.name === "w:t") text += c.children.join("");
            else if (c.name === "w:tab" || c.name === "w:ptab") text += "\t";
            else if (c.name === "w:br" || c.name === "w:cr") {
              const type = c.attrs["w:type"];
              if (type === "page") {
                if (runs.every((r) => r.text.trim() === "") && text.trim() === "") pageBreakBefore = true;
              } else if (type !== "column") text += "\n";
            } else if (c.name === "w:sym") text += "\uFFFD";
            else if (c.name === "w:noBreakHyphen") text += "-";
            else if (c.name === "mc:AlternateContent") {
              // a text box or shape: its text is not the paragraph's own
            }
          }
          if (text !== "") runs.push({ text, ...props });
          break;
        }
        case "mc:AlternateContent": {
          const branch = child(node, "mc:Choice") ?? child(node, "mc:Fallback");
          if (branch) walk(branch.children);
          break;
        }
        default:
          // hyperlinks, insertions, smart tags, content controls, simple fields: containers of runs
          walk(node.children);
      }
    }
  };
  walk(p.children);

  let numberingText: string | undefined;
  if (pl.numId !== undefined && pl.numId !== "0") numberingText = ctx.numbering.next(pl.numId, pl.ilvl ?? 0);
  const styleName = ctx.styles.name(styleId);
  return {
    index: ctx.paragraphs.length,
    text: runs.map((r) => r.text).join(""),
    ...(numberingText ? { numberingText } : {}),
    runs,
    ...(styleId ? { styleId } : {}),
    ...(styleName ? { styleName } : {}),
    align: pl.align ?? "left",
    indent: {
      left: pl.left ?? 0,
      right: pl.right ?? 0,
      firstLine: pl.firstLine ?? 0,
      ...(pl.firstLineChars !== undefined ? { firstLineChars: pl.firstLineChars } : {}),
      ...(pl.leftChars !== undefined ? { leftChars: pl.leftChars } : {}),
    },
    spacing: { ...(pl.line !== undefined ? { line: pl.line } : {}), lineRule: pl.lineRule ?? "auto", before: pl.before ?? 0, after: pl.after ?? 0 },
    pageBreakBefore,
    borders: { ...(pl.top ? { top: pl.top } : {}), ...(pl.bottom ? { bottom: pl.bottom } : {}) },
    shapes: shapesIn(p),
    ...(table ? { table } : {}),
  };
}

function walkBody(nodes: ReadonlyArray<XmlElement | string>, ctx: Context, table?: DraftParagraph["table"]): void {
  for (const node of nodes) {
    if (typeof node === "string") continue;
    if (node.name === "w:p") ctx.paragraphs.push(readParagraph(node, ctx, table));
    else if (node.name === "w:tbl") readTable(node, ctx);
    else if (node.name === "w:sdt" || node.name === "w:sdtContent" || node.name === "w:customXml" || node.name === "w:ins") walkBody(node.children, ctx, table);
  }
}

function readTable(tbl: XmlElement, ctx: Context): void {
  const index = ctx.tables.length;
  const firstParagraph = ctx.paragraphs.length;
  const entry: { index: number; rows: string[][]; firstParagraph: number } = { index, rows: [], firstParagraph };
  ctx.tables.push(entry);
  let row = 0;
  for (const tr of elements(tbl)) {
    if (tr.name !== "w:tr") continue;
    const cells: string[] = [];
    let cell = 0;
    for (const tc of elements(tr)) {
      if (tc.name !== "w:tc") continue;
      const start = ctx.paragraphs.length;
      walkBody(tc.children, ctx, { index, row, cell });
      cells.push(ctx.paragraphs.slice(start).filter((p) => p.table?.index === index && p.table.row === row && p.table.cell === cell).map((p) => p.text).join("\n"));
      cell++;
    }
    entry.rows.push(cells);
    row++;
  }
}

function readSection(sectPr: XmlElement | undefined): DraftSection {
  const size = child(sectPr, "w:pgSz");
  const margin = child(sectPr, "w:pgMar");
  const grid = child(sectPr, "w:docGrid");
  // Without a w:pgSz Word uses US Letter; LibreOffice and WPS write it always.
  const width = num(size?.attrs["w:w"]) ?? 12240;
  const height = num(size?.attrs["w:h"]) ?? 15840;
  const footer = num(margin?.attrs["w:footer"]);
  const type = grid?.attrs["w:type"];
  const linePitch = num(grid?.attrs["w:linePitch"]);
  const charSpace = num(grid?.attrs["w:charSpace"]);
  return {
    pageWidthMm: mm(width),
    pageHeightMm: mm(height),
    marginMm: {
      top: mm(Math.abs(num(margin?.attrs["w:top"]) ?? 1440)),
      bottom: mm(Math.abs(num(margin?.attrs["w:bottom"]) ?? 1440)),
      left: mm(num(margin?.attrs["w:left"] ?? margin?.attrs["w:start"]) ?? 1800),
      right: mm(num(margin?.attrs["w:right"] ?? margin?.attrs["w:end"]) ?? 1800),
    },
    ...(footer !== undefined ? { footerMm: mm(footer) } : {}),
    grid: { ...(type ? { type } : {}), ...(linePitch !== undefined ? { linePitchTwips: linePitch } : {}), ...(charSpace !== undefined ? { charSpace } : {}) },
    landscape: size?.attrs["w:orient"] === "landscape" || width > height,
  };
}

function sectionsOf(body: XmlElement): XmlElement[] {
  const found: XmlElement[] = [];
  const walk = (el: XmlElement): void => {
    for (const c of elements(el)) {
      if (c.name === "w:sectPr") found.push(c);
      else if (!c.name.endsWith("Change")) walk(c);
    }
  };
  walk(body);
  return found;
}

function relationships(parts: ReadonlyMap<string, Uint8Array>, source: string, file: string): Map<string, { type: string; path: string }> {
  const slash = source.lastIndexOf("/");
  const dir = source.slice(0, slash + 1);
  const root = parsePart(parts, `${dir}_rels/${source.slice(slash + 1)}.rels`, file);
  const rels = new Map<string, { type: string; path: string }>();
  for (const rel of root ? elements(root) : []) {
    const { Id: id, Type: type, Target: target, TargetMode: mode } = rel.attrs;
    if (rel.name !== "Relationship" || !id || !type || target === undefined || mode === "External") continue;
    rels.set(id, { type: type.slice(type.lastIndexOf("/") + 1), path: resolvePartName(dir, target) });
  }
  return rels;
}

export function readDraft(bytes: Uint8Array, file: string): Draft {
  const parts = readParts(bytes, file);
  // Every XML part is checked for a DOCTYPE, read or not: a guard that depends on which parts we read is no guard.
  for (const name of parts.keys()) parsePartGuardOnly(parts, name, file);
  const main = [...relationships(parts, "", file).values()].find((r) => r.type === "officeDocument");
  if (!main) {
    throw refusal(file, "not-docx", "不是 .docx 文件：压缩包中没有主文档（_rels/.rels 缺少 officeDocument 关系）", "not a .docx file: the archive has no main document (_rels/.rels lacks an officeDocument relationship)");
  }
  const document = parsePart(parts, main.path, file);
  const body = document?.name === "w:document" ? child(document, "w:body") : undefined;
  if (!body) throw refusal(file, "not-docx", `不是 Word 文档：${main.path} 中没有正文（w:body）`, `not a Word document: ${main.path} has no w:body`);
  const rels = relationships(parts, main.path, file);
  const partOf = (type: string): XmlElement | undefined => {
    const rel = [...rels.values()].find((r) => r.type === type);
    return rel ? parsePart(parts, rel.path, file) : undefined;
  };
  const ctx: Context = { theme: new ThemeFonts(partOf("theme")), styles: new Styles(partOf("styles")), numbering: new Numbering(partOf("numbering")), paragraphs: [], tables: [] };
  walkBody(body.children, ctx);

  const sectPrs = sectionsOf(body);
  const footers: DraftFooter[] = [];
  // Every section's footers: a 版记 page often sits in a section of its own without page numbers.
  const seenFooters = new Set<string>();
  for (const ref of sectPrs.flatMap((sectPr) => elements(sectPr))) {
    if (ref.name !== "w:footerReference") continue;
    const rel = rels.get(ref.attrs["r:id"] ?? "");
    const key = `${ref.attrs["w:type"] ?? "default"} ${rel?.path}`;
    if (seenFooters.has(key)) continue;
    seenFooters.add(key);
    const root = rel ? parsePart(parts, rel.path, file) : undefined;
    if (!root) continue;
    const footerCtx: Context = { ...ctx, paragraphs: [], tables: [] };
    walkBody(root.children, footerCtx);
    const instructions = descendants(root, (l) => l === "instrText").map((el) => el.children.join("")).join(" ") + descendants(root, (l) => l === "fldSimple").map((el) => el.attrs["w:instr"] ?? "").join(" ");
    const type = ref.attrs["w:type"] === "first" || ref.attrs["w:type"] === "even" ? ref.attrs["w:type"] : "default";
    const shown = footerCtx.paragraphs.find((p) => p.text.trim() !== "") ?? footerCtx.paragraphs[0];
    footers.push({
      type,
      text: footerCtx.paragraphs.map((p) => p.text).join("\n"),
      hasPageField: /\bPAGE\b/.test(instructions),
      align: shown?.align ?? "left",
      runs: footerCtx.paragraphs.flatMap((p) => p.runs),
    });
  }
  return {
    file,
    sections: sectPrs.length > 0 ? sectPrs.map(readSection) : [readSection(undefined)],
    paragraphs: ctx.paragraphs,
    tables: ctx.tables,
    footers,
  };
}

function parsePartGuardOnly(parts: ReadonlyMap<string, Uint8Array>, name: string, file: string): void {
  const data = parts.get(name);
  if (!data) return;
  // Only the prolog can hold a DOCTYPE; reading the first kilobytes is enough and cheap.
  const head = new TextDecoder(data[0] === 0xff || data[0] === 0xfe ? "utf-16le" : "utf-8").decode(data.subarray(0, 4096));
  if (/<!DOCTYPE|<!ENTITY/i.test(head)) parsePart(parts, name, file);
}
