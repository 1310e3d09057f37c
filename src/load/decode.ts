import { isUtf8, transcode } from "node:buffer";
import { diagnostic, type Diagnostic } from "../errors.js";
import { MAX_DATA_FILE_BYTES } from "../limits.js";
import { stripInvisible } from "./invisible.js";

/**
 * Turns the bytes of a data file into text the way clerks really save files: UTF-8 with or without a
 * BOM, CRLF line ends (Windows Notepad), or GB18030/GBK ("ANSI" on a Chinese Windows), which is decoded
 * and reported, never shown as mojibake. Binary office files passed by mistake are named as such.
 */

export interface DecodedText {
  readonly text: string;
  readonly encoding: "utf-8" | "utf-8-bom" | "gb18030" | "utf-16le" | "utf-16be";
  readonly warnings: readonly Diagnostic[];
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];
const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return magic.every((byte, index) => bytes[index] === byte);
}

/** Far above any real data file; stops a mistaken 1 GB log or a generator gone wrong before it is parsed. */
export { MAX_DATA_FILE_BYTES };

export function decodeDataFile(bytes: Uint8Array, file: string): DecodedText | Diagnostic {
  if (bytes.length > MAX_DATA_FILE_BYTES) {
    return diagnostic({
      file,
      zh: `文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB，上限 ${MAX_DATA_FILE_BYTES / 1024 / 1024} MB），不像是一份公文的数据文件`,
      en: `the file is too large (${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is ${MAX_DATA_FILE_BYTES / 1024 / 1024} MB) to be one document's data`,
      rule: "file-too-large",
    });
  }
  const binaryKind = startsWith(bytes, ZIP_MAGIC)
    ? "Office 文档（.docx/.xlsx）或压缩包 / an Office document (.docx/.xlsx) or a zip archive"
    : startsWith(bytes, OLE_MAGIC)
      ? "旧版 Office 文档（.doc/.xls） / a legacy Office document (.doc/.xls)"
      : startsWith(bytes, PDF_MAGIC)
        ? "PDF 文件 / a PDF file"
        : undefined;
  if (binaryKind) {
    return diagnostic({
      file,
      zh: `这不是数据文件，而是${binaryKind.split(" / ")[0]}。请传入 YAML 数据文件（可用 gongwen new 生成）`,
      en: `this is not a data file but ${binaryKind.split(" / ")[1]}. Pass a YAML data file (gongwen new makes one)`,
      rule: "not-a-data-file",
    });
  }

  if (bytes[0] === 0xff && bytes[1] === 0xfe) return withNormalisedLines(new TextDecoder("utf-16le").decode(bytes.subarray(2)), "utf-16le", [], file);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return withNormalisedLines(new TextDecoder("utf-16be").decode(bytes.subarray(2)), "utf-16be", [], file);
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const text = decodeUtf8(hasBom ? bytes.subarray(3) : bytes);
  if (text === undefined) return decodeLegacyChinese(bytes, file);
  return withNormalisedLines(text, hasBom ? "utf-8-bom" : "utf-8", [], file);
}

/**
 * Strict UTF-8 (undefined if the bytes are not), the same text as a fatal TextDecoder gives, which also
 * drops one leading BOM. Node 20 turns non-ASCII UTF-8 into a string slowly (60 µs for the 14 KB
 * sample); validating, then converting to UTF-16 and reading that takes 6 µs.
 */
function decodeUtf8(bytes: Uint8Array): string | undefined {
  if (!isUtf8(bytes)) return undefined;
  let text: string;
  try {
    text = transcode(bytes, "utf8", "ucs2").toString("ucs2");
  } catch {
    // A Node built without ICU has no transcode.
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function decodeLegacyChinese(bytes: Uint8Array, file: string): DecodedText | Diagnostic {
  const howToConvert =
    "请用记事本“另存为”并选择 UTF-8 编码，或运行 iconv -f GB18030 -t UTF-8 / save it as UTF-8 (Notepad: Save As → UTF-8, or iconv -f GB18030 -t UTF-8)";
  let text: string;
  try {
    text = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
  } catch {
    return diagnostic({
      file,
      zh: `文件既不是 UTF-8 也不是 GB18030 编码的文本。${howToConvert.split(" / ")[0]}`,
      en: `the file is neither UTF-8 nor GB18030 text; ${howToConvert.split(" / ")[1]}`,
      rule: "encoding",
    });
  }
  // Big5 (Taiwan, Hong Kong) decodes as GBK without error, into mojibake: most Big5 characters have a
  // second byte below 0xA1, which GB2312's 6,763 common characters never have. Text where more than a
  // tenth of the double-byte characters lie outside GB2312 is not the GBK a Chinese Windows writes.
  if (outsideGb2312Share(bytes) > 0.1) {
    return diagnostic({
      file,
      zh: `文件不是 UTF-8 编码，像是 Big5（繁体）或其他编码，按 GBK 读取会成为乱码。请另存为 UTF-8（记事本“另存为”，或 iconv -f BIG5 -t UTF-8）`,
      en: "the file is not UTF-8 and looks like Big5 (traditional Chinese) or another encoding that would read as mojibake; save it as UTF-8 (Notepad: Save As → UTF-8, or iconv -f BIG5 -t UTF-8)",
      rule: "encoding",
    });
  }
  // A GB18030 decode "succeeds" on much binary junk; require it to look like Chinese text.
  const cjk = (text.match(/[\u4E00-\u9FFF]/gu) ?? []).length;
  const odd = (text.match(/[\u0080-\u2FFF\uE000-\uF8FF]/gu) ?? []).length;
  if (cjk === 0 || odd > cjk) {
    return diagnostic({ file, zh: `无法识别文件编码。${howToConvert.split(" / ")[0]}`, en: `unrecognised encoding; ${howToConvert.split(" / ")[1]}`, rule: "encoding" });
  }
  const warning = diagnostic({
    file,
    severity: "warning",
    zh: `文件为 GB18030/GBK 编码，已按此解码；建议转存为 UTF-8。${howToConvert.split(" / ")[0]}`,
    en: `the file is GB18030/GBK-encoded and was decoded as such; prefer UTF-8: ${howToConvert.split(" / ")[1]}`,
    rule: "encoding-legacy",
  });
  return withNormalisedLines(text, "gb18030", [warning], file);
}

/** Share of GBK double-byte characters whose bytes lie outside GB2312 (lead 0xA1–0xF7, trail 0xA1–0xFE). */
function outsideGb2312Share(bytes: Uint8Array): number {
  let pairs = 0;
  let outside = 0;
  for (let i = 0; i < bytes.length; i++) {
    const lead = bytes[i]!;
    if (lead < 0x81) continue;
    const trail = bytes[i + 1] ?? 0;
    // A four-byte GB18030 sequence has a digit second byte.
    if (trail >= 0x30 && trail <= 0x39) {
      i += 3;
      continue;
    }
    pairs++;
    if (!(lead >= 0xa1 && lead <= 0xf7 && trail >= 0xa1 && trail <= 0xfe)) outside++;
    i++;
  }
  return pairs === 0 ? 0 : outside / pairs;
}

function withNormalisedLines(text: string, encoding: DecodedText["encoding"], warnings: Diagnostic[], file: string): DecodedText {
  const cleaned = stripInvisible(text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text, file);
  return { text: cleaned.text, encoding, warnings: [...warnings, ...cleaned.warnings] };
}

export function isDiagnostic(value: DecodedText | Diagnostic): value is Diagnostic {
  return "rule" in value;
}
