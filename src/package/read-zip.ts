import { inflateRawSync } from "node:zlib";
import { diagnostic, GongwenError } from "../errors.js";
import { ZIP_LIMITS, type ZipLimits } from "../limits.js";
import { crc32 } from "./crc32.js";

/**
 * Reads the parts of a zip package (.docx) within fixed bounds. fflate's unzipSync, used before, trusts
 * the sizes an archive declares and inflates every part it is given: a 6 MB .docx reached 6.1 GB.
 * Here:
 * - the central directory is read first: entry count, declared sizes and the encryption flag are
 *   checked before anything is inflated;
 * - only the parts the caller wants are inflated, one at a time, by zlib with an output cap equal to
 *   the declared size, so a header that lies about the size stops at the lie (and the CRC must match);
 * - the inflated total of one package is capped as well.
 * Node's zlib is used for reading only: its output is never stored, so its variation between builds
 * (the reason the writer deflates with fflate) does not matter here.
 */

export type PackageErrorCode = "not-zip" | "encrypted" | "too-large" | "bomb" | "corrupt" | "too-many-entries";

const RULES: Record<PackageErrorCode, string> = {
  "not-zip": "not-docx",
  encrypted: "not-docx",
  "too-large": "docx-too-large",
  bomb: "docx-bomb",
  corrupt: "docx-damaged",
  "too-many-entries": "docx-too-many-entries",
};

/** A package that cannot be read safely: exit 1 like other unusable input, nothing written. */
export class PackageError extends GongwenError {
  readonly code: PackageErrorCode;
  /** The part concerned, when one is. */
  readonly part: string | undefined;

  constructor(code: PackageErrorCode, file: string, zh: string, en: string, part?: string) {
    super([diagnostic({ ...(file ? { file } : {}), zh, en, rule: RULES[code] })]);
    this.name = "PackageError";
    this.code = code;
    this.part = part;
  }
}

export function isPackageError(value: unknown): value is PackageError {
  return value instanceof PackageError;
}

