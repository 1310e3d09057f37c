import type { Raster } from "../pdf/rules.js";
import { encodePng } from "./png.js";

/**
 * All pages side by side in one PNG, two-sided spreads in mind: pages in rows of `columns`, on a grey
 * ground with a gap, so a reviewer sees the whole document, and where the 版记 landed, at a glance.
 */
export function contactSheet(pages: readonly Raster[], columns = 4, gap = 16): Uint8Array {
  const cellWidth = Math.max(...pages.map((page) => page.width));
  const cellHeight = Math.max(...pages.map((page) => page.height));
  const cols = Math.min(columns, pages.length);
  const rows = Math.ceil(pages.length / cols);
  const width = cols * cellWidth + (cols + 1) * gap;
  const height = rows * cellHeight + (rows + 1) * gap;
  const rgb = new Uint8Array(width * height * 3).fill(0xb0);
  pages.forEach((page, index) => {
    const left = gap + (index % cols) * (cellWidth + gap);
    const top = gap + Math.floor(index / cols) * (cellHeight + gap);
    for (let y = 0; y < page.height; y++) {
      const from = y * page.width * 3;
      rgb.set(page.rgb.subarray(from, from + page.width * 3), ((top + y) * width + left) * 3);
    }
  });
  return encodePng(width, height, rgb);
}
