import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { CircularDocument } from "../../src/kinds/assessment-circular/schema.js";
import { decodeDataFile, isDiagnostic, MAX_DATA_FILE_BYTES } from "../../src/load/decode.js";
import { loadDocumentFile, parseDocumentText } from "../../src/model/validate.js";
import { renderFile } from "../../src/pipeline.js";
import { gongwen } from "../helpers/cli.js";
import { sampleText, sampleWith, writeTemp } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";
import { diagnosticsOfAsync } from "./hardening-helpers.js";

/** Real GB18030 bytes, as Notepad's "ANSI" on a Chinese Windows writes them (Node cannot encode GB18030). */
const gb18030 = (text: string) => execFileSync("iconv", ["-f", "UTF-8", "-t", "GB18030"], { input: text });
const expected = () => parseDocumentText(sampleText(), SAMPLE).document;

describe("files as clerks save them", () => {
  it("reads UTF-8 with a BOM and Windows line ends (Notepad) like the plain file, without a warning of its own", async () => {
    const file = writeTemp(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(sampleText().replace(/\n/g, "\r\n"))]));
    const loaded = await loadDocumentFile(file);
    expect(loaded.document).toEqual(expected());
    // Only the sample's own: its title lines break as the original's did, inside a quoted name.
    expect(loaded.warnings.map((w) => w.rule)).toEqual(["title-word-split"]);
    expect(loaded.sourceText.includes("\r")).toBe(false);
    const result = gongwen(["render", file, "-o", `${file}.docx`, "-q"]);
    expect(result.status, result.stderr).toBe(0);
  });

  it("decodes UTF-8 exactly as a strict TextDecoder does, a second BOM and characters outside the BMP included", () => {
    const bom = Buffer.from([0xef, 0xbb, 0xbf]);
    for (const bytes of [Buffer.concat([bom, bom, Buffer.from(sampleText())]), Buffer.from("kind: 𠀀\uFFFF\u0000é\n"), Buffer.alloc(0), bom]) {
      const decoded = decodeDataFile(bytes, "x.yaml");
      const expected = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(bytes.subarray(0, 3).equals(bom) ? 3 : 0));
      expect(!isDiagnostic(decoded) && decoded.text).toBe(expected);
    }
  });

  it("decodes a GB18030/GBK file (real bytes from iconv) and says how to convert it", async () => {
    const bytes = gb18030(sampleText());
    expect(bytes.length).toBeLessThan(Buffer.byteLength(sampleText())); // two bytes per 汉字, not three
    const loaded = await loadDocumentFile(writeTemp(bytes));
    expect(loaded.document).toEqual(expected());
    expect(loaded.warnings.map((w) => w.rule)).toEqual(["encoding-legacy", "title-word-split"]);
    expect(loaded.warnings[0]?.zh).toContain("iconv -f GB18030 -t UTF-8");
    expect(loaded.warnings[0]?.en).toContain("Save As");
  });

  it("decodes GB18030's four-byte characters outside the BMP (𠀀 U+20000) intact", async () => {
    const text = sampleWith([[["content", "assessment", "subjects"], "全省8个中心及𠀀𪚥村服务点"]]);
    const bytes = gb18030(text);
    expect(bytes.includes(Buffer.from([0x95, 0x32, 0x82, 0x36]))).toBe(true); // U+20000 in GB18030
    const loaded = await loadDocumentFile(writeTemp(bytes));
    expect((loaded.document as CircularDocument).content.assessment.subjects).toBe("全省8个中心及𠀀𪚥村服务点");
  });

  it("reads UTF-16 with a BOM (Notepad's \"Unicode\")", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(sampleText(), "utf16le")]);
    expect((await loadDocumentFile(writeTemp(utf16))).document).toEqual(expected());
  });

  it("refuses bytes that are neither UTF-8 nor Chinese GB18030 text, saying how to convert", () => {
    const junk = new Uint8Array(Array.from({ length: 400 }, (_, i) => (i * 73 + 129) % 256));
    const result = decodeDataFile(junk, "junk.yaml");
    expect(isDiagnostic(result) && result.rule).toBe("encoding");
    expect(isDiagnostic(result) && result.zh).toContain("另存为");
  });

  it("names a .docx, an .xlsx, a .doc and a PDF passed as data, and points to the data file", async () => {
    const docx = (await renderFile(SAMPLE)).bytes;
    const xlsx = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "xl/workbook.xml": strToU8("<workbook/>") });
    const doc = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]);
    const pdf = strToU8("%PDF-1.7\n%âãÏÓ\n");
    for (const [bytes, name, says] of [
      [docx, "通报.docx", ".docx/.xlsx"],
      [xlsx, "名单.xlsx", ".docx/.xlsx"],
      [doc, "旧.doc", ".doc/.xls"],
      [pdf, "扫描.pdf", "PDF"],
    ] as const) {
      const diagnostics = await diagnosticsOfAsync(() => loadDocumentFile(writeTemp(bytes, name)));
      expect(diagnostics.map((d) => d.rule)).toEqual(["not-a-data-file"]);
      expect(diagnostics[0]?.zh).toContain(says);
      expect(diagnostics[0]?.zh).toContain("YAML");
    }
    const cli = gongwen(["render", writeTemp(docx, "通报.docx")]);
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain("这不是数据文件，而是Office 文档");
    expect(cli.stderr).toContain("gongwen new");
  });

  it("refuses a file far larger than any data file before parsing it", () => {
    const result = decodeDataFile(new Uint8Array(MAX_DATA_FILE_BYTES + 1).fill(0x61), "huge.yaml");
    expect(isDiagnostic(result) && result.rule).toBe("file-too-large");
  });

  it("renders the sample's bytes unchanged from CRLF and LF files alike", async () => {
    const lf = (await renderFile(writeTemp(readFileSync(SAMPLE)))).bytes;
    const crlf = (await renderFile(writeTemp(sampleText().replace(/\n/g, "\r\n")))).bytes;
    expect(Buffer.compare(Buffer.from(lf), Buffer.from(crlf))).toBe(0);
  });
});
