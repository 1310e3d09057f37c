import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import {
  AlignmentType,
  DeletedTextRun,
  Document,
  Footer,
  Header,
  HeadingLevel,
  InsertedTextRun,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  Tab,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from "docx";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { GongwenError } from "../../src/errors.js";
import { docxToPlainText, readDocxText } from "../../src/review/docx-text.js";

type View = "current" | "accepted" | "rejected";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS = [
  `xmlns:w="${W}"`,
  `xmlns:r="${REL}"`,
  `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`,
  `xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"`,
  `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"`,
  `xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"`,
  `xmlns:w14="http://schemas.microsoft.com/office/word/2010/wordml"`,
  `xmlns:v="urn:schemas-microsoft-com:vml"`,
  `mc:Ignorable="w14"`,
].join(" ");

interface PackageSpec {
  body: string;
  main?: string;
  /** Extra parts: path → [relationship type suffix, id, XML]; related from the main part. */
  related?: Record<string, [string, string, string]>;
  mainBytes?: Uint8Array;
}

/** A minimal hand-written WordprocessingML package, as small as Word accepts. */
function wordPackage(spec: PackageSpec): Uint8Array {
  const main = spec.main ?? "word/document.xml";
  const dir = main.slice(0, main.lastIndexOf("/") + 1);
  const base = main.slice(main.lastIndexOf("/") + 1);
  const related = Object.entries(spec.related ?? {});
  const overrides = related
    .map(([path, [type]]) => `<Override PartName="/${path}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${type}+xml"/>`)
    .join("");
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/${main}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>${overrides}</Types>`,
    ),
    "_rels/.rels": strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="${main}"/></Relationships>`,
    ),
    [main]: spec.mainBytes ?? strToU8(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ${NS}><w:body>${spec.body}</w:body></w:document>`),
    [`${dir}_rels/${base}.rels`]: strToU8(
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rIdLink" Type="${REL}/hyperlink" Target="https://example.com/?a=1&amp;b=2" TargetMode="External"/>` +
        related.map(([path, [type, id]]) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="/${path}"/>`).join("") +
        `</Relationships>`,
    ),
  };
  for (const [path, [, , xml]] of related) files[path] = strToU8(xml);
  return zipSync(files);
}

const r = (text: string): string => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;
const p = (...runs: string[]): string => `<w:p>${runs.join("")}</w:p>`;

function texts(bytes: Uint8Array, view: View = "current"): string[] {
  return readDocxText(bytes, { view }).body.map((para) => para.text);
}

function allViews(bytes: Uint8Array): Record<View, string[]> {
  return { current: texts(bytes, "current"), accepted: texts(bytes, "accepted"), rejected: texts(bytes, "rejected") };
}

describe("hand-written WordprocessingML", () => {
  it("joins runs split by the editor and maps special run content", () => {
    const doc = wordPackage({
      body:
        `<w:p><w:pPr><w:pStyle w:val="Title"/><w:rPr><w:b/></w:rPr></w:pPr>${r("关于")}<w:proofErr w:type="spellStart"/>` +
        `<w:r><w:rPr><w:b/><w:lang w:eastAsia="zh-CN"/></w:rPr><w:t xml:space="preserve">印发 </w:t></w:r><w:bookmarkStart w:id="0" w:name="b"/>` +
        `${r("通")}<w:bookmarkEnd w:id="0"/><w:r><w:t>知</w:t><w:lastRenderedPageBreak/></w:r></w:p>` +
        `<w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="420"/></w:tabs></w:pPr><w:r><w:t>a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t><w:cr/><w:t>d</w:t>` +
        `<w:br w:type="page"/><w:t>e</w:t><w:br w:type="column"/><w:noBreakHyphen/><w:softHyphen/><w:t>f</w:t>` +
        `<w:sym w:font="Symbol" w:char="2264"/><w:sym w:font="Wingdings" w:char="F0FC"/>` +
        `<w:ptab w:relativeTo="margin" w:alignment="right" w:leader="none"/><w:t>g</w:t></w:r></w:p>` +
        `<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="3"/></w:numPr></w:pPr>${r("编号段")}</w:p><w:p/>`,
    });
    const body = readDocxText(doc).body;
    expect(body).toEqual([
      { text: "关于印发 通知", kind: "paragraph", style: "Title" },
      { text: "a\tb\nc\nd", kind: "paragraph" },
      { text: "e", kind: "paragraph", pageBreak: true },
      { text: "-f≤\uFFFD\tg", kind: "paragraph" },
      { text: "编号段", kind: "paragraph", numbering: { id: "3", level: 1 } },
      { text: "", kind: "paragraph" },
    ]);
  });

  it("decodes entities, character references, CDATA and characters outside the BMP", () => {
    const doc = wordPackage({
      body: p(`<w:r><w:t>A &amp; B &lt;C&gt; &quot;&apos; &#x4E2D;&#25991; 𠀀&#x20000;<![CDATA[<x&y>]]></w:t></w:r>`) + p(r("  前后空格  ")),
    });
    const [first, second] = texts(doc);
    expect(first).toBe(`A & B <C> "' 中文 𠀀𠀀<x&y>`);
    expect([...(first ?? "")].filter((c) => c.codePointAt(0) === 0x20000)).toHaveLength(2);
    expect(second).toBe("  前后空格  ");
  });

  it("shows field results, never instructions, also for nested fields and fields spanning paragraphs", () => {
    const fld = (type: string): string => `<w:r><w:fldChar w:fldCharType="${type}"/></w:r>`;
    const instr = (text: string): string => `<w:r><w:instrText xml:space="preserve">${text}</w:instrText></w:r>`;
    const doc = wordPackage({
      body:
        p(r("第"), `<w:fldSimple w:instr=" PAGE \\* MERGEFORMAT "><w:r><w:t>3</w:t></w:r></w:fldSimple>`, r("页")) +
        p(r("共"), fld("begin"), instr(" NUMPAGES "), fld("separate"), r("12"), fld("end"), r("页")) +
        // IF with a nested MERGEFIELD inside its instructions: only the outer result shows.
        p(fld("begin"), instr(" IF "), fld("begin"), instr(" MERGEFIELD x "), fld("separate"), r("«x»"), fld("end"),
          instr(' = 1 "是" "否" '), fld("separate"), r("是"), fld("end")) +
        // A field without a result (index entry) shows nothing.
        p(r("词"), fld("begin"), instr(' XE "索引" '), fld("end"), r("条")) +
        // A table of contents spans paragraphs; page numbers are nested PAGEREF fields.
        p(fld("begin"), instr(' TOC \\o "1-3" \\h '), fld("separate"),
          `<w:hyperlink w:anchor="_Toc1" w:history="1">${r("一、总则")}<w:r><w:tab/></w:r>${fld("begin")}${instr(" PAGEREF _Toc1 \\h ")}${fld("separate")}${r("1")}${fld("end")}</w:hyperlink>`) +
        p(`<w:hyperlink r:id="rIdLink">${r("二、附则")}</w:hyperlink>`, fld("end")) +
        p(r("其后")),
    });
    expect(texts(doc)).toEqual(["第3页", "共12页", "是", "词条", "一、总则\t1", "二、附则", "其后"]);
  });

  it("reads content controls, smart tags and custom XML without their properties", () => {
    const doc = wordPackage({
      body:
        `<w:sdt><w:sdtPr><w:alias w:val="标题"/><w:tag w:val="title"/><w:showingPlcHdr/></w:sdtPr>` +
        `<w:sdtContent><w:p>${r("块级内容控件")}</w:p></w:sdtContent></w:sdt>` +
        p(
          r("发文"),
          `<w:sdt><w:sdtPr><w:date w:fullDate="2024-01-05T00:00:00Z"><w:dateFormat w:val="yyyy年M月"/></w:date></w:sdtPr>` +
            `<w:sdtEndPr><w:rPr><w:b/></w:rPr></w:sdtEndPr><w:sdtContent>${r("2024年1月")}</w:sdtContent></w:sdt>`,
          `<w:smartTag w:uri="urn:schemas-microsoft-com:office:smarttags" w:element="date"><w:smartTagPr><w:attr w:name="Year" w:val="2024"/></w:smartTagPr>${r("5日")}</w:smartTag>`,
          `<w:customXml w:element="sign"><w:customXmlPr><w:attr w:name="x" w:val="y"/></w:customXmlPr>${r("印发")}</w:customXml>`,
        ),
    });
    expect(texts(doc)).toEqual(["块级内容控件", "发文2024年1月5日印发"]);
  });

  it("applies tracked insertions, deletions and moves per view", () => {
    const doc = wordPackage({
      body:
        p(
          r("会议"),
          `<w:ins w:id="1" w:author="A" w:date="2024-01-01T00:00:00Z">${r("于今日")}</w:ins>`,
          `<w:del w:id="2" w:author="A" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>于昨日</w:delText></w:r></w:del>`,
          `<w:r><w:rPr><w:b/><w:rPrChange w:id="3" w:author="A"><w:rPr><w:i/></w:rPr></w:rPrChange></w:rPr><w:t>召开</w:t></w:r>`,
          // Inserted by one reviewer, deleted by another: gone whether accepted or rejected.
          `<w:ins w:id="4" w:author="A"><w:del w:id="5" w:author="B"><w:r><w:delText>（临时）</w:delText></w:r></w:del></w:ins>`,
        ) +
        `<w:p><w:pPr><w:jc w:val="center"/><w:pPrChange w:id="6" w:author="A"><w:pPr><w:pStyle w:val="Old"/></w:pPr></w:pPrChange></w:pPr>` +
        `<w:moveFromRangeStart w:id="7" w:name="move1"/><w:moveFrom w:id="8" w:author="A">${r("甲")}</w:moveFrom><w:moveFromRangeEnd w:id="7"/>` +
        `${r("乙")}<w:moveToRangeStart w:id="9" w:name="move1"/><w:moveTo w:id="10" w:author="A">${r("甲")}</w:moveTo><w:moveToRangeEnd w:id="9"/></w:p>`,
    });
    expect(allViews(doc)).toEqual({
      current: ["会议于今日召开", "乙甲"],
      accepted: ["会议于今日召开", "乙甲"],
      rejected: ["会议于昨日召开", "甲乙"],
    });
    expect(readDocxText(doc).body[1]?.style).toBeUndefined();
  });

  it("merges paragraphs whose mark is deleted (accepted) or inserted (rejected)", () => {
    const deletedMark = `<w:rPr><w:del w:id="1" w:author="A"/></w:rPr>`;
    const insertedMark = `<w:rPr><w:ins w:id="2" w:author="A"/></w:rPr>`;
    const doc = wordPackage({
      body:
        `<w:p><w:pPr><w:pStyle w:val="A"/>${deletedMark}</w:pPr>${r("第一段")}</w:p>` +
        `<w:p><w:pPr><w:pStyle w:val="B"/></w:pPr>${r("第二段")}</w:p>` +
        `<w:p><w:pPr>${deletedMark}</w:pPr><w:del w:id="3" w:author="A"><w:r><w:delText>整段删除</w:delText></w:r></w:del></w:p>` +
        p(r("保留")) +
        `<w:p><w:pPr>${insertedMark}</w:pPr><w:ins w:id="4" w:author="A">${r("整段新增")}</w:ins></w:p>` +
        p(r("末段")),
    });
    expect(allViews(doc)).toEqual({
      current: ["第一段", "第二段", "", "保留", "整段新增", "末段"],
      accepted: ["第一段第二段", "保留", "整段新增", "末段"],
      rejected: ["第一段", "第二段", "整段删除", "保留", "末段"],
    });
    // The surviving paragraph mark carries the properties.
    expect(readDocxText(doc, { view: "accepted" }).body[0]?.style).toBe("B");
  });

  it("lists text-box paragraphs once, after their anchor paragraph", () => {
    const textbox = (text: string): string => `<w:txbxContent><w:p><w:pPr><w:pStyle w:val="Box"/></w:pPr>${r(text)}</w:p></w:txbxContent>`;
    const alternate =
      `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">` +
      `<wp:docPr id="1" name="文本框 1" descr="不是正文"/><a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">` +
      `<wps:wsp><wps:txbx>${textbox("文本框内容")}</wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice>` +
      `<mc:Fallback><w:pict><v:shape><v:textbox>${textbox("文本框内容")}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>`;
    const doc = wordPackage({
      body:
        p(r("锚定段落"), alternate, r("之后")) +
        p(r("旧式"), `<w:r><w:pict><v:shape><v:textbox>${textbox("VML 文本框")}</v:textbox></v:shape></w:pict></w:r>`) +
        p(r("删去形状"), `<w:del w:id="1" w:author="A"><w:r><w:pict><v:shape><v:textbox>${textbox("已删文本框")}</v:textbox></v:shape></w:pict></w:r></w:del>`) +
        p(r("下一段")),
    });
    const body = readDocxText(doc).body;
    expect(body.map((x) => x.text)).toEqual(["锚定段落之后", "文本框内容", "旧式", "VML 文本框", "删去形状", "下一段"]);
    expect(body[1]).toEqual({ text: "文本框内容", kind: "paragraph", style: "Box", textbox: true });
    expect(texts(doc, "rejected")).toContain("已删文本框");
  });

  it("reads tables cell by cell, nested tables too, with row and cell positions per view", () => {
    const tc = (...content: string[]): string => `<w:tc><w:tcPr><w:tcW w:w="1000" w:type="dxa"/></w:tcPr>${content.join("")}</w:tc>`;
    const doc = wordPackage({
      body:
        `<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="1000"/><w:gridCol w:w="1000"/></w:tblGrid>` +
        `<w:tr>${tc(p(r("A1")))}${tc(p(r("B1")), `<w:tbl><w:tr>${tc(p(r("内1")))}${tc(p(r("内2")))}</w:tr></w:tbl>`, "<w:p/>")}</w:tr>` +
        `<w:tr><w:trPr><w:del w:id="1" w:author="A"/></w:trPr>${tc(p(`<w:del w:id="2" w:author="A"><w:r><w:delText>删行</w:delText></w:r></w:del>`))}</w:tr>` +
        `<w:sdt><w:sdtPr/><w:sdtContent><w:tr>${tc(p(r("A3")))}</w:tr></w:sdtContent></w:sdt>` +
        `</w:tbl>` + p(r("表后")),
    });
    const where = (view: View): string[] =>
      readDocxText(doc, { view }).body.map((x) => (x.table ? `${x.table.index}/${x.table.depth}:${x.table.row},${x.table.cell}=${x.text}` : x.text));
    expect(where("current")).toEqual(["0/1:0,0=A1", "0/1:0,1=B1", "1/2:0,0=内1", "1/2:0,1=内2", "0/1:0,1=", "0/1:1,0=", "0/1:2,0=A3", "表后"]);
    expect(where("accepted")).toEqual(["0/1:0,0=A1", "0/1:0,1=B1", "1/2:0,0=内1", "1/2:0,1=内2", "0/1:0,1=", "0/1:1,0=A3", "表后"]);
    expect(where("rejected")).toEqual(["0/1:0,0=A1", "0/1:0,1=B1", "1/2:0,0=内1", "1/2:0,1=内2", "0/1:0,1=", "0/1:1,0=删行", "0/1:2,0=A3", "表后"]);
    expect(readDocxText(doc).body[0]?.kind).toBe("table-cell");
    expect(readDocxText(doc).body.at(-1)).toEqual({ text: "表后", kind: "paragraph" });
  });

  it("finds the main part, headers, footers and notes through relationships", () => {
    const hdr = (text: string): string => `<w:hdr ${NS}>${p(r(text))}</w:hdr>`;
    const notes =
      `<w:footnotes ${NS}><w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
      `<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
      `<w:footnote w:id="1"><w:p><w:r><w:footnoteRef/></w:r>${r(" 注释内容")}</w:p></w:footnote></w:footnotes>`;
    const doc = wordPackage({
      main: "word/document2.xml",
      body:
        `<w:p><w:pPr><w:sectPr><w:headerReference w:type="default" r:id="rIdH1"/><w:headerReference w:type="first" r:id="rIdH2"/><w:titlePg/></w:sectPr></w:pPr>` +
        `${r("第一节")}<w:r><w:footnoteReference w:id="1"/></w:r></w:p>` +
        p(r("第二节")) +
        `<w:sectPr><w:footerReference w:type="default" r:id="rIdF1"/><w:pgSz w:w="11906" w:h="16838"/></w:sectPr>`,
      related: {
        "word/header1.xml": ["header", "rIdH1", hdr("页眉一")],
        "word/header2.xml": ["header", "rIdH2", hdr("首页页眉")],
        "word/header3.xml": ["header", "rIdH3", hdr("未引用")],
        "word/footer1.xml": [
          "footer",
          "rIdF1",
          `<w:ftr ${NS}><w:p>${r("— ")}<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>` +
            `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${r("7")}<w:r><w:fldChar w:fldCharType="end"/></w:r>${r(" —")}</w:p></w:ftr>`,
        ],
        "word/footnotes.xml": ["footnotes", "rIdFn", notes],
      },
    });
    const text = readDocxText(doc);
    expect(text.mainPart).toBe("word/document2.xml");
    expect(text.body.map((x) => x.text)).toEqual(["第一节", "第二节"]);
    expect(text.headers.map((h) => [h.section, h.type, h.path, h.paragraphs.map((x) => x.text)])).toEqual([
      [0, "default", "word/header1.xml", ["页眉一"]],
      [0, "first", "word/header2.xml", ["首页页眉"]],
    ]);
    expect(text.footers.map((f) => [f.section, f.type, f.paragraphs.map((x) => x.text)])).toEqual([[1, "default", ["— 7 —"]]]);
    expect(text.footnotes).toEqual([{ id: "1", paragraphs: [{ text: " 注释内容", kind: "paragraph" }] }]);
    expect(text.endnotes).toEqual([]);
    expect(docxToPlainText(doc, { includeHeadersFooters: true, includeNotes: true })).toBe(
      [
        "第一节",
        "第二节",
        "",
        "==== 页眉 header · section 1 · default ====",
        "页眉一",
        "",
        "==== 页眉 header · section 1 · first ====",
        "首页页眉",
        "",
        "==== 页脚 footer · section 2 · default ====",
        "— 7 —",
        "",
        "==== 脚注 footnote 1 ====",
        " 注释内容",
        "",
      ].join("\n"),
    );
  });

  it("accepts ISO 29500 Strict namespaces, other prefixes and UTF-16 parts", () => {
    const strict = `<x:document xmlns:x="http://purl.oclc.org/ooxml/wordprocessingml/main"><x:body><x:p><x:r><x:t>严格模式</x:t></x:r></x:p></x:body></x:document>`;
    expect(texts(wordPackage({ body: "", mainBytes: strToU8(strict) }))).toEqual(["严格模式"]);
    const xml = `<?xml version="1.0" encoding="UTF-16"?><w:document ${NS}><w:body>${p(r("双字节编码𠀀"))}</w:body></w:document>`;
    const utf16 = new Uint8Array(2 + xml.length * 2);
    utf16.set([0xff, 0xfe]);
    for (let i = 0; i < xml.length; i++) {
      utf16[2 + 2 * i] = xml.charCodeAt(i) & 0xff;
      utf16[3 + 2 * i] = xml.charCodeAt(i) >> 8;
    }
    expect(texts(wordPackage({ body: "", mainBytes: utf16 }))).toEqual(["双字节编码𠀀"]);
  });
});

