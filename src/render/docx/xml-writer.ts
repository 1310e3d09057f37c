import type { BlockSpec, BorderLine, CellSpec, ImageRunSpec, ParagraphSpec, RunSpec, TableSpec, TextRunSpec } from "../../layout/spec.js";
import { TAB } from "../../layout/spec.js";

/**
 * Laid-out specs → WordprocessingML, written directly as strings: the one writer of word/document.xml.
 * Element order follows the schema (ISO/IEC 29500-1 CT_PPr, CT_RPr, CT_TblPr …), so the Open XML SDK
 * validator accepts every part (test/render/ooxml-validity.test.ts).
 */

const ESCAPES: Record<string, string> = { "&": "&amp;", '"': "&quot;", "'": "&apos;", "<": "&lt;", ">": "&gt;" };

/** Markup characters as entities; C0 controls XML cannot hold are dropped. */
export function escapeXml(value: string): string {
  return /[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/.test(value)
    ? value.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (char) => ESCAPES[char] ?? "")
    : value;
}

/** Measures are whole numbers, rounded down. */
const int = (value: number) => Math.floor(value);

const onOff = (name: string, value: boolean) => (value ? `<${name}/>` : `<${name} w:val="false"/>`);

function borderXml(name: string, line: BorderLine): string {
  const space = line.space !== undefined ? ` w:space="${int(line.space)}"` : "";
  return `<${name} w:val="${line.style}" w:color="${line.color}" w:sz="${int(line.size)}"${space}/>`;
}

/** Images of a document, each with its relationship id, named in document order. */
export interface ImageRegistry {
  add(png: Uint8Array): { readonly relationshipId: string; readonly drawingId: number };
}

