/**
 * One paragraph style per GB/T 9704 element (as GB/T 33476 asks, so converters can tag them).
 * Formatting stays direct on the paragraphs; the styles name what each paragraph is.
 */

interface ElementStyle {
  readonly id: string;
  readonly name: string;
  /**
   * Paragraphs whose height is not a whole number of grid lines (the mark, the rule under the 发文字号,
   * the 版记's rules) must not snap to the grid, or LibreOffice rounds them up to whole lines.
   */
  readonly offGrid?: boolean;
}

export const ELEMENT_STYLES = {
  marker: { id: "GwMarker", name: "份号密级紧急程度 Marker" },
  issuerMark: { id: "GwIssuerMark", name: "发文机关标志 IssuerMark", offGrid: true },
  docNumber: { id: "GwDocNumber", name: "发文字号 DocNumber", offGrid: true },
  title: { id: "GwTitle", name: "标题 Title", offGrid: true },
  addressees: { id: "GwRecipient", name: "主送机关 Recipient" },
  body: { id: "GwBody", name: "正文 Body" },
  heading1: { id: "GwBodyLevel1", name: "一级标题 BodyLevel1" },
  heading2: { id: "GwBodyLevel2", name: "二级标题 BodyLevel2" },
  heading3: { id: "GwBodyLevel3", name: "三级标题 BodyLevel3" },
  attachmentNote: { id: "GwAttachmentNote", name: "附件说明 AttachmentNote" },
  signature: { id: "GwSignature", name: "发文机关署名 Signature" },
  date: { id: "GwIssueDate", name: "成文日期 IssueDate" },
  note: { id: "GwNote", name: "附注 Note" },
  attachment: { id: "GwAttachment", name: "附件 Attachment" },
  spacer: { id: "GwSpacer", name: "空行 Spacer" },
  colophonSpacer: { id: "GwColophonSpacer", name: "版记上空行 ColophonSpacer", offGrid: true },
  copyTo: { id: "GwCopyTo", name: "抄送 CopyTo" },
  printer: { id: "GwPrinter", name: "印发机关和印发日期 Printer", offGrid: true },
  pageNumber: { id: "GwPageNumber", name: "页码 PageNumber" },
  heading4: { id: "GwBodyLevel4", name: "四级标题 BodyLevel4" },
  tableTitle: { id: "GwTableTitle", name: "表题 TableTitle" },
  tableHeader: { id: "GwTableHeader", name: "表头 TableHeader" },
  tableCell: { id: "GwTableCell", name: "表格 TableCell" },
  tableSpacer: { id: "GwTableSpacer", name: "表后空行 TableSpacer", offGrid: true },
  attendance: { id: "GwAttendance", name: "出席列席 Attendance" },
  letterRule: { id: "GwLetterRule", name: "信函红色双线 LetterRule", offGrid: true },
  issuedLine: { id: "GwIssuedLine", name: "编印单位和日期 IssuedLine", offGrid: true },
  colophonEnd: { id: "GwColophonEnd", name: "版记结束 ColophonEnd", offGrid: true },
  attachmentTitle: { id: "GwAttachmentTitle", name: "附件标题 AttachmentTitle", offGrid: true },
  /**
   * The rest of a 正文 paragraph the layout split so its last two lines stand with the 署名: readers of
   * the text (`text`, `diff`, `import`) join it to the paragraph before.
   */
  bodyContinued: { id: "GwBodyContinued", name: "正文续段 BodyContinued" },
} as const satisfies Record<string, ElementStyle>;

export const OFF_GRID_STYLE_IDS: readonly string[] = Object.values(ELEMENT_STYLES as Record<string, ElementStyle>)
  .filter((style) => style.offGrid)
  .map((style) => style.id);

