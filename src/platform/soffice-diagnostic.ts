/**
 * The message for "no LibreOffice to run": not installed, or a wrong `--soffice`/GONGWEN_SOFFICE, with
 * how to install it on this platform. Light to import: `render` builds it without loading src/pdf.
 */
import { diagnostic, type Diagnostic } from "../errors.js";
import type { Host } from "./host.js";
import { libreOfficeHint } from "./install-hints.js";
import { SOFFICE_ENV, type SofficeSearch } from "./soffice-locate.js";

/** Why there is no soffice to run, and how to get one, in this platform's words. */
export function missingSofficeDiagnostic(search: SofficeSearch, host: Host): Diagnostic {
  const hint = libreOfficeHint(host.platform);
  if (search.rejected) {
    const { path, source } = search.rejected;
    // The CLI hands --soffice to the library as the variable, so either may have named it.
    const named = source === "option" ? "--soffice" : `--soffice 或环境变量 ${SOFFICE_ENV}`;
    const namedEn = source === "option" ? "--soffice" : `--soffice or ${SOFFICE_ENV}`;
    return diagnostic({
      zh: `${named} 指定的 LibreOffice（${path}）不存在或不是可运行的程序，无法生成 PDF。${hint.zh}`,
      en: `${namedEn} names LibreOffice at ${path}, which does not exist or is not a program; cannot make a PDF; ${hint.en}`,
      rule: "libreoffice-missing",
    });
  }
  return diagnostic({
    zh: `未安装 LibreOffice 或找不到它（soffice），无法生成 PDF。${hint.zh}`,
    en: `LibreOffice (soffice) is not installed or not found, cannot make a PDF; ${hint.en}`,
    rule: "libreoffice-missing",
  });
}
