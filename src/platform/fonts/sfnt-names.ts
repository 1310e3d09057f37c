/**
 * Family names of a TrueType/OpenType font file or collection (.ttf, .otf, .ttc, .otc), read from its
 * `name` table: what Windows and macOS match a document's font name against (仿宋_GB2312 is the
 * Chinese name of a face whose English name is FangSong_GB2312). Only the table directory and the
 * `name` table are read, a few kilobytes of files that run to 20 MB (simsun.ttc).
 *
 * Hand-written rather than a font library: fontkit and opentype.js parse whole files into memory to
 * answer this, and a Windows Fonts folder holds hundreds of them. The format: OpenType spec, "name" and
 * "Font Collections" (https://learn.microsoft.com/typography/opentype/spec/).
 */
import { closeSync, openSync, readSync } from "node:fs";

/** nameID 1 (family, as GDI groups four styles) and 16 (typographic family, for larger families). */
const FAMILY_IDS = new Set([1, 16]);
const MAX_FACES = 64;
const MAX_NAME_TABLE = 1 << 20;

const utf16be = new TextDecoder("utf-16be");
const latin1 = new TextDecoder("latin1");

/** Every family name the file declares, in every language, once each; [] for what is not a font. */
export function fontFamilyNames(file: string): string[] {
  let fd: number;
  try {
    fd = openSync(file, "r");
  } catch {
    return [];
  }
  try {
    const names = new Set<string>();
    for (const offset of faceOffsets(fd)) for (const name of faceFamilies(fd, offset)) names.add(name);
    return [...names];
  } catch {
    // A truncated or foreign file is simply not a font we can name.
    return [];
  } finally {
    closeSync(fd);
  }
}

function read(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const got = readSync(fd, buffer, 0, length, position);
  if (got < length) throw new RangeError("short read");
  return buffer;
}

/** Where each face's table directory starts: one face, or each of a collection's. */
function faceOffsets(fd: number): number[] {
  const head = read(fd, 0, 12);
  const tag = head.toString("latin1", 0, 4);
  if (tag === "ttcf") {
    const count = Math.min(head.readUInt32BE(8), MAX_FACES);
    const table = read(fd, 12, 4 * count);
    return Array.from({ length: count }, (_, i) => table.readUInt32BE(4 * i));
  }
  const sfnt = head.readUInt32BE(0);
  return sfnt === 0x00010000 || tag === "OTTO" || tag === "true" ? [0] : [];
}

function faceFamilies(fd: number, offset: number): string[] {
  const tableCount = read(fd, offset + 4, 2).readUInt16BE(0);
  const directory = read(fd, offset + 12, 16 * tableCount);
  for (let i = 0; i < tableCount; i++) {
    if (directory.toString("latin1", 16 * i, 16 * i + 4) !== "name") continue;
    const start = directory.readUInt32BE(16 * i + 8);
    const length = Math.min(directory.readUInt32BE(16 * i + 12), MAX_NAME_TABLE);
    return namesIn(read(fd, start, length));
  }
  return [];
}

function namesIn(table: Buffer): string[] {
  const count = table.readUInt16BE(2);
  const storage = table.readUInt16BE(4);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    const record = 6 + 12 * i;
    if (record + 12 > table.length) break;
    const platform = table.readUInt16BE(record);
    const encoding = table.readUInt16BE(record + 2);
    const language = table.readUInt16BE(record + 4);
    if (!FAMILY_IDS.has(table.readUInt16BE(record + 6))) continue;
    const start = storage + table.readUInt16BE(record + 10);
    const bytes = table.subarray(start, start + table.readUInt16BE(record + 8));
    const name = decode(platform, encoding, language, bytes);
    if (name) names.push(name);
  }
  return names;
}

/**
 * Unicode and Windows records are UTF-16BE (Windows symbol fonts too); of the Macintosh ones only
 * Roman English, which every Mac font with Chinese names also carries as Unicode records.
 */
function decode(platform: number, encoding: number, language: number, bytes: Buffer): string | undefined {
  let text: string | undefined;
  if (platform === 0 || (platform === 3 && (encoding === 0 || encoding === 1 || encoding === 10))) text = utf16be.decode(bytes);
  else if (platform === 1 && encoding === 0 && language === 0) text = latin1.decode(bytes);
  const trimmed = text?.replace(/\0/gu, "").trim();
  return trimmed ? trimmed : undefined;
}
