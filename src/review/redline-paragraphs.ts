/**
 * The paragraphs of a main document part as the redline sees them: each `w:p` outside text boxes,
 * with its text and, for every run, where each piece of that text lives in the XML. The text
 * follows docx-text's rules (tabs "\t", line breaks "\n", field results not instructions), so what
 * the redline aligns is what reviewers and `gongwen text` read.
 */
import { elementChildren, type XElement, type WordNames } from "./redline-xml.js";

export interface Piece {
  /** A child of the run: `w:t`, `w:tab`, `w:br`, a drawing, a field character, … */
  readonly node: XElement;
  /** Visible text; "" for content that shows none (drawings, page breaks, field instructions). */
  readonly text: string;
  /** Offset of the text in the paragraph's text. */
  readonly start: number;
}

export interface RunInfo {
  readonly run: XElement;
  /** The element holding the run: the paragraph, or a hyperlink, smart tag, content control… */
  readonly parent: XElement;
  readonly rPr?: XElement;
  readonly pieces: readonly Piece[];
}

export interface Unit {
  readonly p: XElement;
  readonly parent: XElement;
  readonly text: string;
  readonly runs: readonly RunInfo[];
  /** The table row holding the paragraph, if any. */
  readonly row?: XElement;
}

export interface CollectOptions {
  /**
   * Leave out text already deleted by tracked changes (w:del, w:moveFrom): the old side is read as
   * it currently shows, like docx-text's default view.
   */
  readonly skipDeleted?: boolean;
}

const DELETED = new Set(["del", "moveFrom"]);

export function collectUnits(body: XElement, w: WordNames, options: CollectOptions = {}): Unit[] {
  const units: Unit[] = [];
  const fields: boolean[] = [];
  const skip = (el: XElement) => {
    const local = w.local(el.name);
    if (local === undefined) return false;
    return local.endsWith("Pr") || local.endsWith("PrChange") || local === "sectPr" || (options.skipDeleted === true && DELETED.has(local));
  };

  const walkBlocks = (container: XElement, row: XElement | undefined): void => {
    for (const el of elementChildren(container)) {
      if (skip(el)) continue;
      if (w.is(el, "p")) units.push(readParagraph(el, container, row));
      else if (w.is(el, "tr")) walkBlocks(el, el);
      else if (el.name === "mc:AlternateContent") {
        const branch = alternate(el);
        if (branch) walkBlocks(branch, row);
      } else walkBlocks(el, row);
    }
  };

  const readParagraph = (p: XElement, parent: XElement, row: XElement | undefined): Unit => {
    const runs: RunInfo[] = [];
    let offset = 0;
    const walkInline = (container: XElement): void => {
      for (const el of elementChildren(container)) {
        if (skip(el)) continue;
        if (w.is(el, "r")) {
          const pieces: Piece[] = [];
          for (const node of elementChildren(el)) {
            if (w.is(node, "rPr")) continue;
            const text = pieceText(node, w, fields);
            pieces.push({ node, text, start: offset });
            offset += text.length;
          }
          const rPr = w.child(el, "rPr");
          runs.push({ run: el, parent: container, pieces, ...(rPr ? { rPr } : {}) });
        } else if (el.name === "mc:AlternateContent") {
          const branch = alternate(el);
          if (branch) walkInline(branch);
        } else walkInline(el);
      }
    };
    walkInline(p);
    const text = runs.flatMap((r) => r.pieces.map((piece) => piece.text)).join("");
    return { p, parent, text, runs, ...(row ? { row } : {}) };
  };

  walkBlocks(body, undefined);
  return units;
}

/** Every branch of markup compatibility holds the same content: read one, as Office does. */
function alternate(el: XElement): XElement | undefined {
  const children = elementChildren(el);
  return children.find((c) => c.name === "mc:Choice") ?? children.find((c) => c.name === "mc:Fallback");
}

/**
 * `fields` is the complex-field stack of the whole part (a field may span paragraphs): text between
 * a field's begin and separate characters is its instruction, hidden like `w:instrText`.
 */
function pieceText(node: XElement, w: WordNames, fields: boolean[]): string {
  const local = w.local(node.name);
  const shown = fields.every(Boolean);
  switch (local) {
    case "t":
      return shown ? node.children.map((c) => (c.kind === "text" ? c.text : "")).join("") : "";
    case "tab":
    case "ptab":
      return shown ? "\t" : "";
    case "br": {
      const type = node.attrs[w.q("type")];
      return shown && type !== "page" && type !== "column" ? "\n" : "";
    }
    case "cr":
      return shown ? "\n" : "";
    case "noBreakHyphen":
      return shown ? "-" : "";
    case "sym":
      return shown ? symbol(node.attrs[w.q("char")]) : "";
    case "fldChar": {
      const type = node.attrs[w.q("fldCharType")];
      if (type === "begin") fields.push(false);
      else if (type === "separate" && fields.length > 0) fields[fields.length - 1] = true;
      else if (type === "end") fields.pop();
      return "";
    }
    default:
      return "";
  }
}

/** As docx-xml.ts: private-use symbol-font codes have no Unicode meaning, so they read U+FFFD. */
function symbol(hex: string | undefined): string {
  const code = hex === undefined ? NaN : Number.parseInt(hex, 16);
  const valid = Number.isInteger(code) && code >= 0x20 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
  if (!valid || (code >= 0xe000 && code <= 0xf8ff)) return "\uFFFD";
  return String.fromCodePoint(code);
}
