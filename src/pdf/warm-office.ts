import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { convertToPdf } from "./libreoffice.js";
import { runPoppler } from "./poppler.js";

/**
 * LibreOffice kept warm for the editor's true-layout preview: one user profile made once and reused
 * (a fresh profile costs soffice several seconds of set-up on every start), conversions run one at a
 * time through a queue, and the first one is made at start-up so the clerk's first request is warm.
 *
 */

export interface OfficeResult {
  readonly pdf: Uint8Array;
  readonly pdfPath: string;
  readonly ms: number;
}

export class WarmOffice {
  private profile: Promise<string> | undefined;
  private work: Promise<string> | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private counter = 0;

  constructor(private readonly timeoutMs = 60_000) {}

  private folders(): Promise<[string, string]> {
    this.profile ??= mkdtemp(join(tmpdir(), "gongwen-office-profile-"));
    this.work ??= mkdtemp(join(tmpdir(), "gongwen-office-work-"));
    return Promise.all([this.profile, this.work]);
  }

  /** Starts LibreOffice once on a document so that the profile exists before the first request. */
  warm(docx: Uint8Array): Promise<void> {
    return this.convert(docx).then(
      () => undefined,
      () => undefined,
    );
  }

  /** .docx bytes → PDF, queued behind any conversion already running. */
  convert(docx: Uint8Array): Promise<OfficeResult> {
    const run = async (): Promise<OfficeResult> => {
      const [profile, work] = await this.folders();
      const name = `draft-${++this.counter}`;
      const input = join(work, `${name}.docx`);
      await writeFile(input, docx);
      const started = performance.now();
      try {
        const [converted] = await convertToPdf([input], work, { profileDir: profile, timeoutMs: this.timeoutMs });
        const pdf = new Uint8Array(await readFile(converted!.pdf));
        return { pdf, pdfPath: converted!.pdf, ms: performance.now() - started };
      } finally {
        await rm(input, { force: true });
      }
    };
    const result = this.tail.then(run, run);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** The PDF's pages as PNG images at `dpi`. */
  async pages(pdfPath: string, dpi = 60): Promise<Uint8Array[]> {
    const [, work] = await this.folders();
    const prefix = join(await mkdtemp(join(work, "png-")), "page");
    await runPoppler("pdftoppm", ["-png", "-r", String(dpi), pdfPath, prefix]);
    const dir = join(prefix, "..");
    const names = (await readdir(dir)).filter((name) => name.endsWith(".png")).sort((a, b) => pageNumber(a) - pageNumber(b));
    const images = await Promise.all(names.map(async (name) => new Uint8Array(await readFile(join(dir, name)))));
    await rm(dir, { recursive: true, force: true });
    return images;
  }

  async close(): Promise<void> {
    await this.tail.catch(() => undefined);
    for (const folder of [this.profile, this.work]) {
      if (folder) await rm(await folder, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

const pageNumber = (name: string) => Number(/(\d+)\.png$/u.exec(name)?.[1] ?? 0);