describe("docxToPlainText", () => {
  it("gives one line per paragraph, collapses blank lines and keeps line breaks as lines", () => {
    const doc = wordPackage({
      body:
        "<w:p/>" + p(r("标题")) + "<w:p/><w:p/>" + p(r("　　")) + p(r("第一行"), "<w:r><w:br/></w:r>", r("第二行\t续")) +
        "<w:p/>" + p(r("附件")) + "<w:p/><w:p/>",
    });
    expect(docxToPlainText(doc)).toBe("标题\n\n第一行\n第二行\t续\n\n附件\n");
    expect(docxToPlainText(wordPackage({ body: "<w:p/>" }))).toBe("");
  });
});

const DATE = "2024-03-01T09:00:00Z";

/** A 公文-like document made with the docx library, as our renderer does. */
async function generated(options: { tracked: boolean }): Promise<Uint8Array> {
  const cell = (text: string): TableCell => new TableCell({ children: [new Paragraph(text)] });
  const doc = new Document({
    sections: [
      {
        headers: { default: new Header({ children: [new Paragraph("内部资料")] }) },
        footers: {
          default: new Footer({
            children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ["— ", PageNumber.CURRENT, " —"] })] })],
          }),
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun("关于开展安全生产检查的通知")] }),
          new Paragraph("各有关单位："),
          new Paragraph({ children: [new TextRun("第一行"), new TextRun({ text: "第二行", break: 1 }), new TextRun({ children: [new Tab(), "缩进"] })] }),
          new Paragraph(""),
          new Paragraph(""),
          new Paragraph({ children: [new TextRun("分页前"), new PageBreak(), new TextRun("分页后")] }),
          new Paragraph({ children: [new PageBreak()] }),
          new Paragraph({ children: [new PageBreak(), new TextRun("另起一页")] }),
          new Paragraph({ children: [new TextRun("页末"), new PageBreak()] }),
          new Paragraph({
            children: options.tracked
              ? [
                  new TextRun("会议"),
                  new InsertedTextRun({ text: "于今日", id: 1, author: "审核人", date: DATE }),
                  new DeletedTextRun({ text: "于昨日", id: 2, author: "审核人", date: DATE }),
                  new TextRun("召开。"),
                ]
              : [new TextRun("会议于今日召开。")],
          }),
          new Table({
            rows: [new TableRow({ children: [cell("序号"), cell("单位")] }), new TableRow({ children: [cell("1"), cell("办公室 & 𠀀")] })],
          }),
          new Paragraph("附件：检查表"),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const GENERATED_BODY = [
  "关于开展安全生产检查的通知",
  "各有关单位：",
  "第一行\n第二行\t缩进",
  "",
  "",
  "分页前",
  "分页后",
  "",
  "另起一页",
  "页末",
  "会议于今日召开。",
  "序号",
  "单位",
  "1",
  "办公室 & 𠀀",
  "附件：检查表",
];

