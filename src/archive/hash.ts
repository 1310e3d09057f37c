import { createHash } from "node:crypto";
import { createReadStream } from "node:fs";

/**
 * SHA-256 of files and bytes, and the `manifest.sha256` beside each entry. The manifest uses the exact
 * format of GNU `sha256sum` so an archivist can check an entry with standard tools, without this program:
 * `cd <entry> && sha256sum -c manifest.sha256`.
 */

export const MANIFEST_FILE = "manifest.sha256";

export function sha256(bytes: Uint8Array | string): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** Streams the file: a PDF/A can be tens of megabytes once attachments carry scans. */
export function sha256File(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash("sha256");
    createReadStream(path)
      .on("data", (chunk) => hash.update(chunk))
      .on("error", reject)
      .on("end", () => resolve(hash.digest("hex")));
  });
}

export interface ManifestLine {
  readonly sha256: string;
  readonly name: string;
}

/** `<hex>  <name>` per line, sorted by name, LF line ends (what `sha256sum` writes and reads). */
export function formatManifest(lines: readonly ManifestLine[]): string {
  return [...lines]
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((line) => `${line.sha256}  ${line.name}\n`)
    .join("");
}

/** Lines that do not parse are returned as `bad` so verify can name them instead of ignoring them. */
export function parseManifest(text: string): { lines: ManifestLine[]; bad: string[] } {
  const lines: ManifestLine[] = [];
  const bad: string[] = [];
  for (const raw of text.split("\n")) {
    if (raw === "") continue;
    // `*` before the name marks binary mode in sha256sum's format; both modes hash the same bytes on POSIX.
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(raw);
    if (match?.[1] && match[2]) lines.push({ sha256: match[1], name: match[2] });
    else bad.push(raw);
  }
  return { lines, bad };
}
