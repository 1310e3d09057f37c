/**
 * Windows programs (LibreOffice, and Word and WPS opening a file) fail on paths of MAX_PATH (260)
 * characters or more, which a deep folder and a long 发文字号 reach. Node itself copes (it hands
 * Windows `\\?\` paths), so gongwen writes such files; it says so, and converts them through short names.
 */
import { diagnostic, type Diagnostic } from "../errors.js";
import type { Host } from "./host.js";

const WINDOWS_MAX_PATH = 259;

export function tooLongForWindows(host: Host, paths: readonly string[]): boolean {
  return host.platform === "win32" && paths.some((path) => path.length > WINDOWS_MAX_PATH);
}

export function longPathWarning(host: Host, path: string): Diagnostic | undefined {
  if (!tooLongForWindows(host, [path])) return undefined;
  return diagnostic({
    file: path,
    severity: "warning",
    zh: `路径长 ${path.length} 个字符，超过 Windows 的 260 字符限制：Word、WPS 可能打不开，请放到较浅的文件夹或改短文件名`,
    en: `the path is ${path.length} characters long, past Windows' 260: Word and WPS may not open it; use a shallower folder or a shorter name`,
    rule: "long-path",
  });
}
