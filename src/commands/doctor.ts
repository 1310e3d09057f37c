import { diagnostic, GongwenError } from "../errors.js";
import { FONT_PROFILES, isFontProfileName } from "../layout/fonts.js";
import { FONTS_CONF } from "../pdf/libreoffice.js";
import { diagnose, NODE_MAJOR_REQUIRED, type DoctorReport } from "../platform/doctor.js";
import { ROLE_NAMES } from "../platform/fonts/faces.js";
import type { FaceReport, FaceStatus } from "../platform/fonts/font-report.js";
import { currentHost } from "../platform/host.js";
import type { Bilingual } from "../platform/install-hints.js";
import { SOFFICE_ENV, type SofficeSource } from "../platform/soffice-locate.js";
import { writeStdout } from "../review/stdout.js";

export interface DoctorCommandOptions {
  readonly fonts?: string;
  readonly soffice?: string;
  readonly json?: boolean;
}

/** Exit codes: 0 everything `render --pdf` needs is here; 3 something is missing (docs/exit-codes.md). */
export async function doctorCommand(options: DoctorCommandOptions): Promise<number> {
  const profileName = options.fonts ?? "default";
  if (!isFontProfileName(profileName)) {
    throw new GongwenError([diagnostic({ zh: `未知字体方案“${profileName}”（可用 default、gbk）`, en: `unknown font profile "${profileName}" (default, gbk)`, rule: "usage" })], 64);
  }
  const host = currentHost();
  const report = diagnose(host, {
    profile: FONT_PROFILES[profileName],
    soffice: options.soffice,
    previewConfig: host.platform === "linux" ? FONTS_CONF : undefined,
  });
  await writeStdout(options.json ? `${JSON.stringify(report, null, 2)}\n` : formatReport(report));
  return report.ready ? 0 : 3;
}

const OK = "正常 ok";
const MISSING = "缺少 missing";

const STATUS: Readonly<Record<FaceStatus, string>> = {
  installed: "已安装 installed",
  substituted: "代替 substituted",
  missing: MISSING,
};

const SOURCE: Readonly<Record<SofficeSource, string>> = {
  option: "--soffice",
  env: `环境变量 ${SOFFICE_ENV} / ${SOFFICE_ENV}`,
  path: "PATH",
  standard: "安装位置 / install location",
};

const both = (text: Bilingual) => `${text.zh} / ${text.en}`;

/** Terminals give a Chinese character two columns. */
const WIDE = /[\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6]/u;

function pad(text: string, columns: number): string {
  const width = Array.from(text).reduce((sum, char) => sum + (WIDE.test(char) ? 2 : 1), 0);
  return text + " ".repeat(Math.max(1, columns - width));
}

export function formatReport(report: DoctorReport): string {
  const lines = [`gongwen doctor：本机检查 / preflight — ${report.platform}，字体方案 / font profile: ${report.profile}`, ""];
  const row = (tool: string, status: string, detail: string) => lines.push(`${pad(tool, 13)}${pad(status, 16)}${detail}`);

  row("Node.js", report.node.ok ? OK : "过旧 too old", `${report.node.version}（需要 ${NODE_MAJOR_REQUIRED} 及以上 / needs ${NODE_MAJOR_REQUIRED} or later）`);

  const { search, version, hint } = report.libreoffice;
  if (search.found) {
    row("LibreOffice", OK, `${version ?? "版本未知 / version unknown"}  ${search.found.path}（${SOURCE[search.found.source]}）`);
  } else if (search.rejected) {
    row("LibreOffice", MISSING, `${SOURCE[search.rejected.source]} → ${search.rejected.path}：不是可运行的程序 / not a program`);
  } else {
    row("LibreOffice", MISSING, `未找到，查找过 / not found; looked in: ${search.tried.join(", ")}`);
  }
  if (hint) lines.push(`${pad("", 29)}${both(hint)}`);

  const { tools, version: popplerVersion, hint: popplerHint } = report.poppler;
  const missingTools = tools.filter((tool) => !tool.path).map((tool) => tool.name);
  row(
    "poppler",
    missingTools.length === 0 ? OK : MISSING,
    missingTools.length === 0
      ? `${popplerVersion ?? "版本未知 / version unknown"}  ${tools.map((tool) => tool.path).join(", ")}`
      : `PATH 中没有 / not on PATH: ${missingTools.join(", ")}`,
  );
  if (popplerHint) lines.push(`${pad("", 29)}${both(popplerHint)}`);

  lines.push("");
  const { fonts } = report;
  lines.push(
    fonts.method === "fontconfig"
      ? `字体 / fonts（fontconfig；预览与 PDF 经 FONTCONFIG_FILE=${fonts.places.join(", ") || "—"} 代替未安装的字体 / previews and PDFs get stand-ins through it）`
      : `字体 / fonts（读取字体文件夹 / read from the font folders: ${fonts.places.join(", ")}）`,
  );
  for (const face of fonts.faces) lines.push(...formatFace(face));

  lines.push("");
  lines.push(
    report.ready
      ? "结论 / result：具备 render --pdf 所需的一切（退出码 0）/ everything render --pdf needs is here (exit 0)"
      : "结论 / result：缺少 render --pdf 所需的程序或字体，见上（退出码 3）/ something render --pdf needs is missing, see above (exit 3)",
  );
  return `${lines.join("\n")}\n`;
}

function faceName(face: FaceReport["preview"]): string {
  if (!face) return "";
  const style = face.style && !/^(regular|book|normal|medium)$/iu.test(face.style) ? ` ${face.style}` : "";
  return `${face.family}${style}${face.file ? `（${face.file}）` : ""}`;
}

function formatFace(face: FaceReport): string[] {
  const lines = [`  ${pad(face.name, 17)}${pad(STATUS[face.status], 19)}${both(ROLE_NAMES[face.role])}`];
  const indent = "      ";
  if (face.status === "installed") {
    lines.push(`${indent}已安装 / installed: ${face.file ?? ""}`);
    if (face.preview && face.preview.family !== face.name && face.preview.file !== face.file) {
      lines.push(`${indent}预览与 PDF 用 / previews and PDFs use: ${faceName(face.preview)}`);
    }
  } else if (face.status === "substituted") {
    lines.push(`${indent}本机未安装；预览与 PDF 用 / not installed here; previews and PDFs use: ${faceName(face.preview)}`);
    if (face.preferred) lines.push(`${indent}首选代替字体 ${face.preferred} 未安装 / the preferred stand-in ${face.preferred} is not installed (fonts/README.md)`);
  } else {
    lines.push(`${indent}本机未安装，也没有可代替的字体：PDF 会缺字或字形不对 / not installed, and no face here can stand in: PDFs would show wrong or missing glyphs`);
  }
  if (face.status !== "installed") lines.push(`${indent}授权字体 / licensed copy: ${both(face.source)}`);
  return lines;
}
