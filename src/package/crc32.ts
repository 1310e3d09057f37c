import { crc32 as nativeCrc32 } from "node:zlib";

/** CRC-32 as zip stores it: Node's native one where it exists (20.15+), else a table-driven one. */
export const crc32: (data: Uint8Array) => number =
  typeof nativeCrc32 === "function" ? (data) => nativeCrc32(data) >>> 0 : javascriptCrc32;

let crcTable: Uint32Array | undefined;

/** For Node builds without zlib.crc32 (before 20.15). */
export function javascriptCrc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (const byte of data) crc = (crcTable[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