/** One entry of the central directory, as declared. */
export interface ZipEntryInfo {
  readonly name: string;
  readonly method: number;
  readonly compressedSize: number;
  readonly size: number;
  readonly crc: number;
  readonly localOffset: number;
  readonly encrypted: boolean;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * The central directory of a zip package, checked (entry count, names unique, sizes and offsets
 * inside the file); throws PackageError otherwise.
 */
export function listZipEntries(bytes: Uint8Array, file: string, limits: Partial<ZipLimits> = {}): ZipEntryInfo[] {
  const max = { ...ZIP_LIMITS, ...limits };
  const fail = (code: PackageErrorCode, zh: string, en: string, part?: string) => new PackageError(code, file, zh, en, part);
  const corrupt = (zh: string, en: string, part?: string) =>
    fail("corrupt", `zip 压缩包已损坏：${zh}`, `the zip archive is damaged: ${en}`, part);
  refuseNonZip(bytes, file);

  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => view.getUint16(at, true);
  const u32 = (at: number) => view.getUint32(at, true);
  const u64 = (at: number) => {
    const value = view.getBigUint64(at, true);
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
  };

  // The end record sits in the last 22 + 65,535 (comment) bytes.
  let end = -1;
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) === EOCD) {
      end = at;
      break;
    }
  }
  if (end < 0) throw corrupt("找不到中央目录结尾记录（文件被截断？）", "no end of central directory record (truncated file?)");
  let count = u16(end + 10);
  let centralSize = u32(end + 12);
  let centralStart = u32(end + 16);
  if (end >= 20 && u32(end - 20) === ZIP64_LOCATOR) {
    const at = u64(end - 12);
    if (at + 56 > bytes.length || u32(at) !== ZIP64_EOCD) throw corrupt("ZIP64 结尾记录无效", "invalid ZIP64 end record");
    count = u64(at + 32);
    centralSize = u64(at + 40);
    centralStart = u64(at + 48);
  }
  if (count > max.maxEntries) {
    throw fail(
      "too-many-entries",
      `压缩包中有 ${count} 个条目，超过上限 ${max.maxEntries}`,
      `the archive lists ${count} entries; the limit is ${max.maxEntries}`,
    );
  }
  if (centralStart + centralSize > bytes.length) throw corrupt("中央目录超出文件末尾", "the central directory runs past the end of the file");

  const entries: ZipEntryInfo[] = [];
  const names = new Set<string>();
  let at = centralStart;
  for (let index = 0; index < count; index++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) throw corrupt(`中央目录第 ${index + 1} 项无效`, `central directory entry ${index + 1} is invalid`);
    const flags = u16(at + 8);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const commentLength = u16(at + 32);
    if (at + 46 + nameLength + extraLength > bytes.length) throw corrupt("中央目录被截断", "the central directory is truncated");
    const rawName = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = new TextDecoder(flags & 0x800 ? "utf-8" : "latin1").decode(rawName);
    let compressedSize = u32(at + 20);
    let size = u32(at + 24);
    let localOffset = u32(at + 42);
    // ZIP64: the 32-bit fields hold 0xFFFFFFFF and the real values follow in extra field 0x0001, in order.
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff) {
      const extra = at + 46 + nameLength;
      let found = false;
      for (let e = extra; e + 4 <= extra + extraLength; e += 4 + u16(e + 2)) {
        if (u16(e) !== 0x0001) continue;
        let field = e + 4;
        const take = () => {
          if (field + 8 > e + 4 + u16(e + 2)) throw corrupt(`${name} 的 ZIP64 字段不完整`, `the ZIP64 field of ${name} is incomplete`, name);
          const value = u64(field);
          field += 8;
          return value;
        };
        if (size === 0xffffffff) size = take();
        if (compressedSize === 0xffffffff) compressedSize = take();
        if (localOffset === 0xffffffff) localOffset = take();
        found = true;
        break;
      }
      if (!found) throw corrupt(`${name} 缺少 ZIP64 字段`, `${name} lacks its ZIP64 field`, name);
    }
    if (names.has(name)) throw corrupt(`部件 ${name} 出现两次`, `part ${name} appears twice`, name);
    names.add(name);
    entries.push({ name, method: u16(at + 10), compressedSize, size, crc: u32(at + 16), localOffset, encrypted: (flags & 1) === 1 });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The inflated bytes of the parts `wanted` accepts (by name as stored), each checked against the
 * limits, its declared size and its CRC. Parts not wanted are never inflated.
 */
export function readZipParts(
  bytes: Uint8Array,
  file: string,
  wanted: (name: string) => boolean,
  limits: Partial<ZipLimits> = {},
): Map<string, Uint8Array> {
  const max = { ...ZIP_LIMITS, ...limits };
  const entries = listZipEntries(bytes, file, max).filter((entry) => wanted(entry.name));
  const out = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    total += entry.size;
    if (total > max.maxTotalBytes) {
      throw new PackageError(
        "too-large",
        file,
        `压缩包解压后超过 ${mb(max.maxTotalBytes)} 上限（到部件 ${entry.name} 为止）`,
        `the archive inflates to more than the ${mb(max.maxTotalBytes)} limit (by part ${entry.name})`,
        entry.name,
      );
    }
    out.set(entry.name, inflateEntry(bytes, file, entry, max));
  }
  return out;
}

