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
 * again. Should the resident instance die, the next conversion simply starts one itself, as it would
 * anyway, and the resident is started again.
 * Conversions run one at a time through a queue.
 *
 * The resident holds a document open. Without one, LibreOffice ends itself once a handed-over
 * conversion is done and no window is left (desktop/source/app/dispatchwatcher.cxx terminates the
 * desktop when its frame list is empty), so only the first conversion after `warm` was warm: measured
 * on this 2-core machine, quiet, the sample's 8 pages took 0.46 s once and then 3.9–4.1 s every time
 * (a fresh start each). With a document held open: 0.14 s every time, the resident still running.
 */

export interface OfficeResult {
  readonly pdf: Uint8Array;
  readonly pdfPath: string;
  readonly ms: number;
}

/** A conversion asked for after (or queued before) `close`: the server is shutting down. */
export class OfficeClosedError extends Error {
  constructor() {
    super("LibreOffice was closed");
  }
}

export class WarmOffice {
  private profile: Promise<string> | undefined;
  private work: Promise<string> | undefined;
  private tail: Promise<unknown> = Promise.resolve();
  private counter = 0;
  private closed = false;
  private resident: ChildProcess | undefined;
  private residentStarts = 0;
  private readonly killResident = () => killTree(currentHost(), this.resident?.pid);

  constructor(private readonly timeoutMs = 60_000) {}

  /** The profile's path once made (the resident starts only after a first conversion made it). */
  private profileFolder: string | undefined;

  private folders(): Promise<[string, string]> {
    this.profile ??= mkdtemp(join(tmpdir(), "gongwen-office-profile-")).then((folder) => (this.profileFolder = folder));
    this.work ??= mkdtemp(join(tmpdir(), "gongwen-office-work-"));
    return Promise.all([this.profile, this.work]);
  }

  /**
   * Makes the profile with a first conversion, then leaves one soffice running on it (listening on a
   * private pipe only so that it stays up) for later conversions to be handed to.
   */
  async warm(docx: Uint8Array): Promise<void> {
    await this.convert(docx).catch(() => undefined);
    const [, work] = await this.folders();
    // The document the resident holds open (see above): the first one converted, written once.
    const held = join(work, "resident-held.docx");
    await writeFile(held, docx);
    this.startResident(held);
  }

  private startResident(held: string): void {
    const soffice = findSoffice();
    // Closed meanwhile (the clerk stopped the server during the first conversion): start nothing.
    if (!soffice || this.resident || this.closed || !this.profileFolder) return;
    const host = currentHost();
    const pipe = `gongwen-${process.pid}-${Date.now()}`;
    const started = Date.now();
    this.residentStarts++;
    const resident = spawn(
      soffice,
      [`-env:UserInstallation=${pathToFileURL(this.profileFolder).href}`, "--headless", "--norestore", "--nolockcheck", "--nologo", `--accept=pipe,name=${pipe};urp;`, held],
      { ...treeSpawnOptions(host), env: sofficeEnv(host), stdio: "ignore" },
    );
    this.resident = resident;
    // The server's end is not held up by it; the exit hook (and close) end it.
    resident.unref();
    const gone = () => {
      if (this.resident !== resident) return;
      this.resident = undefined;
      // Started again when it had run a while (a crash in one document), never in a loop.
      if (!this.closed && Date.now() - started > 10_000 && this.residentStarts < 5) this.startResident(held);
    };
    resident.on("error", gone);
    resident.on("exit", gone);
    process.removeListener("exit", this.killResident);
    process.once("exit", this.killResident);
  }

  /** .docx bytes → PDF, queued behind any conversion already running. */
  convert(docx: Uint8Array): Promise<OfficeResult> {
    const run = async (): Promise<OfficeResult> => {
      if (this.closed) throw new OfficeClosedError();
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
    this.profileFolder = undefined;
    this.work = undefined;
    for (const folder of folders) {
      if (folder) await rm(await folder, { recursive: true, force: true }).catch(() => undefined);
    }
  }
}

const pageNumber = (name: string) => Number(/(\d+)\.png$/u.exec(name)?.[1] ?? 0);
