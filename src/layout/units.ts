/** Unit conversions between the standard's millimetres and points and OOXML's integer units. */

export const TWIPS_PER_POINT = 20;
export const POINTS_PER_INCH = 72;
export const MM_PER_INCH = 25.4;

export function mmToTwips(mm: number): number {
  return Math.round((mm * POINTS_PER_INCH * TWIPS_PER_POINT) / MM_PER_INCH);
}

export function twipsToMm(twips: number): number {
  return (twips * MM_PER_INCH) / (POINTS_PER_INCH * TWIPS_PER_POINT);
}

export function pointsToTwips(points: number): number {
  return Math.round(points * TWIPS_PER_POINT);
}

export function twipsToPoints(twips: number): number {
  return twips / TWIPS_PER_POINT;
}

/** `w:sz` is in half-points. */
export function pointsToHalfPoints(points: number): number {
  return Math.round(points * 2);
}

/** Border widths (`w:sz` of a border) are in eighths of a point. */
export function mmToBorderEighths(mm: number): number {
  return Math.round(((mm * POINTS_PER_INCH) / MM_PER_INCH) * 8);
}

/** EMU (drawing units): 914400 per inch. */
export function mmToEmu(mm: number): number {
  return Math.round((mm * 914400) / MM_PER_INCH);
}
