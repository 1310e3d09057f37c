/**
 * .docx → PDF with headless LibreOffice, the free layout engine used for previews and layout checks.
 * One soffice start converts many files (~1 s start-up, then a fraction of a second per file).
 */
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, rename, rm } from "node:fs/promises";
import { makeWorkFolder, onInterrupt, removeWorkFolder } from "../platform/interrupt.js";
import { tmpdir } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { GongwenError, diagnostic, type Diagnostic } from "../errors.js";
import { fileNameKey } from "../output/file-name.js";
import { previewReplacements, type FontReplacement } from "../platform/fonts/font-report.js";
import { currentHost, type Host } from "../platform/host.js";
import { libreOfficeHint, sandboxHint } from "../platform/install-hints.js";
import { tooLongForWindows } from "../platform/long-paths.js";
import { killTree, treeSpawnOptions } from "../platform/process-tree.js";
import { missingSofficeDiagnostic } from "../platform/soffice-diagnostic.js";
import { locateSoffice, type SofficeSearch } from "../platform/soffice-locate.js";
import { writeFontReplacements } from "./font-replacements.js";
import { pdfInfo } from "./poppler.js";

/** Same depth from src/pdf/ and dist/pdf/, so this works under vitest and after `tsc`. */
export const FONTS_CONF = fileURLToPath(new URL("../../fonts/fonts.conf", import.meta.url));

const PDF_A2B_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}';
const DEFAULT_TIMEOUT_MS = 120_000;

export interface ConvertOptions {
  /** PDF/A-2b (archival: fonts embedded, XMP declares `pdfaid:part` 2). */
  readonly pdfA?: boolean;
  /** For the whole batch; soffice and every process it started are killed when it runs out. Default 120 s. */
  readonly timeoutMs?: number;
  /** Explicit soffice binary; otherwise GONGWEN_SOFFICE, PATH, then where installers put it (src/platform/soffice-locate.ts). */
  readonly sofficePath?: string;
  /** Parent folder of the throw-away LibreOffice profile; default the OS temp folder. */
  readonly tempDir?: string;
  /**
   * A LibreOffice profile folder to use and keep (warm-office.ts): soffice starts about twice as fast
   * with a profile it made before. The caller runs one conversion at a time in it.
   */
  readonly profileDir?: string;
  /** The machine (tests lay out other platforms' machines); default this one. */
  readonly host?: Host;
  /**
   * LibreOffice's font replacement table for this run. Default: none on Linux (fonts/fonts.conf maps the
   * names there); on Windows and macOS each profile face missing here → its installed stand-in.
   */
  readonly fontReplacements?: readonly FontReplacement[];
}

export interface ConvertResult {
  readonly input: string;
  readonly pdf: string;
  readonly pages: number;
}

/** The soffice to run: `--soffice` (which the CLI passes on as GONGWEN_SOFFICE), PATH, or where installers put it. */
export function findSoffice(host: Host = currentHost()): string | undefined {
  return locateSoffice(host).found?.path;
}

export function isLibreOfficeAvailable(host: Host = currentHost()): boolean {
  return findSoffice(host) !== undefined;
}

function missingSoffice(search: SofficeSearch, host: Host): GongwenError {
  return new GongwenError([missingSofficeDiagnostic(search, host)], 3);
}

function unrunnableSoffice(path: string, code: string, host: Host): GongwenError {
  const hint = libreOfficeHint(host.platform);
  return new GongwenError(
    [diagnostic({ zh: `无法运行 LibreOffice（${path}：${code}）。${hint.zh}`, en: `cannot run LibreOffice (${path}: ${code}); ${hint.en}`, rule: "libreoffice-missing" })],
    3,
  );
}

function conversionFailed(file: string, zh: string, en: string): Diagnostic {
  return diagnostic({ file, zh, en, rule: "pdf-conversion-failed" });
}

