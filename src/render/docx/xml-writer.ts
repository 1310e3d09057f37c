import { TAB, type BlockSpec, type BorderLine, type CellSpec, type ParagraphSpec, type TableSpec, type TextRunSpec } from "./spec.js";

/**
 * Specs → WordprocessingML as strings, written directly: what the `docx` library writes for the same
 * specs, byte for byte (element order, attribute order, escaping, integer values), without building
 * its object tree. Building and compiling that tree was ~60 % of a render; this is a few string
 * concatenations per paragraph. test/render/xml-writer.test.ts holds the two writers to each other.
 *
 * Drawings (a seal image) are not written here: documents with one go through the library.
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };

/** Escapes as the library does: markup characters as entities, C0 controls XML cannot hold dropped. */
export function escapeXml(value: string): string {
  return /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/.test(value)
    ? value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => ESCAPES[char] ?? "")
    : value;
}

/** The library writes measures as integers, rounding down. */
const int = (value: number) => Math.floor(value);

const onOff = (name: string, value: boolean) => (value ? `<${name}/>` : `<${name} w:val="false"/>`);

function borderXml(name: string, line: BorderLine): string {
  const space = line.space !== undefined ? ` w:space="${int(line.space)}"` : "";
  return `<${name} w:val="${line.style}" w:color="${line.color}" w:sz="${int(line.size)}"${space}/>`;
}

function runXml(run: TextRunSpec): string {
  const { font } = run;
  let xml = `<w:r><w:rPr><w:rFonts w:ascii="${escapeXml(font.ascii)}" w:cs="${escapeXml(font.cs)}" w:eastAsia="${escapeXml(font.eastAsia)}" w:hAnsi="${escapeXml(font.hAnsi)}"${font.hint ? ` w:hint="${font.hint}"` : ""}/>`;
  if (run.snapToGrid === false) xml += '<w:snapToGrid w:val="false"/>';
  if (run.colour) xml += `<w:color w:val="${run.colour}"/>`;
  if (run.scalePercent !== undefined) xml += `<w:w w:val="${run.scalePercent}"/>`;
  if (run.sizeHalfPoints !== undefined) xml += `<w:sz w:val="${int(run.sizeHalfPoints)}"/><w:szCs w:val="${int(run.sizeHalfPoints)}"/>`;
  xml += "</w:rPr>";
  if (run.breakBefore) xml += "<w:br/>";
  for (const piece of run.content) xml += piece === TAB ? "<w:tab/>" : `<w:t xml:space="preserve">${escapeXml(piece)}</w:t>`;
  return `${xml}</w:r>`;
}

function paragraphPropertiesXml(spec: ParagraphSpec, sectionProperties: string): string {
  let xml = "";
  if (spec.style !== undefined) xml += `<w:pStyle w:val="${escapeXml(spec.style)}"/>`;
  if (spec.keepNext !== undefined) xml += onOff("w:keepNext", spec.keepNext);
  if (spec.keepLines !== undefined) xml += onOff("w:keepLines", spec.keepLines);
  if (spec.pageBreakBefore) xml += "<w:pageBreakBefore/>";
  if (spec.widowControl !== undefined) xml += onOff("w:widowControl", spec.widowControl);
  if (spec.border && (spec.border.top || spec.border.bottom)) {
    xml += `<w:pBdr>${spec.border.top ? borderXml("w:top", spec.border.top) : ""}${spec.border.bottom ? borderXml("w:bottom", spec.border.bottom) : ""}</w:pBdr>`;
  }
  if (spec.tabStops && spec.tabStops.length > 0) {
    xml += `<w:tabs>${spec.tabStops.map((stop) => `<w:tab w:val="${stop.type}" w:pos="${int(stop.position)}"/>`).join("")}</w:tabs>`;
  }
  if (spec.spacing) {
    const { after, before, line } = spec.spacing;
    xml += `<w:spacing w:after="${int(after)}" w:before="${int(before)}" w:line="${int(line)}" w:lineRule="exact"/>`;
  }
  if (spec.indent) {
    const { left, right, hanging, firstLine } = spec.indent;
    const attributes =
      (left !== undefined ? ` w:left="${int(left)}"` : "") +
      (right !== undefined ? ` w:right="${int(right)}"` : "") +
      (hanging !== undefined ? ` w:hanging="${int(hanging)}"` : "") +
      (firstLine !== undefined ? ` w:firstLine="${int(firstLine)}"` : "");
    xml += `<w:ind${attributes}/>`;
  }
  if (spec.alignment) xml += `<w:jc w:val="${spec.alignment}"/>`;
  xml += sectionProperties;
  return xml ? `<w:pPr>${xml}</w:pPr>` : "";
}

/** A paragraph; `sectionProperties` (a `w:sectPr`) when it is the one that ends a section. */
export function paragraphXml(spec: ParagraphSpec, sectionProperties = ""): string {
  let xml = `<w:p>${paragraphPropertiesXml(spec, sectionProperties)}`;
  for (const run of spec.runs) {
    if (run.kind !== "text") throw new Error("xml-writer: drawings are written by the docx library");
    xml += runXml(run);
  }
  return `${xml}</w:p>`;
}

const zeroMarginsXml =
  '<w:tcMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="0"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="0"/></w:tcMar>';

function cellXml(cell: CellSpec): string {
  let properties = `<w:tcW w:type="dxa" w:w="${int(cell.widthTwips)}"/>`;
  if (cell.borders) {
    const b = cell.borders;
    properties += `<w:tcBorders>${borderXml("w:top", b.top)}${borderXml("w:left", b.left)}${borderXml("w:bottom", b.bottom)}${borderXml("w:right", b.right)}</w:tcBorders>`;
  }
  if (cell.zeroMargins) properties += zeroMarginsXml;
  if (cell.verticalAlign) properties += `<w:vAlign w:val="${cell.verticalAlign}"/>`;
  return `<w:tc><w:tcPr>${properties}</w:tcPr>${cell.children.map((paragraph) => paragraphXml(paragraph)).join("")}</w:tc>`;
}

function tableXml(spec: TableSpec): string {
  const b = spec.borders;
  let xml =
    `<w:tbl><w:tblPr><w:tblW w:type="dxa" w:w="${int(spec.widthTwips)}"/><w:tblBorders>` +
    `${borderXml("w:top", b.top)}${borderXml("w:left", b.left)}${borderXml("w:bottom", b.bottom)}${borderXml("w:right", b.right)}` +
    `${borderXml("w:insideH", b.insideHorizontal)}${borderXml("w:insideV", b.insideVertical)}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr>` +
    `<w:tblGrid>${spec.columnWidths.map((width) => `<w:gridCol w:w="${int(width)}"/>`).join("")}</w:tblGrid>`;
  for (const row of spec.rows) {
    const rowProperties =
      (row.cantSplit ? "<w:cantSplit/>" : "") +
      (row.heightTwips !== undefined ? `<w:trHeight w:val="${int(row.heightTwips)}" w:hRule="exact"/>` : "");
    xml += `<w:tr>${rowProperties ? `<w:trPr>${rowProperties}</w:trPr>` : ""}${row.cells.map(cellXml).join("")}</w:tr>`;
  }
  return `${xml}</w:tbl>`;
}

export function blockXml(spec: BlockSpec): string {
  return spec.kind === "paragraph" ? paragraphXml(spec) : tableXml(spec);
}