function textRunXml(run: TextRunSpec): string {
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

const A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const PIC = "http://schemas.openxmlformats.org/drawingml/2006/picture";

/** A floating picture (DrawingML anchor), in front of the text, not wrapping it: the seal over the 署名. */
function imageRunXml(run: ImageRunSpec, images: ImageRegistry): string {
  const { relationshipId, drawingId } = images.add(run.png);
  const size = int(run.sizeEmu);
  const alt = run.altText;
  return (
    "<w:r><w:drawing>" +
    `<wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${drawingId}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">` +
    '<wp:simplePos x="0" y="0"/>' +
    `<wp:positionH relativeFrom="margin"><wp:posOffset>${Math.round(run.offsetFromMarginEmu)}</wp:posOffset></wp:positionH>` +
    `<wp:positionV relativeFrom="paragraph"><wp:posOffset>${Math.round(run.offsetFromParagraphEmu)}</wp:posOffset></wp:positionV>` +
    `<wp:extent cx="${size}" cy="${size}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/>` +
    `<wp:docPr id="${drawingId}" name="${escapeXml(alt.name)}" descr="${escapeXml(alt.description)}" title="${escapeXml(alt.title)}"/>` +
    `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${A}" noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    `<a:graphic xmlns:a="${A}"><a:graphicData uri="${PIC}"><pic:pic xmlns:pic="${PIC}">` +
    `<pic:nvPicPr><pic:cNvPr id="${drawingId}" name="${escapeXml(alt.name)}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${relationshipId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${size}" cy="${size}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    "</pic:pic></a:graphicData></a:graphic></wp:anchor></w:drawing></w:r>"
  );
}

function runXml(run: RunSpec, images: ImageRegistry | undefined): string {
  if (run.kind === "text") return textRunXml(run);
  if (!images) throw new Error("xml-writer: an image outside the document body");
  return imageRunXml(run, images);
}

function framePropertiesXml(frame: NonNullable<ParagraphSpec["frame"]>): string {
  return `<w:framePr w:w="${int(frame.widthTwips)}" w:h="${int(frame.heightTwips)}" w:hRule="exact" w:wrap="notBeside" w:vAnchor="page" w:hAnchor="margin" w:xAlign="center" w:y="${int(frame.yFromPageTwips)}"/>`;
}

function paragraphPropertiesXml(spec: ParagraphSpec, sectionProperties: string): string {
  let xml = "";
  if (spec.style !== undefined) xml += `<w:pStyle w:val="${escapeXml(spec.style)}"/>`;
  if (spec.keepNext !== undefined) xml += onOff("w:keepNext", spec.keepNext);
  if (spec.keepLines !== undefined) xml += onOff("w:keepLines", spec.keepLines);
  if (spec.pageBreakBefore) xml += "<w:pageBreakBefore/>";
  if (spec.frame) xml += framePropertiesXml(spec.frame);
  if (spec.widowControl !== undefined) xml += onOff("w:widowControl", spec.widowControl);
  if (spec.border && (spec.border.top || spec.border.bottom)) {
    xml += `<w:pBdr>${spec.border.top ? borderXml("w:top", spec.border.top) : ""}${spec.border.bottom ? borderXml("w:bottom", spec.border.bottom) : ""}</w:pBdr>`;
  }
  if (spec.tabStops && spec.tabStops.length > 0) {
    xml += `<w:tabs>${spec.tabStops.map((stop) => `<w:tab w:val="${stop.type}" w:pos="${int(stop.position)}"/>`).join("")}</w:tabs>`;
  }
  if (spec.snapToGrid === false) xml += '<w:snapToGrid w:val="false"/>';
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
export function paragraphXml(spec: ParagraphSpec, images?: ImageRegistry, sectionProperties = ""): string {
  let xml = `<w:p>${paragraphPropertiesXml(spec, sectionProperties)}`;
  for (const run of spec.runs) xml += runXml(run, images);
  return `${xml}</w:p>`;
}

const zeroMarginsXml =
  '<w:tcMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="0"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="0"/></w:tcMar>';

function cellXml(cell: CellSpec, images: ImageRegistry | undefined): string {
  let properties = `<w:tcW w:type="dxa" w:w="${int(cell.widthTwips)}"/>`;
  if (cell.span !== undefined && cell.span > 1) properties += `<w:gridSpan w:val="${cell.span}"/>`;
  if (cell.borders) {
    const b = cell.borders;
    properties += `<w:tcBorders>${borderXml("w:top", b.top)}${borderXml("w:left", b.left)}${borderXml("w:bottom", b.bottom)}${borderXml("w:right", b.right)}</w:tcBorders>`;
  }
  if (cell.zeroMargins) properties += zeroMarginsXml;
  else if (cell.sideMarginTwips !== undefined) {
    const side = int(cell.sideMarginTwips);
    properties += `<w:tcMar><w:top w:type="dxa" w:w="0"/><w:left w:type="dxa" w:w="${side}"/><w:bottom w:type="dxa" w:w="0"/><w:right w:type="dxa" w:w="${side}"/></w:tcMar>`;
  }
  if (cell.verticalAlign) properties += `<w:vAlign w:val="${cell.verticalAlign}"/>`;
  return `<w:tc><w:tcPr>${properties}</w:tcPr>${cell.children.map((paragraph) => paragraphXml(paragraph, images)).join("")}</w:tc>`;
}

function tableXml(spec: TableSpec, images: ImageRegistry | undefined): string {
  const b = spec.borders;
  let properties = "";
  if (spec.style !== undefined) properties += `<w:tblStyle w:val="${escapeXml(spec.style)}"/>`;
  if (spec.float) {
    properties += `<w:tblpPr w:leftFromText="0" w:rightFromText="0" w:topFromText="0" w:bottomFromText="0" w:vertAnchor="page" w:horzAnchor="page" w:tblpX="${int(spec.float.xTwips)}" w:tblpY="${int(spec.float.yTwips)}"/>`;
  }
  properties += `<w:tblW w:type="dxa" w:w="${int(spec.widthTwips)}"/>`;
  if (spec.indentTwips !== undefined) properties += `<w:tblInd w:type="dxa" w:w="${int(spec.indentTwips)}"/>`;
  properties +=
    "<w:tblBorders>" +
    `${borderXml("w:top", b.top)}${borderXml("w:left", b.left)}${borderXml("w:bottom", b.bottom)}${borderXml("w:right", b.right)}` +
    `${borderXml("w:insideH", b.insideHorizontal)}${borderXml("w:insideV", b.insideVertical)}</w:tblBorders><w:tblLayout w:type="fixed"/>`;
  let xml = `<w:tbl><w:tblPr>${properties}</w:tblPr><w:tblGrid>${spec.columnWidths.map((width) => `<w:gridCol w:w="${int(width)}"/>`).join("")}</w:tblGrid>`;
  for (const row of spec.rows) {
    const rowProperties =
      (row.cantSplit ? "<w:cantSplit/>" : "") +
      (row.heightTwips !== undefined ? `<w:trHeight w:val="${int(row.heightTwips)}" w:hRule="${row.heightRule ?? "exact"}"/>` : "") +
      (row.header ? "<w:tblHeader/>" : "");
    xml += `<w:tr>${rowProperties ? `<w:trPr>${rowProperties}</w:trPr>` : ""}${row.cells.map((cell) => cellXml(cell, images)).join("")}</w:tr>`;
  }
  return `${xml}</w:tbl>`;
}

export function blockXml(spec: BlockSpec, images?: ImageRegistry): string {
  return spec.kind === "paragraph" ? paragraphXml(spec, images) : tableXml(spec, images);
}