/** Converts every input in ONE soffice run, each run with its own fresh profile so parallel runs don't clash. */
export async function convertToPdf(
  inputs: readonly string[],
  outDir: string,
  options: ConvertOptions = {},
): Promise<ConvertResult[]> {
  if (inputs.length === 0) return [];
  const host = options.host ?? currentHost();
  const search = locateSoffice(host, options.sofficePath);
  const soffice = search.found?.path;
  if (soffice === undefined) throw missingSoffice(search, host);

  const absoluteInputs = inputs.map((input) => resolve(input));
  const outputs = absoluteInputs.map((input) => join(resolve(outDir), `${basename(input, extname(input))}.pdf`));
  const problems: Diagnostic[] = [];
  for (const input of absoluteInputs) {
    if (!existsSync(input)) problems.push(conversionFailed(input, "输入文件不存在", "input file does not exist"));
  }
  // Compared as Windows and macOS folders compare names: A.pdf and a.pdf are one file there.
  const outputKeys = outputs.map(fileNameKey);
  outputKeys.forEach((key, index) => {
    if (outputKeys.indexOf(key) !== index) {
      const input = absoluteInputs[index] ?? "";
      problems.push(
        conversionFailed(
          input,
          "与同批另一文件同名（Windows、macOS 不分大小写），PDF 会互相覆盖",
          "has the same name as another file in the batch (Windows and macOS ignore case); the PDFs would overwrite each other",
        ),
      );
    }
  });
  if (problems.length > 0) throw new GongwenError(problems, 4);

  await mkdir(outDir, { recursive: true });
  // A stale PDF from an earlier run would hide a failed conversion (soffice exits 0 regardless).
  await Promise.all(outputs.map((output) => rm(output, { force: true })));

  const profile = options.profileDir ?? (await makeWorkFolder("gongwen-lo-", options.tempDir ?? tmpdir()));
  try {
    writeFontReplacements(profile, options.fontReplacements ?? defaultReplacements(host));
    // LibreOffice on Windows cannot take paths of 260 characters or more: it gets copies under short names.
    const staged = tooLongForWindows(host, [...absoluteInputs, ...outputs]) ? await stageInputs(profile, absoluteInputs) : undefined;
    const args = [
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      // Without a forced filter soffice "converts" any unreadable file as plain text and reports success.
      ...(absoluteInputs.every((input) => /\.docx$/i.test(input)) ? ["--infilter=MS Word 2007 XML"] : []),
      "--convert-to",
      options.pdfA ? PDF_A2B_FILTER : "pdf",
      "--outdir",
      staged?.outDir ?? resolve(outDir),
      ...(staged?.inputs ?? absoluteInputs),
    ];
    const log = await runSoffice(soffice, args, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, host);
    if (staged) await unstageOutputs(staged.outputs, outputs);
    // A sandboxed LibreOffice fails by not seeing our files: say so where the failure is reported.
    const sandbox = search.found?.sandbox ? sandboxHint(search.found.sandbox) : undefined;

    const results: ConvertResult[] = [];
    for (const [index, input] of absoluteInputs.entries()) {
      const pdf = outputs[index] ?? "";
      const pages = existsSync(pdf) ? await pageCount(pdf) : 0;
      if (pages < 1) {
        // soffice's own words ("Error: source file could not be loaded"), without its java start-up noise.
        const tail = [...new Set(log.split("\n").filter((line) => /^Error/.test(line)))].join(" | ");
        problems.push(
          conversionFailed(
            input,
            `LibreOffice 未能生成 PDF${tail ? `（${tail}）` : ""}${sandbox ? `；${sandbox.zh}` : ""}`,
            `LibreOffice produced no PDF pages${tail ? ` (${tail})` : ""}${sandbox ? `; ${sandbox.en}` : ""}`,
          ),
        );
      }
      results.push({ input, pdf, pages });
    }
    if (problems.length > 0) throw new GongwenError(problems, 4);
    return results;
  } finally {
    if (options.profileDir === undefined) await removeWorkFolder(profile);
  }
}

function defaultReplacements(host: Host): readonly FontReplacement[] {
  if (host.platform === "linux") return [];
  try {
    return previewReplacements(host);
  } catch {
    // Unreadable font folders: LibreOffice picks stand-ins itself, as it would without the table.
    return [];
  }
}

