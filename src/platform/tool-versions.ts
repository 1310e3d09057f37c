/**
 * Versions of the external programs, for the doctor's report: asked of the programs themselves, with a
 * time limit, since no file beside them names it on every platform.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Host } from "./host.js";

const TIMEOUT_MS = 30_000;

function firstOutput(program: string, args: readonly string[], host: Host): string {
  const result = spawnSync(program, args, { env: { ...host.env }, encoding: "utf8", timeout: TIMEOUT_MS, windowsHide: true });
  return `${result.stdout ?? ""}\n${result.stderr ?? ""}`;
}

/**
 * `soffice --version`. On Windows soffice.exe is a GUI program that prints nothing to a console; the
 * soffice.com beside it is its console twin.
 */
export function libreOfficeVersion(soffice: string, host: Host): string | undefined {
  const consoleTwin = host.platform === "win32" ? join(dirname(soffice), "soffice.com") : undefined;
  const output = firstOutput(consoleTwin && existsSync(consoleTwin) ? consoleTwin : soffice, ["--version"], host);
  return /LibreOffice\S*\s+(\d+(?:\.\d+)+)/u.exec(output)?.[1];
}

/** `pdfinfo -v` prints "pdfinfo version 22.02.0" (to stderr). */
export function popplerVersion(pdfinfo: string, host: Host): string | undefined {
  return /version\s+(\d+(?:\.\d+)+)/u.exec(firstOutput(pdfinfo, ["-v"], host))?.[1];
}
