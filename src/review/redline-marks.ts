/**
 * Tracked-change markup (ISO/IEC 29500-1 §17.13.5): `w:ins` and `w:del` around runs, the same
 * elements inside a paragraph mark's properties (`w:pPr/w:rPr`) and a row's (`w:trPr`). Every mark
 * carries a unique `w:id`, the author and, when known, the date; ids are numbered in the order marks
 * are made, above every id already in the part, so the output is reproducible.
 */
import type { RunInfo, Unit } from "./redline-paragraphs.js";
import { cloneElement, elementChildren, type WordNames, type XElement, type XNode } from "./redline-xml.js";

export interface RevisionAuthor {
  readonly author: string;
  /** `2022-01-27T00:00:00Z`; left out of the marks when undefined (the attribute is optional). */
  readonly date?: string;
}

/** Marks that would make a paragraph copied from the old document claim changes it never had. */
const TRACKING = new Set(["ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange"]);

export class Revisions {
  private nextId: number;

  constructor(
    readonly w: WordNames,
    private readonly who: RevisionAuthor,
    /** Names of the old document, whose paragraphs are copied in as deletions. */
    private readonly oldW: WordNames,
    private readonly styleIds: ReadonlySet<string>,
    firstId: number,
  ) {
    this.nextId = firstId;
  }

  mark(kind: "ins" | "del", children: XNode[] = []): XElement {
    const attrs: Record<string, string> = { id: String(this.nextId++), author: this.who.author };
    if (this.who.date !== undefined) attrs.date = this.who.date;
    return this.w.el(kind, attrs, children);
  }

  /** The paragraph mark inserted or deleted: accepting/rejecting joins the paragraph with the next. */
  markParagraph(p: XElement, kind: "ins" | "del"): void {
    const w = this.w;
    let pPr = w.child(p, "pPr");
    if (!pPr) {
      pPr = w.el("pPr");
      p.children.unshift(pPr);
    }
    let rPr = w.child(pPr, "rPr");
    if (!rPr) {
      rPr = w.el("rPr");
      // CT_PPr ends with rPr, sectPr, pPrChange, in that order.
      const at = pPr.children.findIndex((c) => w.is(c, "sectPr") || w.is(c, "pPrChange"));
      pPr.children.splice(at < 0 ? pPr.children.length : at, 0, rPr);
    }
    rPr.children.unshift(this.mark(kind));
  }

  /** A row that only holds inserted paragraphs is an inserted row: rejecting removes the row too. */
  markRowInserted(tr: XElement): void {
    const w = this.w;
    let trPr = w.child(tr, "trPr");
    if (!trPr) {
      trPr = w.el("trPr");
      const at = tr.children.findIndex((c) => w.is(c, "tblPrEx"));
      tr.children.splice(at + 1, 0, trPr);
    }
    const at = trPr.children.findIndex((c) => w.is(c, "trPrChange"));
    trPr.children.splice(at < 0 ? trPr.children.length : at, 0, this.mark("ins"));
  }

  /** Wraps every run of a paragraph, wherever it sits (hyperlinks, content controls, fields), in `w:ins`. */
  insertRuns(container: XElement): void {
    const w = this.w;
    const out: XNode[] = [];
    let group: XElement[] = [];
    const flush = () => {
      if (group.length > 0) out.push(this.mark("ins", group));
      group = [];
    };
    for (const node of container.children) {
      if (node.kind === "element" && w.is(node, "r")) {
        group.push(node);
        continue;
      }
      flush();
      out.push(node);
      const local = node.kind === "element" ? w.local(node.name) : undefined;
      if (node.kind === "element" && !(local !== undefined && local.endsWith("Pr"))) this.insertRuns(node);
    }
    flush();
    container.children = out;
  }

  /** A deleted paragraph rebuilt from the old document: its properties, its runs as `w:del`, its mark deleted. */
  deletedParagraph(unit: Unit): XElement {
    const oldPPr = this.oldW.child(unit.p, "pPr");
    const pPr = oldPPr ? this.importProperties(oldPPr, "paragraph") : undefined;
    const p = this.w.el("p", {}, pPr ? [pPr] : []);
    const del = this.deletedRuns(unit, 0, unit.text.length, undefined);
    if (del) p.children.push(del);
    this.markParagraph(p, "del");
    return p;
  }

  /**
   * The old text [from, to) as deleted runs (`w:delText`, tabs and breaks as elements), each piece in
   * the formatting it had in the old document, so a deleted 楷体 heading still reads as 楷体.
   * `fallback` formats pieces whose old run had no properties.
   */
  deletedRuns(unit: Unit, from: number, to: number, fallback: XElement | undefined): XElement | undefined {
    const w = this.w;
    const runs: XElement[] = [];
    let lastSource: RunInfo | undefined;
    for (const source of unit.runs) {
      for (const piece of source.pieces) {
        const start = Math.max(from, piece.start);
        const end = Math.min(to, piece.start + piece.text.length);
        if (piece.text === "" || start >= end) continue;
        const content = this.oldW.is(piece.node, "t")
          ? w.el("delText", { "xml:space": "preserve" }, [{ kind: "text", text: piece.text.slice(start - piece.start, end - piece.start) }])
          : this.import(piece.node);
        if (lastSource !== source || runs.length === 0) {
          const rPr = source.rPr ? this.importProperties(source.rPr, "run") : fallback ? cloneElement(fallback) : undefined;
          runs.push(w.el("r", {}, rPr ? [rPr] : []));
          lastSource = source;
        }
        runs[runs.length - 1]!.children.push(content);
      }
    }
    return runs.length > 0 ? this.mark("del", runs) : undefined;
  }

  /**
   * Run or paragraph properties of the old document, made valid here: tracking marks removed, style
   * references this document cannot resolve dropped, numbering (ids of another numbering part) and
   * section breaks left out.
   */
  private importProperties(props: XElement, kind: "run" | "paragraph"): XElement {
    const copy = this.import(props);
    const w = this.w;
    const keep = (el: XElement): boolean => {
      const local = w.local(el.name);
      if (local === undefined) return true;
      if (TRACKING.has(local)) return false;
      if ((local === "pStyle" || local === "rStyle") && !this.styleIds.has(el.attrs[w.q("val")] ?? "")) return false;
      return !(kind === "paragraph" && (local === "numPr" || local === "sectPr"));
    };
    const prune = (el: XElement) => {
      el.children = el.children.filter((c) => c.kind !== "element" || keep(c));
      for (const c of elementChildren(el)) prune(c);
    };
    prune(copy);
    return copy;
  }

  /**
   * A copy of an old-document element in this document's prefix. Elements and attributes of other
   * namespaces are left out: their prefixes may not be declared here, and they carry no text.
   */
  private import(el: XElement): XElement {
    const rename = (name: string): string | undefined => {
      const local = this.oldW.local(name);
      if (local !== undefined) return this.w.q(local);
      return name.startsWith("xml:") ? name : undefined;
    };
    const copy = (node: XElement): XElement | undefined => {
      const name = rename(node.name);
      if (name === undefined) return undefined;
      const attrs: Record<string, string> = {};
      for (const [k, v] of Object.entries(node.attrs)) {
        const renamed = rename(k);
        if (renamed !== undefined) attrs[renamed] = v;
      }
      const children: XNode[] = [];
      for (const c of node.children) {
        if (c.kind !== "element") children.push({ ...c });
        else {
          const child = copy(c);
          if (child) children.push(child);
        }
      }
      return { kind: "element", name, attrs, children };
    };
    return copy(el) ?? this.w.el("rPr");
  }
}
