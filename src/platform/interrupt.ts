import { rmSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * What an interrupted run must undo: LibreOffice process trees to kill and work folders (LibreOffice
 * profiles, conversion folders) to remove. Ctrl-C or SIGTERM during `--pdf` left `gongwen-lo-*` and
 * `gongwen-verify-*` folders behind and exited by the signal. Now the first SIGINT, SIGTERM or SIGHUP
 * runs every cleanup, removes every registered folder, and the process exits 128 + the signal's number
 * (130, 143, 129) — unless a command has its own handler (a batch), which then decides the exit.
 */

const SIGNAL_NUMBERS = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 } as const;
type HandledSignal = keyof typeof SIGNAL_NUMBERS;

const folders = new Set<string>();
const cleanups = new Set<() => void>();
let hooked = false;

/** The documented exit code after a signal: 128 + its number (SIGINT 130, SIGTERM 143, SIGHUP 129). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (SIGNAL_NUMBERS[signal as HandledSignal] ?? 0);
}

/** A new work folder, removed if the run is interrupted before removeWorkFolder. */
export async function makeWorkFolder(prefix: string, parent = tmpdir()): Promise<string> {
  hook();
  const folder = await mkdtemp(join(parent, prefix));
  folders.add(folder);
  return folder;
}

export async function removeWorkFolder(folder: string): Promise<void> {
  await rm(folder, { recursive: true, force: true });
  folders.delete(folder);
}

/** Runs `cleanup` if the run is interrupted; the returned function unregisters it. */
export function onInterrupt(cleanup: () => void): () => void {
  hook();
  cleanups.add(cleanup);
  return () => void cleanups.delete(cleanup);
}

function hook(): void {
  if (hooked) return;
  hooked = true;
  for (const signal of Object.keys(SIGNAL_NUMBERS) as HandledSignal[]) process.on(signal, () => interrupted(signal));
}

function interrupted(signal: HandledSignal): void {
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // Cleaning up after an interruption must not stop the rest of the cleaning.
    }
  }
  cleanups.clear();
  for (const folder of folders) rmSync(folder, { recursive: true, force: true, maxRetries: 2 });
  folders.clear();
  // Another handler (a batch stopping its workers) exits itself, with the same code.
  if (process.listenerCount(signal) <= 1) process.exit(signalExitCode(signal));
}
