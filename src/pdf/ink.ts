import { runPoppler } from "./poppler.js";
import { parsePpm, type Raster } from "./rules.js";

/**
 * Where ink of a colour really lies on a rendered page: text boxes from pdftotext give the font's
 * em box, not the glyphs' edges, and the standard measures the 标志's "上边缘" at the ink.
 */

export interface InkBox {
  readonly xMinMm: number;
  readonly xMaxMm: number;
  readonly yMinMm: number;
  readonly yMaxMm: number;
}

export interface RegionMm {
  readonly yFromMm: number;
  readonly yToMm: number;
  /** Left and right bounds; the whole width when absent. */
  readonly xFromMm?: number;
  readonly xToMm?: number;
}

const isRed = (r: number, g: number, b: number) => r > 150 && r - g > 80 && r - b > 80;
const isDark = (r: number, g: number, b: number) => r < 110 && g < 110 && b < 110;

export async function rasterPage(pdf: string, page: number, dpi: number): Promise<Raster> {
  return parsePpm(await runPoppler("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), pdf], true));
}

/** Bounding box of red (or dark) ink between two heights of a page, or undefined if there is none. */
export function inkBox(raster: Raster, dpi: number, colour: "red" | "dark", region: RegionMm): InkBox | undefined {
  const mmPerPx = 25.4 / dpi;
  const test = colour === "red" ? isRed : isDark;
  const yFrom = Math.max(0, Math.floor(region.yFromMm / mmPerPx));
  const yTo = Math.min(raster.height, Math.ceil(region.yToMm / mmPerPx));
  const xFrom = Math.max(0, Math.floor((region.xFromMm ?? 0) / mmPerPx));
  const xTo = Math.min(raster.width, Math.ceil((region.xToMm ?? Infinity) / mmPerPx));
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let y = yFrom; y < yTo; y++) {
    for (let x = xFrom; x < xTo; x++) {
      const i = (y * raster.width + x) * 3;
      if (test(raster.rgb[i] ?? 255, raster.rgb[i + 1] ?? 255, raster.rgb[i + 2] ?? 255)) {
        if (x < xMin) xMin = x;
        if (x > xMax) xMax = x;
        if (y < yMin) yMin = y;
        if (y > yMax) yMax = y;
      }
    }
  }
  if (!Number.isFinite(xMin)) return undefined;
  return { xMinMm: xMin * mmPerPx, xMaxMm: (xMax + 1) * mmPerPx, yMinMm: yMin * mmPerPx, yMaxMm: (yMax + 1) * mmPerPx };
}
