/**
 * CRC-32 as zip stores it. A one-shot render checksums ~40 KB: a JavaScript CRC (slicing by 8, ~40 µs
 * for a document.xml) costs less than loading node:zlib (4.4 ms of a cold start, measured) for its
 * native one (~8 µs). So the native CRC is taken only once this process has checksummed enough for
 * the difference to pay (a batch, a server), and only where Node can load a built-in module
 * synchronously (process.getBuiltinModule, 20.16+). Both give the same numbers.
 */

/** Bytes checksummed in JavaScript before the native CRC is loaded: about 25 documents. */
const NATIVE_AFTER_BYTES = 1 << 20;
let checksummed = 0;
let native: ((data: Uint8Array) => number) | null | undefined;

export function crc32(data: Uint8Array): number {
  if (native) return native(data) >>> 0;
  if (native === undefined) {
    checksummed += data.length;
    if (checksummed > NATIVE_AFTER_BYTES) native = loadNativeCrc32();
  }
  return javascriptCrc32(data);
}

function loadNativeCrc32(): ((data: Uint8Array) => number) | null {
  const load = (process as { getBuiltinModule?: (id: string) => unknown }).getBuiltinModule;
  const zlib = load?.("node:zlib") as { crc32?: (data: Uint8Array) => number } | undefined;
  return typeof zlib?.crc32 === "function" ? zlib.crc32 : null;
}

/** Eight tables of 256: table k gives the CRC of a byte followed by k zero bytes. */
let tables: Uint32Array | undefined;

function crcTables(): Uint32Array {
  const table = new Uint32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  for (let n = 0; n < 256; n++) {
    for (let k = 1; k < 8; k++) {
      const previous = table[(k - 1) * 256 + n]!;
      table[k * 256 + n] = (previous >>> 8) ^ table[previous & 0xff]!;
    }
  }
  return table;
}

/** Table-driven CRC-32, eight bytes a step (Intel's slicing-by-8). */
export function javascriptCrc32(data: Uint8Array): number {
  const t = (tables ??= crcTables());
  let crc = 0xffffffff;
  let i = 0;
  const end = data.length - 8;
  for (; i <= end; i += 8) {
    const a = (data[i]! | (data[i + 1]! << 8) | (data[i + 2]! << 16) | (data[i + 3]! << 24)) ^ crc;
    const b = data[i + 4]! | (data[i + 5]! << 8) | (data[i + 6]! << 16) | (data[i + 7]! << 24);
    crc =
      t[1792 + (a & 0xff)]! ^
      t[1536 + ((a >>> 8) & 0xff)]! ^
      t[1280 + ((a >>> 16) & 0xff)]! ^
      t[1024 + (a >>> 24)]! ^
      t[768 + (b & 0xff)]! ^
      t[512 + ((b >>> 8) & 0xff)]! ^
      t[256 + ((b >>> 16) & 0xff)]! ^
      t[b >>> 24]!;
  }
  for (; i < data.length; i++) crc = t[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
