/**
 * .docx → PDF with headless LibreOffice, the free layout engine used for previews and layout checks.
 * One soffice start converts many files (~1 s start-up, then a fraction of a second per file).
 */
import { spawn } from "node:child_process";
import { accessSync, constants, existsSync } from "node:fs";
import { access, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, delimiter, extname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { GongwenError, diagnostic, type Diagnostic } from "../errors.js";
import { pdfInfo } from "./poppler.js";

/** Same depth from src/pdf/ and dist/pdf/, so this works under vitest and after `tsc`. */
export const FONTS_CONF = fileURLToPath(new URL("../../fonts/fonts.conf", import.meta.url));

const PDF_A2B_FILTER = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}';
const DEFAULT_TIMEOUT_MS = 120_000;

export interface ConvertOptions {
  /** PDF/A-2b (archival: fonts embedded, XMP declares `pdfaid:part` 2). */
  readonly pdfA?: boolean;
  /** For the whole batch; the soffice process group is killed when it runs out. Default 120 s. */
  readonly timeoutMs?: number;
  /** Explicit soffice binary; otherwise looked up on PATH. */
  readonly sofficePath?: string;
  /** Parent folder of the throw-away LibreOffice profile; default the OS temp folder. */
  readonly tempDir?: string;
}

export interface ConvertResult {
  readonly input: string;
  readonly pdf: string;
  readonly pages: number;
}

/** First `soffice` or `libreoffice` executable on PATH. */
export function findSoffice(): string | undefined {
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (!dir) continue;
    for (const name of ["soffice", "libreoffice"]) {
      const candidate = join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return undefined;
}

export function isLibreOfficeAvailable(): boolean {
  return findSoffice() !== undefined;
}

function missingSoffice(path?: string): GongwenError {
  return new GongwenError(
    [
      diagnostic({
        zh: `未找到 LibreOffice（soffice${path ? `：${path}` : ""}），无法生成 PDF。请安装：apt-get install libreoffice-writer-nogui`,
        en: `LibreOffice (soffice${path ? ` at ${path}` : ""}) not found, cannot make a PDF. Install it: apt-get install libreoffice-writer-nogui`,
        rule: "libreoffice-missing",
      }),
    ],
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
  const soffice = options.sofficePath ?? findSoffice();
  if (soffice === undefined) throw missingSoffice();
  try {
    await access(soffice, constants.X_OK);
  } catch {
    throw missingSoffice(soffice);
  }

  const absoluteInputs = inputs.map((input) => resolve(input));
  const outputs = absoluteInputs.map((input) => join(resolve(outDir), `${basename(input, extname(input))}.pdf`));
  const problems: Diagnostic[] = [];
  for (const input of absoluteInputs) {
    if (!existsSync(input)) problems.push(conversionFailed(input, "输入文件不存在", "input file does not exist"));
  }
  outputs.forEach((output, index) => {
    if (outputs.indexOf(output) !== index) {
      const input = absoluteInputs[index] ?? "";
      problems.push(
        conversionFailed(
          input,
          "与同批另一文件同名，PDF 会互相覆盖",
          "has the same name as another file in the batch; the PDFs would overwrite each other",
        ),
      );
    }
  });
  if (problems.length > 0) throw new GongwenError(problems, 4);

  await mkdir(outDir, { recursive: true });
  // A stale PDF from an earlier run would hide a failed conversion (soffice exits 0 regardless).
  await Promise.all(outputs.map((output) => rm(output, { force: true })));

  const profile = await mkdtemp(join(options.tempDir ?? tmpdir(), "gongwen-lo-"));
  try {
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
      resolve(outDir),
      ...absoluteInputs,
    ];
    const log = await runSoffice(soffice, args, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);

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
            `LibreOffice 未能生成 PDF${tail ? `（${tail}）` : ""}`,
            `LibreOffice produced no PDF pages${tail ? ` (${tail})` : ""}`,
          ),
        );
      }
      results.push({ input, pdf, pages });
    }
    if (problems.length > 0) throw new GongwenError(problems, 4);
    return results;
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
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

/** Resolves with soffice's stdout+stderr; on timeout kills the whole process group (soffice → oosplash → soffice.bin). */
function runSoffice(soffice: string, args: readonly string[], timeoutMs: number): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env };
    if (existsSync(FONTS_CONF)) env.FONTCONFIG_FILE = FONTS_CONF;
    // The locale picks LibreOffice's default Asian language, which picks glyph forms for text without
    // w:lang (ja_JP gives Japanese forms). C.UTF-8 gives Simplified Chinese forms and, unlike a zh_CN locale
    // that is not installed, still decodes UTF-8 file names (Node passes argv as UTF-8).
    env.LC_ALL = "C.UTF-8";
    const child = spawn(soffice, args, { detached: true, env, stdio: ["ignore", "pipe", "pipe"] });
    let log = "";
    child.stdout.on("data", (chunk: Buffer) => (log += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));

    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, timeoutMs);
    // soffice runs in its own process group (so a timeout can kill all of it), which also shields it
    // from the terminal's Ctrl-C: take it down with us when we are interrupted or terminated.
    hookSignals();
    const running = live.add(child.pid);

    child.on("error", (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      running.delete(child.pid);
      reject(error.code === "ENOENT" || error.code === "EACCES" ? missingSoffice(soffice) : error);
    });
    child.on("close", () => {
      clearTimeout(timer);
      running.delete(child.pid);
      if (!timedOut) return resolvePromise(log);
      // Children that left the group would still hold the profile; make sure nothing of ours survives.
      killGroup(child.pid);
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

/** soffice process groups still running, killed if this process is interrupted. */
const live = new Set<number | undefined>();
let signalsHooked = false;

function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.once(signal, () => {
      for (const pid of live) killGroup(pid);
      process.kill(process.pid, signal);
    });
  }
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // group already gone
  }
}