describe("documents generated with the docx library", () => {
  it("reads body, tables, breaks, tracked runs, header and page-number footer", async () => {
    const doc = await generated({ tracked: true });
    const text = readDocxText(doc);
    expect(text.body.map((x) => x.text)).toEqual(GENERATED_BODY);
    expect(texts(doc, "accepted")).toEqual(GENERATED_BODY);
    expect(texts(doc, "rejected")).toEqual(GENERATED_BODY.map((t) => (t === "会议于今日召开。" ? "会议于昨日召开。" : t)));
    expect(text.body[0]?.style).toBe("Title");
    expect(text.body.flatMap((x, i) => (x.pageBreak ? [i] : []))).toEqual([6, 7, 8, 10]);
    expect(text.body.filter((x) => x.kind === "table-cell").map((x) => x.table)).toEqual([
      { index: 0, depth: 1, row: 0, cell: 0 },
      { index: 0, depth: 1, row: 0, cell: 1 },
      { index: 0, depth: 1, row: 1, cell: 0 },
      { index: 0, depth: 1, row: 1, cell: 1 },
    ]);
    expect(text.headers.map((h) => h.paragraphs.map((x) => x.text))).toEqual([["内部资料"]]);
    // Our PAGE field carries no cached result: the page number is computed when displayed.
    expect(text.footers.map((f) => f.paragraphs.map((x) => x.text))).toEqual([["—  —"]]);
    expect(docxToPlainText(doc, { includeHeadersFooters: true })).toBe(
      "关于开展安全生产检查的通知\n各有关单位：\n第一行\n第二行\t缩进\n\n分页前\n分页后\n\n另起一页\n页末\n会议于今日召开。\n序号\n单位\n1\n办公室 & 𠀀\n附件：检查表\n" +
        "\n==== 页眉 header · section 1 · default ====\n内部资料\n\n==== 页脚 footer · section 1 · default ====\n—  —\n",
    );
  });
});

