/**
 * Output file names from document numbers, valid on Windows too (clerks copy files to bureau PCs):
 * no reserved characters, no reserved device names, no trailing dots or spaces, no path segments.
 */
import * as nodePath from "node:path";
import { MAX_FILE_NAME_BYTES } from "../limits.js";

const RESERVED_CHARACTERS = /[<>:"/\\|?*\u0000-\u001F\u007F]/gu;
/**
 * Windows' device names, which name the device whatever extension follows (NUL.txt, NUL.tar.gz) and
 * with spaces before it ("CON .docx"); the superscript digits are devices too (COM¹).
 */
const RESERVED_NAMES = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])\s*(\..*)?$/iu;
/**
 * File systems cap a name at 255 bytes (ext4, APFS) or 255 UTF-16 units (NTFS), not characters: 120
 * Chinese characters are 360 bytes in UTF-8 (ENAMETOOLONG). The stem is cut at MAX_FILE_NAME_BYTES,
 * leaving room for `.docx`/`.pdf` and the temporary suffix of an atomic write.
 */
const encoder = new TextEncoder();

export function safeFileName(name: string, fallback = "公文"): string {
  let safe = name.normalize("NFC").replace(RESERVED_CHARACTERS, "_").replace(/^[.\s]+|[.\s]+$/gu, "");
  if (safe === "" || /^_+$/u.test(safe)) safe = fallback;
  if (RESERVED_NAMES.test(safe)) safe = `_${safe}`;
  let out = "";
  let bytes = 0;
  for (const character of safe) {
    bytes += encoder.encode(character).length;
    if (bytes > MAX_FILE_NAME_BYTES) break;
    out += character;
  }
  return out;
}

/**
 * Names that are one file in a Windows or macOS folder, which ignore case (ABC.docx, abc.docx) and
 * take either Unicode form of an accented letter.
 */
export function fileNameKey(name: string): string {
  return name.normalize("NFC").toLowerCase();
}

/**
 * `name` placed directly inside `folder`, or undefined when it would land elsewhere (`..`, a separator,
 * a drive letter). A folder that is a root (`/`, `E:\`, a USB stick) already ends in its separator.
 * `paths` is the platform's path module, so Windows' rules are testable anywhere.
 */
export function directlyInside(folder: string, name: string, paths: nodePath.PlatformPath = nodePath): string | undefined {
  const root = paths.resolve(folder);
  const target = paths.resolve(root, name);
  return name !== "" && paths.dirname(target) === root && paths.basename(target) === name ? target : undefined;
}
