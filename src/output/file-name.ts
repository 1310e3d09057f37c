/**
 * Output file names from document numbers, valid on Windows too (clerks copy files to bureau PCs):
 * no reserved characters, no reserved device names, no trailing dots or spaces, no path segments.
 */

const RESERVED_CHARACTERS = /[<>:"/\\|?*\u0000-\u001F\u007F]/gu;
const RESERVED_NAMES = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])(\..*)?$/iu;
const MAX_NAME_LENGTH = 120;

export function safeFileName(name: string, fallback = "公文"): string {
  let safe = name.normalize("NFC").replace(RESERVED_CHARACTERS, "_").replace(/^[.\s]+|[.\s]+$/gu, "");
  if (safe === "" || /^_+$/u.test(safe)) safe = fallback;
  if (RESERVED_NAMES.test(safe)) safe = `_${safe}`;
  return Array.from(safe).slice(0, MAX_NAME_LENGTH).join("");
}