/** One part, inflated within its declared size and the per-part limit. */
export function inflateEntry(bytes: Uint8Array, file: string, entry: ZipEntryInfo, limits: Partial<ZipLimits> = {}): Uint8Array {
  const max = { ...ZIP_LIMITS, ...limits };
  const part = entry.name;
  const corrupt = (zh: string, en: string) => new PackageError("corrupt", file, `zip 压缩包已损坏：部件 ${part} ${zh}`, `the zip archive is damaged: part ${part} ${en}`, part);
  const bomb = () =>
    new PackageError(
      "bomb",
      file,
      `部件 ${part} 解压后超过其声明的 ${entry.size} 字节（疑为压缩炸弹）`,
      `part ${part} inflates to more than its declared ${entry.size} bytes (a zip bomb?)`,
      part,
    );
  if (entry.encrypted) {
    throw new PackageError("encrypted", file, `部件 ${part} 已加密，请先去掉密码保护`, `part ${part} is encrypted; remove the password protection first`, part);
  }
  if (entry.size > max.maxPartBytes) {
    throw new PackageError(
      "too-large",
      file,
      `部件 ${part} 解压后有 ${mb(entry.size)}，超过上限 ${mb(max.maxPartBytes)}`,
      `part ${part} inflates to ${mb(entry.size)}; the limit is ${mb(max.maxPartBytes)}`,
      part,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw corrupt("的本地文件头无效", "has an invalid local header");
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressedSize > bytes.length) throw corrupt("的数据超出文件末尾", "runs past the end of the file");
  const compressed = bytes.subarray(start, start + entry.compressedSize);

  let data: Uint8Array;
  if (entry.method === 0) {
    if (entry.compressedSize !== entry.size) throw corrupt("的大小前后不一致", "declares two different sizes");
    data = compressed;
  } else if (entry.method === 8) {
    try {
      // One byte over the declared size is enough to catch a lying header; zlib stops there.
      data = new Uint8Array(inflateRawSync(compressed, { maxOutputLength: Math.max(1, entry.size + 1) }));
    } catch (error) {
      if (error instanceof RangeError || (error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
        throw bomb();
      }
      throw corrupt(`无法解压（${(error as Error).message}）`, `cannot be inflated (${(error as Error).message})`);
    }
    if (data.length > entry.size) {
      throw bomb();
    }
    if (data.length < entry.size) throw corrupt(`解压后只有 ${data.length} 字节，声明为 ${entry.size} 字节`, `inflates to ${data.length} bytes, ${entry.size} declared`);
  } else {
    throw corrupt(`使用了不支持的压缩方法 ${entry.method}`, `uses unsupported compression method ${entry.method}`);
  }
  if (crc32(data) !== entry.crc) throw corrupt("的校验和（CRC）不符", "fails its CRC check");
  return data;
}

/** Names what the bytes are when they are not a zip at all (a clerk's usual mistakes first). */
function refuseNonZip(bytes: Uint8Array, file: string): void {
  const startsWith = (...sig: number[]): boolean => sig.every((byte, i) => bytes[i] === byte);
  if (startsWith(0x50, 0x4b, 0x03, 0x04) || startsWith(0x50, 0x4b, 0x05, 0x06)) {
    if (bytes.length < 22) throw new PackageError("corrupt", file, "zip 压缩包已损坏：文件过短", "the zip archive is damaged: the file is too short");
    return;
  }
  if (startsWith(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) {
    throw new PackageError(
      "encrypted",
      file,
      "这是旧版 Word 97-2003（.doc）文件或带密码保护的 .docx，请先另存为未加密的 .docx",
      "this is a legacy Word 97-2003 .doc or a password-protected .docx; save it as an unencrypted .docx first",
    );
  }
  const head = new TextDecoder().decode(bytes.subarray(0, 16)).trimStart();
  if (head.startsWith("{\\rtf")) throw new PackageError("not-zip", file, "这是 RTF 文件，不是 .docx", "this is an RTF file, not a .docx");
  if (head.startsWith("<")) {
    throw new PackageError(
      "not-zip",
      file,
      "这是单个 XML 文件（Word 2003 XML 或平面 OPC），不是 .docx 压缩包",
      "this is a single XML file (Word 2003 XML or flat OPC), not a zipped .docx",
    );
  }
  if (bytes.length === 0) throw new PackageError("not-zip", file, "不是 .docx 文件：文件为空", "not a .docx file: the file is empty");
  throw new PackageError("not-zip", file, "不是 .docx 文件：内容不是 zip 压缩包", "not a .docx file: the content is not a zip archive");
}
