import { statSync } from "node:fs";
import { dirname, join, resolve, sep } from "node:path";
import { refuseOutputOverInput } from "../output/not-an-input.js";
import { printDiagnostics } from "./report.js";
import { diagnostic, GongwenError } from "../errors.js";
import { FONT_PROFILES, isFontProfileName } from "../layout/fonts.js";
import { writeFileAtomicSync } from "../output/atomic-write.js";
import { currentHost } from "../platform/host.js";
import { longPathWarning } from "../platform/long-paths.js";
import { missingSofficeDiagnostic } from "../platform/soffice-diagnostic.js";
import { locateSoffice } from "../platform/soffice-locate.js";
import type { RenderResult } from "../pipeline.js";
import type { Verification } from "../verify/render-verified.js";

export interface RenderCommandOptions {
  /** A file for one input; a folder for several inputs or a folder input. */
  readonly output?: string;
  readonly templates?: string;
  readonly fonts?: string;
  readonly quiet?: boolean;
  /** Lay the document out with LibreOffice, verify and correct the 版记's place, write the PDF beside it. */
  readonly pdf?: boolean;
  /** Time limit of one LibreOffice run, in seconds. */
  readonly pdfTimeout?: string;
}

const PLACEMENT_TEXT = {
  "same-page": "版记在末页底部 / colophon at the foot of the last page",
  "next-page": "版记另起一页 / colophon on the next page",
  "blank-then-page": "空白页后排版记（两页不编页码）/ blank page, then the colophon page (both unnumbered)",
} as const;

function placementText(result: RenderResult): string {
  if (!result.document.frame.colophon) return "无版记 / no colophon";
  return PLACEMENT_TEXT[result.plan.placement];
}

/** `gongwen render [data...]`: one file as before, or a batch (several files, or folders). */
export async function renderCommand(data: string | readonly string[] | undefined, options: RenderCommandOptions): Promise<number> {
  const inputs = data === undefined ? [] : typeof data === "string" ? [data] : [...data];
  const single = inputs.length === 0 || (inputs.length === 1 && !isDirectory(inputs[0] ?? ""));
  const code = single ? await renderOne(inputs[0], options) : await (await import("../batch/command.js")).renderBatchCommand(inputs, options);
  if (!options.quiet) await noticeMissingFonts(options.fonts);
  return code;
}

/** Once per state of the machine's fonts (cached; see font-cache.ts), never failing a render. */
async function noticeMissingFonts(fonts: string | undefined): Promise<void> {
  try {
    const { missingFontNotice } = await import("../platform/fonts/font-cache.js");
    const notice = await missingFontNotice(currentHost(), FONT_PROFILES[fonts !== undefined && isFontProfileName(fonts) ? fonts : "default"]);
    if (notice) printDiagnostics([notice]);
  } catch {
    // a notice, not a result
  }
}

