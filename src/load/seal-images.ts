import { dirname, resolve } from "node:path";
import { sealImagePaths } from "../compose/frame.js";
import { diagnostic, GongwenError, isGongwenError, type Diagnostic } from "../errors.js";
import { MAX_SEAL_IMAGE_BYTES } from "../limits.js";
import type { LoadedDocument } from "../model/validate.js";
import { readBoundedFile } from "./read-bounded.js";

/**
 * The seal images a document names, read within the limit and decoded (checkPng). `validate` runs this
 * too, so a seal that cannot be drawn fails before anything is rendered or archived; every image's
 * problem is reported at once, at the field naming it.
 */
export async function loadSealImages(loaded: LoadedDocument): Promise<Uint8Array[]> {
  const paths = sealImagePaths(loaded.document.envelope);
  if (paths.length === 0) return [];
  // Imported only for a document with seal images: the PNG check needs node:zlib, 4.4 ms to load.
  const { checkPng } = await import("./png-check.js");
  const seal = loaded.document.envelope.seal;
  const field = typeof seal === "object" && "images" in seal ? ["envelope", "seal", "images"] : ["envelope", "seal", "image"];
  const problems: Diagnostic[] = [];
  const images = await Promise.all(
    paths.map(async (image, index) => {
      const path = resolve(dirname(loaded.file), image);
      const at = field[2] === "images" ? [...field, index] : field;
      const place = { file: loaded.file, path: at, ...loaded.locate(at) };
      let bytes: Uint8Array;
      try {
        bytes = await readBoundedFile(path, { maxBytes: MAX_SEAL_IMAGE_BYTES, what: ["印章图片", "seal image"], place });
      } catch (error) {
        if (!isGongwenError(error)) throw error;
        problems.push(...error.diagnostics.map((d) => ({ ...d, rule: "seal-image" })));
        return new Uint8Array();
      }
      const problem = checkPng(bytes);
      if (problem) {
        const pngOnly = problem[1] === "not a PNG image";
        problems.push(
          diagnostic({
            ...place,
            zh: pngOnly ? `印章图片 ${path} 应为 PNG 格式（透明背景）` : `印章图片 ${path}：${problem[0]}`,
            en: pngOnly ? `the seal image ${path} must be a PNG (transparent background)` : `seal image ${path}: ${problem[1]}`,
            rule: "seal-image",
          }),
        );
      }
      return bytes;
    }),
  );
  if (problems.length > 0) throw new GongwenError(problems);
  return images;
}
