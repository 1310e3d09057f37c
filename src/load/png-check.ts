import { inflateSync } from "node:zlib";
import { crc32 } from "../package/crc32.js";

/**
 * Decodes a PNG far enough to know Word and LibreOffice can draw it: every chunk's CRC, a sane IHDR
 * first, IDAT data that inflates to exactly the scanlines the header promises (each with a valid filter
 * byte), and IEND. A seal with the right magic bytes but damaged inside used to be archived as a PDF/A
 * without the seal, exit 0. Returns the problem in Chinese and English, or undefined when the image is
 * sound.
 */

/** A seal is printed at about 42 mm; 20,000 pixels a side is 12,000 dpi. */
const MAX_SIDE = 20_000;
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const DEPTHS: Record<number, readonly number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
/** Adam7 passes: x start, y start, x step, y step. */
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

export type PngProblem = readonly [zh: string, en: string];

export function checkPng(bytes: Uint8Array): PngProblem | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (!signature.every((byte, i) => bytes[i] === byte)) return ["不是 PNG 图片", "not a PNG image"];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 8;
  let header: { width: number; height: number; depth: number; color: number; interlace: number } | undefined;
  const idat: Uint8Array[] = [];
  let ended = false;
  while (at + 12 <= bytes.length) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (at + 12 + length > bytes.length) return [`PNG 数据块 ${type} 被截断`, `PNG chunk ${type} is truncated`];
    if (crc32(bytes.subarray(at + 4, at + 8 + length)) !== view.getUint32(at + 8 + length)) {
      return [`PNG 数据块 ${type} 校验和（CRC）不符，图片已损坏`, `PNG chunk ${type} fails its CRC: the image is damaged`];
    }
    const data = bytes.subarray(at + 8, at + 8 + length);
    if (header === undefined && type !== "IHDR") return ["PNG 缺少开头的 IHDR 数据块", "the PNG does not start with an IHDR chunk"];
    if (type === "IHDR") {
      if (header !== undefined || length !== 13) return ["PNG 的 IHDR 数据块无效", "the PNG's IHDR chunk is invalid"];
      const d = new DataView(data.buffer, data.byteOffset, 13);
      header = { width: d.getUint32(0), height: d.getUint32(4), depth: data[8]!, color: data[9]!, interlace: data[12]! };
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") {
      ended = true;
      break;
    }
    at += 12 + length;
  }
  if (!header) return ["PNG 缺少 IHDR 数据块", "the PNG has no IHDR chunk"];
  if (!ended) return ["PNG 缺少结尾的 IEND 数据块（文件被截断？）", "the PNG has no IEND chunk (truncated file?)"];
  const { width, height, depth, color, interlace } = header;
  const channels = CHANNELS[color];
  if (channels === undefined || !DEPTHS[color]!.includes(depth) || interlace > 1) {
    return ["PNG 的颜色类型或位深无效", "the PNG's colour type or bit depth is invalid"];
  }
  if (width === 0 || height === 0 || width > MAX_SIDE || height > MAX_SIDE) {
    return [`PNG 尺寸 ${width}×${height} 无效（每边 1 至 ${MAX_SIDE} 像素）`, `the PNG's size ${width}×${height} is invalid (1 to ${MAX_SIDE} pixels a side)`];
  }
  if (idat.length === 0) return ["PNG 没有图像数据（IDAT）", "the PNG has no image data (IDAT)"];

  const rowBytes = (w: number) => 1 + Math.ceil((w * channels * depth) / 8);
  const rows: number[] = [];
  if (interlace === 0) for (let y = 0; y < height; y++) rows.push(rowBytes(width));
  else {
    for (const [x0, y0, dx, dy] of ADAM7) {
      const w = Math.ceil((width - x0) / dx);
      const h = Math.ceil((height - y0) / dy);
      if (w > 0) for (let y = 0; y < h; y++) rows.push(rowBytes(w));
    }
  }
  const expected = rows.reduce((sum, n) => sum + n, 0);
  let raw: Uint8Array;
  try {
    raw = inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  } catch {
    return ["PNG 图像数据无法解压，图片已损坏", "the PNG's image data cannot be inflated: the image is damaged"];
  }
  if (raw.length !== expected) return ["PNG 图像数据长度与尺寸不符，图片已损坏", "the PNG's image data does not match its size: the image is damaged"];
  let row = 0;
  for (const n of rows) {
    if (raw[row]! > 4) return ["PNG 扫描行的过滤类型无效，图片已损坏", "a PNG scanline has an invalid filter type: the image is damaged"];
    row += n;
  }
  return undefined;
}

