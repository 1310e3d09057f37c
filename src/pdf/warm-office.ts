import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawn, type ChildProcess } from "node:child_process";
import { pathToFileURL } from "node:url";
import { currentHost } from "../platform/host.js";
import { killTree, treeSpawnOptions } from "../platform/process-tree.js";
import { convertToPdf, findSoffice, sofficeEnv } from "./libreoffice.js";
import { runPoppler } from "./poppler.js";

/**
 * LibreOffice kept warm for the editor's true-layout preview: one soffice stays running on a profile
 * made once, and each conversion is an ordinary `soffice --convert-to` on that same profile, which
 * LibreOffice hands to the running instance through its own single-instance pipe instead of starting
 * again (measured on this 2-core machine under load: 2.9 s against 12–16 s for a fresh start).
 * Should the resident instance die, the next conversion simply starts one itself, as it would anyway.
 * Conversions run one at a time through a queue.
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
  private closed = false;
  private resident: ChildProcess | undefined;
  private readonly killResident = () => killTree(currentHost(), this.resident?.pid);

  constructor(private readonly timeoutMs = 60_000) {}

  private folders(): Promise<[string, string]> {
    this.profile ??= mkdtemp(join(tmpdir(), "gongwen-office-profile-"));
    this.work ??= mkdtemp(join(tmpdir(), "gongwen-office-work-"));
    return Promise.all([this.profile, this.work]);
  }

  /**
   * Makes the profile with a first conversion, then leaves one soffice running on it (listening on a
   * private pipe only so that it stays up) for later conversions to be handed to.
   */
  async warm(docx: Uint8Array): Promise<void> {
    await this.convert(docx).catch(() => undefined);
    const soffice = findSoffice();
    // Closed meanwhile (the clerk stopped the server during the first conversion): start nothing.
    if (!soffice || this.resident || this.closed) return;
    const [profile] = await this.folders();
    const host = currentHost();
    const pipe = `gongwen-${process.pid}-${Date.now()}`;
    this.resident = spawn(
      soffice,
      [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--norestore", "--nolockcheck", "--nologo", "--nodefault", `--accept=pipe,name=${pipe};urp;`],
      { ...treeSpawnOptions(host), env: sofficeEnv(host), stdio: "ignore" },
    );
    // The server's end is not held up by it; the exit hook (and close) end it.
    this.resident.unref();
    this.resident.on("error", () => (this.resident = undefined));
    this.resident.on("exit", () => (this.resident = undefined));
    process.once("exit", this.killResident);
  }

  /** .docx bytes → PDF, queued behind any conversion already running. */
  convert(docx: Uint8Array): Promise<OfficeResult> {
    const run = async (): Promise<OfficeResult> => {
      if (this.closed) throw new Error("LibreOffice was closed");
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

  /** Ends the resident soffice and removes the folders; a conversion still running fails. */
  async close(): Promise<void> {
    this.closed = true;
    this.killResident();
    process.removeListener("exit", this.killResident);
    const folders = [this.profile, this.work];
    this.profile = undefined;
    this.work = undefined;
    for (const folder of folders) {
      if (folder) await rm(await folder, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

const pageNumber = (name: string) => Number(/(\d+)\.png$/u.exec(name)?.[1] ?? 0);
