import { deflateSync } from "fflate";
import { crc32, javascriptCrc32 } from "../../package/crc32.js";

/**
 * A minimal zip writer for .docx packages whose bytes depend on the input only.
 *
 * Why not fflate's zipSync: it stamps entries with the *local* time of the given Date, so the same
 * input zipped in Beijing and in UTC gave different bytes (and a Date before 1980 in local time
 * throws); and it deflates every part again although most parts of a 公文 (theme, settings,
 * numbering, font table, styles of a font profile) are the same in every document. Here each entry
 * carries one fixed DOS time, and deflated parts are remembered by content: the same XML deflates to
 * the same bytes, so reusing them cannot change the output.
 *
 * Deflate stays fflate's (pure JavaScript, pinned in the lock file): Node's native zlib is faster but
 * its output varies with the zlib build and CPU features, and archivists hash these files.
 */

/** A part to deflate, or one deflated before (the constant parts of a package shell). */
export type ZipEntry =
  | { readonly name: string; readonly data: string | Uint8Array }
  | { readonly name: string; readonly packed: PackedPart };

/** DOS date 1980-01-01, time 00:00:00: the earliest a zip entry can carry. */
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
const DOS_TIME = 0;
const DEFLATE_LEVEL = 6;
/**
 * fflate's hash table is 2^(12 + mem) entries. Left unset, deflateSync takes 2^20 (two 2 MB tables
 * allocated and zeroed per call: 40 % of the deflate time of a 31 KB document.xml, and garbage); 2^16,
 * zlib's own default size, gave the same bytes for the sample in 0.64 ms instead of 1.0–1.2 ms.
 */
const DEFLATE_MEMORY = 4;
/** Parts remembered; a batch touches ~20 distinct constant parts per font profile. */
const CACHE_LIMIT = 96;
/** Parts larger than this are document bodies, unlikely to repeat. */
const CACHE_MAX_BYTES = 256 * 1024;

/** A part as it goes into the zip: deflated, with its CRC and its uncompressed size. */
export interface PackedPart {
  readonly size: number;
  readonly compressed: Uint8Array;
  readonly crc: number;
  readonly method: 0 | 8;
}
type Packed = PackedPart;

const encoder = new TextEncoder();
const cache = new Map<string, Packed>();

function pack(data: string | Uint8Array): Packed {
  const cacheable = typeof data === "string" && data.length <= CACHE_MAX_BYTES;
  if (cacheable) {
    const hit = cache.get(data);
    if (hit) {
      // Least recently used goes first: refresh this one's place.
      cache.delete(data);
      cache.set(data, hit);
      return hit;
    }
  }
  const packed = packPart(data);
  if (cacheable) {
    cache.set(data, packed);
    if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  }
  return packed;
}

/** Deflates one part (no caching). */
export function packPart(data: string | Uint8Array): PackedPart {
  const raw = typeof data === "string" ? encoder.encode(data) : data;
  return { size: raw.length, compressed: deflateSync(raw, { level: DEFLATE_LEVEL, mem: DEFLATE_MEMORY }), crc: crc32(raw), method: 8 };
}

/** Zips the entries in the order given. */
export function zipEntries(entries: readonly ZipEntry[]): Uint8Array {
  const files = entries.map((entry) => ({ name: encoder.encode(entry.name), utf8: /[^\x00-\x7f]/u.test(entry.name), ...("packed" in entry ? entry.packed : pack(entry.data)) }));
  let localSize = 0;
  let centralSize = 0;
  for (const file of files) {
    localSize += 30 + file.name.length + file.compressed.length;
    centralSize += 46 + file.name.length;
  }
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const offsets: number[] = [];
  for (const file of files) {
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true); // version needed: 2.0 (deflate)
    writeCommon(view, at + 6, file);
    view.setUint16(at + 28, 0, true); // no extra field
    out.set(file.name, at + 30);
    out.set(file.compressed, at + 30 + file.name.length);
    at += 30 + file.name.length + file.compressed.length;
  }
  const centralStart = at;
  files.forEach((file, index) => {
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true); // made by: MS-DOS, 2.0
    view.setUint16(at + 6, 20, true);
    writeCommon(view, at + 8, file);
    view.setUint16(at + 30, 0, true); // extra
    view.setUint16(at + 32, 0, true); // comment
    view.setUint16(at + 34, 0, true); // disk
    view.setUint16(at + 36, 0, true); // internal attributes
    view.setUint32(at + 38, 0, true); // external attributes
    view.setUint32(at + 42, offsets[index] ?? 0, true);
    out.set(file.name, at + 46);
    at += 46 + file.name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, files.length, true);
  view.setUint16(at + 10, files.length, true);
  view.setUint32(at + 12, at - centralStart, true);
  view.setUint32(at + 16, centralStart, true);
  return out;
}

/** Flags, method, time, date, CRC, sizes and name length: the same in local and central headers. */
function writeCommon(view: DataView, at: number, file: Packed & { name: Uint8Array; utf8: boolean }): void {
  view.setUint16(at, file.utf8 ? 0x0800 : 0, true);
  view.setUint16(at + 2, file.method, true);
  view.setUint16(at + 4, DOS_TIME, true);
  view.setUint16(at + 6, DOS_DATE, true);
  view.setUint32(at + 8, file.crc, true);
  view.setUint32(at + 12, file.compressed.length, true);
  view.setUint32(at + 16, file.size, true);
  view.setUint16(at + 20, file.name.length, true);
}

export const zipInternals = { javascriptCrc32, cacheSize: () => cache.size, clearCache: () => cache.clear() };
