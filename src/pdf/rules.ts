/**
 * Finds horizontal rules (the red separator under the 发文字号, the black 版记 lines, table borders) by
 * scanning a 300 dpi raster of the page: a PDF's vector paths say little about what a reader sees, pixels do.
 */
import { pdfInfo, runPoppler } from "./poppler.js";

export type RuleColour = "red" | "black";

export interface HorizontalRule {
  /** 1-based. */
  readonly page: number;
  /** Centre line, from the top of the page. */
  readonly yMm: number;
  readonly x1Mm: number;
  readonly x2Mm: number;
  /** Ink thickness (anti-aliased edge rows count by their coverage). */
  readonly thicknessMm: number;
  readonly colour: RuleColour;
}

export interface FindRulesOptions {
  /** 1-based pages to scan; all when absent. Each page costs one pdftoppm run (~0.2 s). */
  readonly pages?: readonly number[];
  readonly dpi?: number;
  /** Shorter runs are text strokes (a 3号 "一" is ~5.6 mm). Default 15 mm. */
  readonly minLengthMm?: number;
  /** Taller ink bands are filled areas, not rules. Default 3 mm. */
  readonly maxThicknessMm?: number;
}

export interface Raster {
  readonly width: number;
  readonly height: number;
  /** RGB, 3 bytes a pixel, rows top to bottom. */
  readonly rgb: Uint8Array;
}

export async function findRules(pdf: string, options: FindRulesOptions = {}): Promise<HorizontalRule[]> {
  const dpi = options.dpi ?? 300;
  const pages = options.pages ?? range1((await pdfInfo(pdf)).pages);
  const rules: HorizontalRule[] = [];
  for (const page of pages) {
    // PPM is pdftoppm's default format; with no output root it writes the single page's PPM to stdout, so no temporary files.
    const ppm = await runPoppler("pdftoppm", ["-r", String(dpi), "-f", String(page), "-l", String(page), pdf], true);
    rules.push(...findRulesInRaster(parsePpm(ppm), { ...options, dpi, page }));
  }
  return rules;
}

/** Binary PPM (P6, maxval ≤ 255) as written by pdftoppm. */
export function parsePpm(data: Uint8Array): Raster {
  const fields: number[] = [];
  let pos = 2;
  if (data[0] !== 0x50 || data[1] !== 0x36) throw new Error("not a binary PPM (P6)");
  while (fields.length < 3) {
    const byte = data[pos];
    if (byte === undefined) throw new Error("truncated PPM header");
    if (byte === 0x23) {
      while (pos < data.length && data[pos] !== 0x0a) pos++; // comment to end of line
    } else if (byte >= 0x30 && byte <= 0x39) {
      let value = 0;
      while (pos < data.length && (data[pos] ?? 0) >= 0x30 && (data[pos] ?? 0) <= 0x39) value = value * 10 + (data[pos++] ?? 0) - 0x30;
      fields.push(value);
      continue;
    }
    pos++;
  }
  const [width = 0, height = 0, maxval = 0] = fields;
  if (maxval > 255) throw new Error("16-bit PPM not supported");
  pos++; // the single whitespace byte after maxval
  const rgb = data.subarray(pos, pos + width * height * 3);
  if (rgb.length < width * height * 3) throw new Error("truncated PPM data");
  return { width, height, rgb };
}

interface Run {
  x1: number;
  x2: number; // exclusive
  coverage: number; // mean ink coverage 0..1 along the run
}

interface Band {
  colour: RuleColour;
  rows: Array<{ y: number; run: Run }>;
}