/** Copies of the inputs under short names in the profile folder, and where their PDFs will appear. */
async function stageInputs(profile: string, inputs: readonly string[]) {
  const inDir = join(profile, "in");
  const outDir = join(profile, "out");
  await mkdir(inDir, { recursive: true });
  const staged = inputs.map((input, index) => join(inDir, `${index + 1}${extname(input)}`));
  await Promise.all(inputs.map((input, index) => copyFile(input, staged[index] ?? "")));
  return { inputs: staged, outDir, outputs: staged.map((file) => join(outDir, `${basename(file, extname(file))}.pdf`)) };
}

/** Moved out; copied where the output folder is on another drive than the temp folder (EXDEV). */
async function unstageOutputs(staged: readonly string[], outputs: readonly string[]): Promise<void> {
  await Promise.all(
    staged.map(async (file, index) => {
      const output = outputs[index] ?? "";
      if (!existsSync(file)) return;
      await rename(file, output).catch(async (error: NodeJS.ErrnoException) => {
        if (error.code !== "EXDEV") throw error;
        await copyFile(file, output);
      });
    }),
  );
}

/** 0 for a broken PDF; a missing pdfinfo is still reported as such. */
async function pageCount(pdf: string): Promise<number> {
  try {
    return (await pdfInfo(pdf)).pages;
  } catch (error) {
    if (error instanceof GongwenError && error.diagnostics.some((d) => d.rule === "poppler-missing")) throw error;
    return 0;
  }
}

/**
 * fontconfig and the C.UTF-8 locale are Linux matters: LibreOffice on Windows and macOS finds fonts
 * through the system, and takes its language from the system's settings.
 */
export function sofficeEnv(host: Host): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (host.platform !== "linux") return env;
  // Another mapping of the bureau faces may be chosen (the layout tests use fonts/fonts-noto.conf too).
  const fontsConf = process.env.GONGWEN_FONTS_CONF ?? FONTS_CONF;
  if (existsSync(fontsConf)) env.FONTCONFIG_FILE = fontsConf;
  // The locale picks LibreOffice's default Asian language, which picks glyph forms for text without
  // w:lang (ja_JP gives Japanese forms). C.UTF-8 gives Simplified Chinese forms and, unlike a zh_CN locale
  // that is not installed, still decodes UTF-8 file names (Node passes argv as UTF-8).
  env.LC_ALL = "C.UTF-8";
  return env;
}

/**
 * Resolves with soffice's stdout+stderr; on timeout ends soffice with every process it started
 * (POSIX: its process group, soffice → oosplash → soffice.bin; Windows: its tree, by taskkill /T).
 */
function runSoffice(soffice: string, args: readonly string[], timeoutMs: number, host: Host): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(soffice, args, { ...treeSpawnOptions(host), env: sofficeEnv(host), stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killTree(host, child.pid);
    }, timeoutMs);
    // soffice runs in its own process group (so a timeout can kill all of it), which also shields it
    // from the terminal's Ctrl-C: take it down with us when we are interrupted or terminated.
    const unhook = onInterrupt(() => killTree(host, child.pid));
    child.once("exit", unhook);
    const running = live.add(child.pid);

    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      running.delete(child.pid);
      // The program vanished or lost its rights since it was found.
      reject(error.code === "ENOENT" || error.code === "EACCES" ? unrunnableSoffice(soffice, error.code, host) : error);
    });
    child.on("close", () => {
      clearTimeout(timer);
      running.delete(child.pid);
      if (!timedOut) return resolvePromise(log);
      // Children that left the group would still hold the profile; make sure nothing of ours survives.
      killTree(host, child.pid);
      reject(
        new GongwenError(
          [
            diagnostic({
              zh: `LibreOffice 转换 PDF 超时（${timeoutMs} 毫秒），已终止`,
              en: `LibreOffice PDF conversion timed out after ${timeoutMs} ms and was killed`,
              rule: "libreoffice-timeout",
            }),
          ],
          4,
        ),
      );
    });
  });
}

/** soffice process trees still running. */
const live = new Set<number | undefined>();
