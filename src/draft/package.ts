/**
 * Opens a .docx someone else made, refusing what must not be opened: not a zip, an encrypted or legacy
 * Word file (an OLE compound file), a zip bomb, XML with a DOCTYPE (entity expansion). Every refusal is
 * a GongwenError naming the file, Chinese first.
 *
 * The zip itself is read by the tool-wide bounded reader (src/package/read-zip.ts); this module adds
 * what `check` and `import` say about encrypted files and DOCTYPEs.
 */
import { diagnostic, GongwenError } from "../errors.js";
import { readZipParts } from "../package/read-zip.js";
import { isXmlLimitError } from "../package/xml-guard.js";
import { parseXml, type XmlElement } from "../review/docx-xml.js";

/** Exit code for an input that cannot be used as a .docx, as PackageError's; `check` turns it into 2 (1 means findings there). */
export const UNUSABLE_INPUT = 1;

export function refusal(file: string, rule: string, zh: string, en: string): GongwenError {
  return new GongwenError([diagnostic({ file, zh, en, rule })], UNUSABLE_INPUT);
}

/** Tells what the bytes are before any unzipping, so an encrypted file is named as such. */
export function sniff(bytes: Uint8Array, file: string): void {
  const startsWith = (...sig: number[]): boolean => sig.every((byte, i) => bytes[i] === byte);
  if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0x50, 0x4b, 0x05, 0x06)) return;
  if (startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    // Word stores a password-protected .docx inside an OLE compound file (MS-OFFCRYPTO); a .doc is one too.
    const encrypted = containsUtf16(bytes, "EncryptedPackage");
    throw encrypted
      ? refusal(file, "docx-encrypted", "文件已加密（设有打开密码），请在 Word 或 WPS 中取消密码后另存为 .docx", "the file is encrypted (it has a password to open); remove the password in Word or WPS and save it as .docx")
      : refusal(file, "not-docx", "这是旧版 Word 97-2003（.doc）文件，请先另存为 .docx", "this is a legacy Word 97-2003 .doc file; save it as .docx first");
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 16)).trimStart();
  if (bytes.length === 0) throw refusal(file, "not-docx", "不是 .docx 文件：文件为空", "not a .docx file: the file is empty");
  if (head.startsWith("{\\rtf")) throw refusal(file, "not-docx", "这是 RTF 文件，不是 .docx，请另存为 .docx", "this is an RTF file, not a .docx; save it as .docx");
  if (head.startsWith("%PDF")) throw refusal(file, "not-docx", "这是 PDF 文件，不是 .docx", "this is a PDF file, not a .docx");
  throw refusal(file, "not-docx", "不是 .docx 文件：内容不是 zip 压缩包", "not a .docx file: the content is not a zip archive");
}

function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = new Uint8Array(text.length * 2);
  for (let i = 0; i < text.length; i++) needle[i * 2] = text.charCodeAt(i);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

/**
 * The XML parts (`.xml`, `.rels`) of the package, keyed by lower-case part name, read by the tool's
 * bounded zip reader (entry count, declared sizes, inflation capped at the declared size, CRC).
 */
export function readParts(bytes: Uint8Array, file: string): Map<string, Uint8Array> {
  sniff(bytes, file);
  const parts = new Map<string, Uint8Array>();
  for (const [name, data] of readZipParts(bytes, file, (entry) => /\.(xml|rels)$/i.test(entry))) parts.set(name.toLowerCase(), data);
  return parts;
}

/** XML parts may be UTF-16 (allowed by OPC); the BOM tells. */
function decode(data: Uint8Array): string {
  const encoding = data[0] === 0xff && data[1] === 0xfe ? "utf-16le" : data[0] === 0xfe && data[1] === 0xff ? "utf-16be" : "utf-8";
  return new TextDecoder(encoding).decode(data);
}

/**
 * Parses one part. A DOCTYPE has no business in OOXML (ECMA-376 Part 2 forbids it) and is the door to
 * entity expansion ("billion laughs") and external entities: refused before the parser sees it.
 */
export function parsePart(parts: ReadonlyMap<string, Uint8Array>, name: string, file: string): XmlElement | undefined {
  const data = parts.get(name.toLowerCase());
  if (!data) return undefined;
  const text = decode(data);
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw refusal(file, "xml-doctype", `拒绝打开：${name} 含有 DOCTYPE 或实体声明（.docx 不允许，可能是实体膨胀攻击）`, `refused: ${name} contains a DOCTYPE or entity declaration (not allowed in .docx; possibly an entity-expansion attack)`);
  }
  try {
    return parseXml(text, name);
  } catch (error) {
    if (isXmlLimitError(error)) throw refusal(file, "xml-limit", `拒绝打开：${error.zh}`, `refused: ${error.en}`);
    throw refusal(file, "docx-damaged", `${name} 不是格式正确的 XML：${(error as Error).message}`, `${name} is not well-formed XML: ${(error as Error).message}`);
  }
}