/** Pixel-level core of findRules, separate so it can be tested on synthetic rasters. */
export function findRulesInRaster(
  raster: Raster,
  options: { dpi: number; page: number; minLengthMm?: number; maxThicknessMm?: number },
): HorizontalRule[] {
  const mmPerPx = 25.4 / options.dpi;
  const minRun = Math.max(2, Math.round((options.minLengthMm ?? 15) / mmPerPx));
  const { width, height, rgb } = raster;
  const open: Band[] = [];
  const done: Band[] = [];

  for (let y = 0; y < height; y++) {
    const runs = rowRuns(rgb, y * width * 3, width, minRun);
    const extended = new Set<Band>();
    for (const { colour, run } of runs) {
      const band = open.find(
        (b) => b.colour === colour && !extended.has(b) && overlaps(b.rows[b.rows.length - 1]?.run, run),
      );
      if (band) {
        band.rows.push({ y, run });
        extended.add(band);
      } else {
        const fresh: Band = { colour, rows: [{ y, run }] };
        open.push(fresh);
        extended.add(fresh);
      }
    }
    // Bands that did not continue on this row are finished.
    for (let i = open.length - 1; i >= 0; i--) {
      const band = open[i];
      if (band && !extended.has(band)) done.push(...open.splice(i, 1));
    }
  }
  done.push(...open);

  const maxThicknessPx = (options.maxThicknessMm ?? 3) / mmPerPx;
  return done
    .map((band) => toRule(band, mmPerPx, options.page))
    .filter((rule) => rule.thicknessMm > 0 && rule.thicknessMm <= maxThicknessPx * mmPerPx)
    .sort((a, b) => a.yMm - b.yMm || a.x1Mm - b.x1Mm);
}

/**
 * Ink coverage of a pixel over white: 1 − (g+b)/2 works for both black and red ink (red keeps r high).
 * A pixel is red when r stands clearly above g and b.
 */
function rowRuns(rgb: Uint8Array, offset: number, width: number, minRun: number): Array<{ colour: RuleColour; run: Run }> {
  const out: Array<{ colour: RuleColour; run: Run }> = [];
  let start = -1;
  let colour: RuleColour = "black";
  let sum = 0;
  const close = (x: number) => {
    if (start >= 0 && x - start >= minRun) out.push({ colour, run: { x1: start, x2: x, coverage: sum / (x - start) } });
    start = -1;
  };
  for (let x = 0; x < width; x++) {
    const i = offset + x * 3;
    const r = rgb[i] ?? 255;
    const g = rgb[i + 1] ?? 255;
    const b = rgb[i + 2] ?? 255;
    const coverage = 1 - (g + b) / 510;
    if (coverage < 0.2) {
      close(x);
      continue;
    }
    const pixelColour: RuleColour = r - (g + b) / 2 > 0.5 * coverage * 255 ? "red" : "black";
    if (start >= 0 && pixelColour !== colour) close(x);
    if (start < 0) {
      start = x;
      colour = pixelColour;
      sum = 0;
    }
    sum += coverage;
  }
  close(width);
  return out;
}

function overlaps(a: Run | undefined, b: Run): boolean {
  if (!a) return false;
  const shared = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  return shared >= 0.5 * Math.min(a.x2 - a.x1, b.x2 - b.x1);
}

function toRule(band: Band, mmPerPx: number, page: number): HorizontalRule {
  let weight = 0;
  let centre = 0;
  for (const { y, run } of band.rows) {
    weight += run.coverage;
    centre += (y + 0.5) * run.coverage;
  }
  // The extent comes from the fully inked rows; faint anti-aliased edge rows can be shorter or ragged.
  const core = band.rows.filter((row) => row.run.coverage >= 0.6);
  const extentRows = core.length > 0 ? core : band.rows;
  const x1 = Math.min(...extentRows.map((row) => row.run.x1));
  const x2 = Math.max(...extentRows.map((row) => row.run.x2));
  return {
    page,
    yMm: round((centre / weight) * mmPerPx),
    x1Mm: round(x1 * mmPerPx),
    x2Mm: round(x2 * mmPerPx),
    thicknessMm: round(weight * mmPerPx),
    colour: band.colour,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function range1(count: number): number[] {
  return Array.from({ length: count }, (_, index) => index + 1);
}
