import { strToU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { isPackageError, listZipEntries, readZipParts, type PackageError } from "../../src/package/read-zip.js";
import { buildRedline } from "../../src/review/redline.js";
import { docxToPlainText } from "../../src/review/docx-text.js";
import { renderFile } from "../../src/pipeline.js";
import { SAMPLE } from "../helpers/paths.js";

const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** A minimal Word package whose main part is `document`, plus any extra parts. */
function wordPackage(document: string, extra: Record<string, Uint8Array> = {}, level: 0 | 9 = 9): Uint8Array {
  return zipSync(
    {
      "[Content_Types].xml": strToU8(
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      ),
      "_rels/.rels": strToU8(`<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`),
      "word/document.xml": strToU8(document),
      ...extra,
    },
    { level },
  );
}
const body = (inner: string) => `<w:document xmlns:w="${W}"><w:body>${inner}</w:body></w:document>`;

function caught(run: () => unknown): PackageError {
  try {
    run();
  } catch (e) {
    if (isPackageError(e)) return e;
    throw e;
  }
  throw new Error("expected a PackageError");
}

/** Rewrites the declared (uncompressed) size of `name` in its central directory entry. */
function lieAboutSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  const entry = listZipEntries(out, "x").find((e) => e.name === name)!;
  for (let at = out.length - 22; at >= 0; at--) {
    if (view.getUint32(at, true) !== 0x02014b50) continue;
    const nameLength = view.getUint16(at + 28, true);
    if (new TextDecoder().decode(out.subarray(at + 46, at + 46 + nameLength)) === name && view.getUint32(at + 42, true) === entry.localOffset) {
      view.setUint32(at + 24, size, true);
      return out;
    }
  }
  throw new Error("entry not found");
}

describe("bounded zip reader", () => {
  it("reads exactly the parts fflate reads, in archive order, and only those wanted", () => {
    const zip = wordPackage(body("<w:p><w:r><w:t>正文</w:t></w:r></w:p>"), { "word/media/a.png": new Uint8Array(5000).fill(7) });
    const all = readZipParts(zip, "a.docx", () => true);
    const reference = unzipSync(zip);
    expect([...all.keys()]).toEqual(Object.keys(reference));
    for (const [name, data] of all) expect(Buffer.from(data).equals(Buffer.from(reference[name]!))).toBe(true);
    expect([...readZipParts(zip, "a.docx", (name) => name.endsWith(".rels")).keys()]).toEqual(["_rels/.rels"]);
  });

  it("refuses a part whose header lies about its size (a zip bomb), before inflating more than declared", () => {
    const zip = lieAboutSize(wordPackage(body(""), { "word/big.xml": new Uint8Array(20 * 1024 * 1024) }), "word/big.xml", 1000);
    const error = caught(() => readZipParts(zip, "bomb.docx", () => true));
    expect(error.code).toBe("bomb");
    expect(error.part).toBe("word/big.xml");
    expect(error.diagnostics[0]).toMatchObject({ file: "bomb.docx", rule: "docx-bomb" });
    expect(error.message).toMatch(/压缩炸弹.*zip bomb/u);
    // A part nobody asks for is never inflated, lie or not.
    expect(readZipParts(zip, "bomb.docx", (name) => name === "word/document.xml").size).toBe(1);
  });

  it("refuses parts and packages over the limits, and too many entries", () => {
    const zip = wordPackage(body(""), { "word/a.bin": new Uint8Array(3000), "word/b.bin": new Uint8Array(3000) });
    expect(caught(() => readZipParts(zip, "x.docx", () => true, { maxPartBytes: 2000 })).code).toBe("too-large");
    expect(caught(() => readZipParts(zip, "x.docx", () => true, { maxTotalBytes: 5000 })).code).toBe("too-large");
    expect(caught(() => readZipParts(zip, "x.docx", () => true, { maxEntries: 3 })).code).toBe("too-many-entries");
    expect(readZipParts(zip, "x.docx", () => true, { maxPartBytes: 3000, maxTotalBytes: 7000, maxEntries: 5 }).size).toBe(5);
  });

  it("names encrypted, legacy, damaged and non-zip files", () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]);
    expect(caught(() => readZipParts(ole, "old.doc", () => true)).code).toBe("encrypted");
    const zip = wordPackage(body(""));
    const encrypted = zip.slice();
    // Set the "encrypted" flag on the first central directory entry.
    const view = new DataView(encrypted.buffer);
    const central = view.getUint32(encrypted.length - 22 + 16, true);
    view.setUint16(central + 8, view.getUint16(central + 8, true) | 1, true);
    expect(caught(() => readZipParts(encrypted, "x.docx", () => true)).code).toBe("encrypted");
    expect(caught(() => readZipParts(strToU8("hello"), "x.docx", () => true)).code).toBe("not-zip");
    expect(caught(() => readZipParts(zip.subarray(0, zip.length - 30), "x.docx", () => true)).code).toBe("corrupt");
    const flipped = wordPackage(body("<w:p/>"), {}, 0);
    const at = Buffer.from(flipped).indexOf("<w:p/>");
    flipped[at + 1] = "x".charCodeAt(0);
    const crc = caught(() => readZipParts(flipped, "x.docx", () => true));
    expect(crc.code).toBe("corrupt");
    expect(crc.message).toContain("CRC");
  });
});

describe("XML guard", () => {
  it("refuses DOCTYPE and ENTITY declarations in a part", () => {
    const doc = wordPackage(`<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY a "aaaaaaaaaa">]>${body("<w:p><w:r><w:t>&a;</w:t></w:r></w:p>")}`);
    expect(() => docxToPlainText(doc, { fileName: "x.docx" })).toThrow(/DOCTYPE/);
  });

  it("refuses 40,000 nested elements quickly, with a message and no stack overflow", () => {
    const depth = 40_000;
    const deep = body(`<w:p><w:r><w:t>x</w:t></w:r></w:p>${"<w:tbl>".repeat(depth)}${"</w:tbl>".repeat(depth)}`);
    const started = Date.now();
    let message = "";
    try {
      docxToPlainText(wordPackage(deep), { fileName: "deep.docx" });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/嵌套超过 256 层.*more than 256 levels/u);
    expect(message).toContain("deep.docx");
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(() => buildRedline(wordPackage(deep), wordPackage(deep), { author: "x" })).toThrow(/256/);
  });

  it("still reads a real generated document", async () => {
    const docx = (await renderFile(SAMPLE)).bytes;
    expect(docxToPlainText(docx)).toContain("青海");
  });
});
