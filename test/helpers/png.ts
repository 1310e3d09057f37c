import { encodePng } from "../../src/preview/png.js";

/** A red ring on a transparent background, as an authorised seal image would look: a real PNG. */
export function sealPng(size = 240): Uint8Array {
  const rgba = new Uint8Array(size * size * 4);
  const centre = (size - 1) / 2;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const distance = Math.hypot(x - centre, y - centre);
      const onRing = distance <= size / 2 - 2 && distance >= size / 2 - 12;
      const onStar = distance < size / 8;
      if (onRing || onStar) rgba.set([230, 0, 18, 255], (y * size + x) * 4);
    }
  }
  return encodePng(size, size, rgba, true);
}