export function pdfTimeoutMs(options: RenderCommandOptions): number | undefined {
  if (options.pdfTimeout === undefined) return undefined;
  const seconds = Number(options.pdfTimeout);
  if (!Number.isFinite(seconds) || seconds <= 0) {
    throw new GongwenError(
      [diagnostic({ zh: `--pdf-timeout 应为正数（秒），而不是“${options.pdfTimeout}”`, en: `--pdf-timeout must be a positive number of seconds, not "${options.pdfTimeout}"`, rule: "usage" })],
      64,
    );
  }
  return Math.round(seconds * 1000);
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

async function renderOne(data: string | undefined, options: RenderCommandOptions): Promise<number> {
  // Imported here, not at the top: a batch's main thread only hands files to workers.
  const [{ loadDocumentFile }, { renderLoaded, SAMPLE_DATA_FILE, suggestedFileName }] = await Promise.all([import("../model/validate.js"), import("../pipeline.js")]);
  // -q prints errors only (its help says so): warnings are neither printed nor looked for.
  const loaded = await loadDocumentFile(data ?? SAMPLE_DATA_FILE, { warnings: !options.quiet });
  if (!options.quiet) printDiagnostics(loaded.warnings);
  if (options.output !== undefined) {
    const { sealImagePaths } = await import("../compose/frame.js");
    const inputs = [loaded.file, ...sealImagePaths(loaded.document.envelope).map((image) => resolve(dirname(loaded.file), image))];
    const target = outputTarget(options.output, suggestedFileName(loaded));
    refuseOutputOverInput(target, inputs);
    if (options.pdf) refuseOutputOverInput(`${target.replace(/\.docx$/i, "")}.pdf`, inputs);
  }
  const renderOptions = { templateDir: options.templates, fonts: options.fonts };
  const timeoutMs = pdfTimeoutMs(options);
  const verified = options.pdf ? await (await import("../verify/render-verified.js")).renderVerified(loaded, { ...renderOptions, timeoutMs }) : undefined;
  const result = verified ?? (await renderLoaded(loaded, renderOptions));
  const target = outputTarget(options.output, result.suggestedFileName);
  // Synchronous: this process has nothing else to do meanwhile (see writeFileAtomicSync).
  writeFileAtomicSync(target, result.bytes);
  const longPath = longPathWarning(currentHost(), target);
  if (longPath && !options.quiet) printDiagnostics([longPath]);
  const pdf = verified?.pdf ? `${target.replace(/\.docx$/i, "")}.pdf` : undefined;
  if (pdf && verified?.pdf) writeFileAtomicSync(pdf, verified.pdf);
  if (!options.quiet) report(target, pdf, result, verified?.verification);
  const verification = verified?.verification;
  if (verification?.reason === "libreoffice-missing") {
    printDiagnostics([libreOfficeMissingWarning()]);
    return 3;
  }
  return verification && !verification.verified ? 2 : 0;
}

/** `-o` names the file; an existing folder (or a path ending in a separator) gets `<发文字号>.docx` inside. */
function outputTarget(output: string | undefined, suggested: string): string {
  if (output === undefined) return resolve("output", suggested);
  if (output.endsWith("/") || output.endsWith(sep) || isDirectory(output)) return join(resolve(output), suggested);
  return resolve(output);
}

/** Why there is no LibreOffice (not installed, or a wrong --soffice), and how to get it on this platform. */
export function libreOfficeMissingWarning() {
  const host = currentHost();
  const why = missingSofficeDiagnostic(locateSoffice(host), host);
  return diagnostic({
    severity: "warning",
    zh: `已生成 .docx，但未生成 PDF，版记偶数页规则未经核验：${why.zh}`,
    en: `the .docx was written, but no PDF, and the even-page rule was not verified: ${why.en}`,
    rule: "libreoffice-missing",
  });
}

function report(target: string, pdf: string | undefined, result: RenderResult, verification: Verification | undefined): void {
  const { plan } = result;
  let text = `已生成 / written: ${target}\n`;
  if (pdf) text += `已生成 / written: ${pdf}\n`;
  if (verification?.finding) {
    const { finding } = verification;
    const seconds = verification.conversionMs.reduce((a, b) => a + b, 0) / 1000;
    text += `  共 ${finding.pages} 页；${placementText(result)}\n`;
    text += verification.verified
      ? `  已经排版核验（LibreOffice，${verification.passes} 遍，${seconds.toFixed(1)} 秒）：版记位于第 ${finding.printLine?.page} 页底部 / verified on a real layout in ${verification.passes} pass(es)\n`
      : `  排版核验未通过 / layout check failed: ${verification.reason}\n`;
  } else if (verification?.verified) {
    text += `  共 ${verification.layout?.pages ?? plan.totalPages} 页；${placementText(result)}；已经排版核验（LibreOffice）/ verified on a real layout\n`;
  } else {
    text += `  约 ${plan.totalPages} 页（按版心网格估算）；${placementText(result)}\n`;
    if (result.document.frame.colophon) text += "  版记位置按估算放置，未经排版核验（加 --pdf 核验）/ colophon placed by estimate, not verified (use --pdf)\n";
  }
  process.stdout.write(text);
}
