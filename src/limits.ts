/**
 * Every bound the tool puts on what it reads, in one place (docs/limits.md lists them with the exit
 * codes). Each is far above any real 公文 input and far below what would exhaust a clerk's machine:
 * hostile or mistaken inputs (/dev/zero, a zip bomb, 40 000 nested XML elements) stop with a clear
 * message instead of growing memory or time without end.
 */

const MB = 1024 * 1024;

/** Bytes read from one data file (YAML/JSON/Markdown); the sample is 14 KB. */
export const MAX_DATA_FILE_BYTES = 4 * MB;
/** Bytes read from one seal image (PNG/JPEG); a 600 dpi 42 mm seal is about 1 MB. */
export const MAX_SEAL_IMAGE_BYTES = 16 * MB;
/** Bytes read from one template file. */
export const MAX_TEMPLATE_BYTES = 1 * MB;
/** Bytes read from one .docx given to text, diff or --redline (Word files with photos reach tens of MB). */
export const MAX_DOCX_FILE_BYTES = 64 * MB;

/** Limits on one zip package (.docx) read. */
export interface ZipLimits {
  /** Entries listed in the central directory. */
  readonly maxEntries: number;
  /** Inflated bytes of one part. */
  readonly maxPartBytes: number;
  /** Inflated bytes of all parts read from one package. */
  readonly maxTotalBytes: number;
}

export const ZIP_LIMITS: ZipLimits = {
  maxEntries: 10_000,
  maxPartBytes: 64 * MB,
  maxTotalBytes: 256 * MB,
};

/** Element nesting in one XML part; Word documents nest about 20 levels, tables in tables a few more. */
export const MAX_XML_DEPTH = 256;

/** Messages printed for one input before 「还有 N 条 … and N more」. */
export const MAX_PRINTED_MESSAGES = 100;