describe("errors", () => {
  const rule = (bytes: Uint8Array): { rule: string; zh: string; en: string; file?: string } => {
    try {
      readDocxText(bytes, { fileName: "x.docx" });
    } catch (e) {
      expect(e).toBeInstanceOf(GongwenError);
      const d = (e as GongwenError).diagnostics[0]!;
      expect((e as Error).message).toContain("x.docx");
      return { rule: d.rule, zh: d.zh, en: d.en, ...(d.file ? { file: d.file } : {}) };
    }
    throw new Error("expected an error");
  };
  const zip = (files: Record<string, string>): Uint8Array =>
    zipSync(Object.fromEntries(Object.entries(files).map(([k, v]) => [k, strToU8(v)])));

  it("rejects what is not a .docx, saying what it is", () => {
    expect(rule(strToU8("hello world"))).toMatchObject({ rule: "not-docx", zh: "不是 .docx 文件：内容不是 zip 压缩包" });
    expect(rule(new Uint8Array())).toMatchObject({ rule: "not-docx", en: "not a .docx file: the file is empty" });
    expect(rule(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0])).zh).toContain("Word 97-2003");
    expect(rule(strToU8("{\\rtf1\\ansi hello}")).zh).toContain("RTF");
    expect(rule(strToU8('\uFEFF<?xml version="1.0"?><pkg:package/>')).en).toContain("single XML file");
    expect(rule(zip({ "a.txt": "x" }))).toMatchObject({ rule: "not-docx", file: "x.docx" });
    const xlsx = zip({
      "[Content_Types].xml": `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`,
      "_rels/.rels": `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
      "xl/workbook.xml": "<workbook/>",
    });
    expect(rule(xlsx)).toMatchObject({ rule: "not-docx", zh: "不是 Word 文档：这是Excel 工作簿" });
  });

  it("reports damaged archives and malformed XML", async () => {
    const doc = await generated({ tracked: false });
    expect(rule(doc.subarray(0, doc.length - 200)).rule).toBe("docx-damaged");
    const bad = rule(wordPackage({ body: "<w:p><w:r><w:t>未闭合</w:r></w:p>" }));
    expect(bad.rule).toBe("docx-damaged");
    expect(bad.zh).toContain("word/document.xml 不是格式正确的 XML");
    expect(rule(wordPackage({ body: "", mainBytes: strToU8(`<w:hdr xmlns:w="${W}"/>`) })).en).toContain("has no w:body");
  });
});

const soffice = [...(process.env.PATH ?? "").split(delimiter), "/opt/libreoffice/program", "/Applications/LibreOffice.app/Contents/MacOS"]
  .filter(Boolean)
  .map((d) => join(d, "soffice"))
  .find((f) => existsSync(f));

describe.skipIf(!soffice && !process.env.CI)("round trip through LibreOffice", () => {
  it("reads back the same text after LibreOffice re-saves our document", async () => {
    if (!soffice) throw new Error("LibreOffice (soffice) is required when CI is set");
    const dir = mkdtempSync(join(tmpdir(), "gongwen-lo-"));
    try {
      const source = join(dir, "in", "公文.docx");
      const original = await generated({ tracked: true });
      mkdirSync(join(dir, "in"));
      writeFileSync(source, original);
      execFileSync(
        soffice,
        [`-env:UserInstallation=file://${join(dir, "profile")}`, "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", join(dir, "out"), source],
        { stdio: "pipe", timeout: 120_000 },
      );
      const resaved = new Uint8Array(readFileSync(join(dir, "out", "公文.docx")));
      // Page-break flags are not compared: LibreOffice 7.4 keeps one of two consecutive page breaks.
      const shape = (bytes: Uint8Array, view: View): string[] => readDocxText(bytes, { view }).body.map((x) => `${x.kind}: ${x.text}`);
      for (const view of ["current", "accepted", "rejected"] as const) expect(shape(resaved, view)).toEqual(shape(original, view));
      const after = readDocxText(resaved);
      expect(after.mainPart).toBe("word/document.xml");
      expect(after.headers.map((h) => h.paragraphs.map((x) => x.text))).toEqual([["内部资料"]]);
      // LibreOffice stores a result for the PAGE field (we generate none): the number of whichever
      // page it laid out last, so only its shape is stable.
      expect(after.footers.map((f) => f.paragraphs.map((x) => x.text))).toEqual([[expect.stringMatching(/^— \d+ —$/)]]);
      expect(docxToPlainText(resaved)).toBe(docxToPlainText(original));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
