/**
 * Opens a .docx someone else made, refusing what must not be opened: not a zip, an encrypted or legacy
 * Word file (an OLE compound file), a zip bomb, XML with a DOCTYPE (entity expansion). Every refusal is
 * a GongwenError naming the file, Chinese first.
 *
 * The zip itself is read by `readParts` only: the tool-wide bounded reader (src/package/read-zip.ts,
 * branch issue-14) replaces that one function when it lands.
 */
import { unzipSync } from "fflate";
import { diagnostic, GongwenError } from "../errors.js";
import { parseXml, type XmlElement } from "../review/docx-xml.js";

/** Exit code for an input that cannot be used as a .docx: `check` and `import` say "trouble" with ≥ 2, as `diff` does. */
export const UNUSABLE_INPUT = 2;

export interface PartLimits {
  readonly maxEntries: number;
  /** Inflated size of one XML part. */
  readonly maxPartBytes: number;
  /** Inflated size of all the XML parts together. */
  readonly maxTotalBytes: number;
  /** Inflated ÷ compressed size above which a large part is taken for a bomb. */
  readonly maxRatio: number;
}

export const DEFAULT_LIMITS: PartLimits = {
  maxEntries: 10_000,
  maxPartBytes: 64 * 1024 * 1024,
  maxTotalBytes: 256 * 1024 * 1024,
  maxRatio: 200,
};

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
 * The XML parts (`.xml`, `.rels`) of the package, keyed by lower-case part name, inflated within the
 * limits. The sizes checked are the ones the zip declares: fflate inflates into a buffer of exactly that
 * size, so a lying header cannot make it write more.
 */
export function readParts(bytes: Uint8Array, file: string, limits: PartLimits = DEFAULT_LIMITS): Map<string, Uint8Array> {
  sniff(bytes, file);
  let entries = 0;
  let total = 0;
  let bomb: string | undefined;
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (entry) => {
        entries++;
        if (!/\.(xml|rels)$/i.test(entry.name)) return false;
        total += entry.originalSize;
        const ratio = entry.originalSize / Math.max(1, entry.size);
        if (entry.originalSize > limits.maxPartBytes || (entry.originalSize > 1024 * 1024 && ratio > limits.maxRatio)) bomb ??= entry.name;
        if (bomb || entries > limits.maxEntries || total > limits.maxTotalBytes) return false;
        return true;
      },
    });
  } catch (error) {
    throw refusal(file, "docx-damaged", `zip 压缩包已损坏：${(error as Error).message}`, `the zip archive is damaged: ${(error as Error).message}`);
  }
  if (bomb || entries > limits.maxEntries || total > limits.maxTotalBytes) {
    const what = bomb ? `${bomb} 解压后过大` : entries > limits.maxEntries ? `包含 ${entries} 个条目` : `解压后共 ${Math.round(total / 1048576)} MB`;
    throw refusal(file, "zip-bomb", `拒绝打开：压缩包异常（${what}），可能是“压缩炸弹”`, `refused: the archive is abnormal (${bomb ? `${bomb} inflates too large` : entries > limits.maxEntries ? `${entries} entries` : `${Math.round(total / 1048576)} MB inflated`}); it may be a zip bomb`);
  }
  const parts = new Map<string, Uint8Array>();
  for (const [name, data] of Object.entries(files)) parts.set(name.toLowerCase(), data);
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
    throw refusal(file, "docx-damaged", `${name} 不是格式正确的 XML：${(error as Error).message}`, `${name} is not well-formed XML: ${(error as Error).message}`);
  }
}
