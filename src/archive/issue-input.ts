import { readFile } from "node:fs/promises";
import { diagnostic, GongwenError, type Diagnostic } from "../errors.js";
import { decodeDataFile, isDiagnostic } from "../load/decode.js";
import { parseDocumentText, type LoadedDocument } from "../model/validate.js";
import { DEFAULT_RETENTION, parseRetention, type Retention } from "./codes.js";
import type { EntryMetadata } from "./metadata.js";

/** What issue starts from: the data file's exact bytes, the document parsed from them, the 保管期限. */

/** Reads the bytes once and parses those very bytes, so the archived data file is exactly what was rendered. */
export async function loadExact(dataFile: string): Promise<{ loaded: LoadedDocument & { encoding: string }; bytes: Uint8Array }> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(dataFile));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new GongwenError([diagnostic({ file: dataFile, zh: code === "ENOENT" ? "找不到文件" : "无法读取文件", en: `cannot read the file (${code ?? (error as Error).message})`, rule: "read" })], 66);
  }
  const decoded = decodeDataFile(bytes, dataFile);
  if (isDiagnostic(decoded)) throw new GongwenError([decoded]);
  return { loaded: { ...parseDocumentText(decoded.text, dataFile, [...decoded.warnings]), encoding: decoded.encoding }, bytes };
}

export function chooseRetention(option: string | undefined, inData: string | undefined, warnings: Diagnostic[]): { retention: Retention; source: EntryMetadata["retentionSource"] } {
  const fromData = inData !== undefined ? parseRetention(inData) : undefined;
  if (option !== undefined) {
    const chosen = parseRetention(option);
    if (fromData && fromData !== chosen) {
      warnings.push(
        diagnostic({
          severity: "warning",
          zh: `--retention “${chosen}”与数据文件中的“${fromData}”不同，采用 --retention`,
          en: `--retention "${chosen}" differs from the data file's "${fromData}"; --retention wins`,
          rule: "archive-retention",
        }),
      );
    }
    return { retention: chosen, source: "option" };
  }
  if (fromData) return { retention: fromData, source: "data" };
  return { retention: DEFAULT_RETENTION, source: "default" };
}
