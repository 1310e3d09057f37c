import { basename, dirname, extname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { GongwenDocument } from "./document/document.js";
import { composeLoaded } from "./compose/compose-loaded.js";
import { diagnostic, GongwenError } from "./errors.js";
import { loadSealImages } from "./load/seal-images.js";
import { FONT_PROFILES, isFontProfileName, type FontProfileName } from "./layout/fonts.js";
import { formatDocNumber } from "./model/primitives.js";
import { loadDocumentFile, type LoadedDocument } from "./model/validate.js";
import { safeFileName } from "./output/file-name.js";
import { renderDocx, type DocxRenderOptions, type RenderedDocx } from "./render/docx/index.js";

/** The whole pipeline as a library: load → validate → compose → lay out → write. The CLI only calls this. */

/** The package root, from src/ (tests) and dist/ (the CLI) alike. */
export const PACKAGE_ROOT = fileURLToPath(new URL("..", import.meta.url));
/** The sample circular (青政务〔2022〕3号), rendered when no data file is given. */
export const SAMPLE_DATA_FILE = join(PACKAGE_ROOT, "data", "qingzhengwu-2022-3.yaml");

export interface RenderOptions {
  readonly templateDir?: string;
  /** Overrides the data file's `fonts`. */
  readonly fonts?: string;
  readonly colophonPlacement?: DocxRenderOptions["colophonPlacement"];
}

export interface RenderResult extends RenderedDocx {
  readonly loaded: LoadedDocument;
  readonly document: GongwenDocument;
  /** `青政务〔2022〕3号.docx`: a name valid on Windows too. */
  readonly suggestedFileName: string;
}

export function resolveFontProfile(name: string | undefined, file?: string) {
  const chosen = name ?? "default";
  if (!isFontProfileName(chosen)) {
    throw new GongwenError([
      diagnostic({
        file,
        path: ["fonts"],
        zh: `未知的字体方案“${chosen}”，可选：${Object.keys(FONT_PROFILES).join("、")}`,
        en: `unknown font profile "${chosen}"; choose one of: ${Object.keys(FONT_PROFILES).join(", ")}`,
        rule: "font-profile",
      }),
    ], 64);
  }
  return FONT_PROFILES[chosen as FontProfileName];
}

/**
 * The output's name: the 发文字号 (`青政务〔2022〕3号.docx`), or for a document without one the data
 * file's own name.
 */
export function suggestedFileName(loaded: LoadedDocument): string {
  const number = loaded.document.envelope.docNumber;
  const stem = number !== undefined ? formatDocNumber(number) : basename(loaded.file, extname(loaded.file));
  return `${safeFileName(stem)}.docx`;
}

export { composeLoaded };

export async function renderLoaded(loaded: LoadedDocument, options: RenderOptions = {}): Promise<RenderResult> {
  const fonts = resolveFontProfile(options.fonts ?? loaded.document.fonts, loaded.file);
  const document = composeLoaded(loaded, options);
  const sealImages = await loadSealImages(loaded);
  const rendered = await renderDocx(document, { fonts, sealImages, colophonPlacement: options.colophonPlacement });
  return { ...rendered, loaded, document, suggestedFileName: suggestedFileName(loaded) };
}

export async function renderFile(file: string, options: RenderOptions = {}): Promise<RenderResult> {
  return renderLoaded(await loadDocumentFile(file), options);
}
