import { MAX_DOCX_FILE_BYTES } from "../limits.js";
import { readBoundedFile, readBoundedFileSync } from "./read-bounded.js";

/**
 * Reads an input file (a data file or a .docx draft), or throws the error a clerk can act on: exit 66
 * when it is missing, a folder, a device or a pipe; exit 1 when it is over the limit.
 */
export async function readInputFile(file: string, maxBytes = MAX_DOCX_FILE_BYTES): Promise<Uint8Array> {
  return readBoundedFile(file, { maxBytes, what: ["文件", "file"] });
}

/** The same, synchronously: a small local file read in a few system calls, no thread-pool round trips. */
export function readInputFileSync(file: string, maxBytes = MAX_DOCX_FILE_BYTES): Uint8Array {
  return readBoundedFileSync(file, { maxBytes, what: ["文件", "file"] });
}
