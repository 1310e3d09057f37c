/**
 * Both commands refuse what must not be opened, with a message naming the file and the reason, and
 * never a stack trace: not a .docx, an encrypted or legacy Word file, a zip bomb, XML with a DOCTYPE
 * (entity expansion).
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { gongwen } from "../helpers/cli.js";

const dir = mkdtempSync(join(tmpdir(), "gongwen-refuse-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

function docx(documentXml: string | Uint8Array): Uint8Array {
  return zipSync({
    "[Content_Types].xml": strToU8(CONTENT_TYPES),
    "_rels/.rels": strToU8(RELS),
    "word/document.xml": typeof documentXml === "string" ? strToU8(documentXml) : documentXml,
  });
}

function ole(withEncryptedPackage: boolean): Uint8Array {
  const bytes = new Uint8Array(4096);
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
  if (withEncryptedPackage) [..."EncryptedPackage"].forEach((c, i) => (bytes[1024 + i * 2] = c.charCodeAt(0)));
  return bytes;
}

const cases: Array<{ name: string; bytes: () => Uint8Array; message: RegExp }> = [
  { name: "plain text named .docx", bytes: () => strToU8("青海省政务服务监督管理局文件\n"), message: /不是 \.docx 文件.*not a \.docx file/ },
  { name: "a PDF", bytes: () => strToU8("%PDF-1.7\n%âãÏÓ\n"), message: /这是 PDF 文件/ },
  { name: "an encrypted .docx (OLE EncryptedPackage)", bytes: () => ole(true), message: /文件已加密.*encrypted/ },
  { name: "a legacy .doc", bytes: () => ole(false), message: /旧版 Word 97-2003.*legacy/ },
  { name: "a zip bomb (a part inflating to 80 MB)", bytes: () => docx(new Uint8Array(80 * 1024 * 1024)), message: /上限|压缩炸弹|limit|bomb/ },
  {
    name: "entity expansion (billion laughs)",
    bytes: () =>
      docx(
        `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>` +
          `<w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>`,
      ),
    message: /DOCTYPE/,
  },
  { name: "a zip that is no Word document", bytes: () => zipSync({ "a.txt": strToU8("x") }), message: /不是 \.docx 文件|没有主文档/ },
];

describe("check and import refuse unusable input", () => {
  for (const { name, bytes, message } of cases) {
    it(name, () => {
      const file = join(dir, `${name.replace(/\W+/g, "-")}.docx`);
      writeFileSync(file, bytes());
      const check = gongwen(["check", "--no-layout", file]);
      expect(check.status, check.stderr).toBe(2);
      expect(check.stderr).toMatch(message);
      expect(check.stderr).toContain(file);
      const imported = gongwen(["import", file, "-o", join(dir, "out.yaml")]);
      expect(imported.status).toBe(1);
      expect(imported.stderr).toMatch(message);
      for (const out of [check.stderr, imported.stderr]) expect(out).not.toMatch(/\n\s+at |内部错误/);
    });
  }

  it("a missing file is exit 66 (no input)", () => {
    expect(gongwen(["check", join(dir, "nowhere.docx")]).status).toBe(66);
    expect(gongwen(["import", join(dir, "nowhere.docx")]).status).toBe(66);
  });

  it("check goes on with the other files and exits with the trouble", () => {
    const good = join(dir, "good.docx");
    writeFileSync(good, docx(`<?xml version="1.0"?><w:document xmlns:w="${W}"><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>`));
    const bad = join(dir, "bad.docx");
    writeFileSync(bad, strToU8("not a zip"));
    const result = gongwen(["check", "--no-layout", bad, good]);
    expect(result.status).toBe(2);
    expect(result.stdout).toContain("good.docx");
  });
});
