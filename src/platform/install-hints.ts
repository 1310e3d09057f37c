/**
 * How to install what the PDF side needs, in the words of each platform's usual installer. Short: they
 * end a diagnostic line.
 */
import type { HostPlatform } from "./host.js";
import { SOFFICE_ENV, type Sandbox } from "./soffice-locate.js";

export interface Bilingual {
  readonly zh: string;
  readonly en: string;
}

const LIBREOFFICE: Readonly<Record<HostPlatform, Bilingual>> = {
  win32: {
    zh: `请从 https://zh-cn.libreoffice.org/download/ 下载安装（或 winget install TheDocumentFoundation.LibreOffice），默认装在 C:\\Program Files\\LibreOffice；装在别处时用 --soffice 或环境变量 ${SOFFICE_ENV} 指明 soffice.exe`,
    en: `install it from https://www.libreoffice.org/download/ (or winget install TheDocumentFoundation.LibreOffice); it goes to C:\\Program Files\\LibreOffice; elsewhere, name soffice.exe with --soffice or ${SOFFICE_ENV}`,
  },
  darwin: {
    zh: `请安装：brew install --cask libreoffice，或从 https://zh-cn.libreoffice.org/download/ 下载 .dmg 拖入“应用程序”；装在别处时用 --soffice 或环境变量 ${SOFFICE_ENV} 指明 soffice`,
    en: `install it: brew install --cask libreoffice, or the .dmg from https://www.libreoffice.org/download/ dragged to Applications; elsewhere, name soffice with --soffice or ${SOFFICE_ENV}`,
  },
  linux: {
    zh: `请安装：apt-get install libreoffice-writer-nogui（或 dnf install libreoffice-writer）；装在别处时用 --soffice 或环境变量 ${SOFFICE_ENV} 指明 soffice`,
    en: `install it: apt-get install libreoffice-writer-nogui (or dnf install libreoffice-writer); elsewhere, name soffice with --soffice or ${SOFFICE_ENV}`,
  },
};

const POPPLER: Readonly<Record<HostPlatform, Bilingual>> = {
  win32: {
    zh: "请安装 poppler（scoop install poppler，或从 https://github.com/oschwartz10612/poppler-windows/releases 解压），并把其中含 pdfinfo.exe 的 bin 文件夹加入 PATH",
    en: "install poppler (scoop install poppler, or unpack https://github.com/oschwartz10612/poppler-windows/releases) and put its bin folder, which holds pdfinfo.exe, on PATH",
  },
  darwin: { zh: "请安装：brew install poppler", en: "install it: brew install poppler" },
  linux: { zh: "请安装：apt-get install poppler-utils（或 dnf install poppler-utils）", en: "install it: apt-get install poppler-utils (or dnf install poppler-utils)" },
};

export const libreOfficeHint = (platform: HostPlatform): Bilingual => LIBREOFFICE[platform];
export const popplerHint = (platform: HostPlatform): Bilingual => POPPLER[platform];

/** A snap or flatpak LibreOffice has a /tmp of its own, where our work files are not. */
export function sandboxHint(sandbox: Sandbox): Bilingual {
  return {
    zh: `这是 ${sandbox} 版 LibreOffice，看不到系统临时文件夹 /tmp 中的文件：请设置 TMPDIR 为主文件夹中的非隐藏文件夹（如 export TMPDIR=~/gongwen-tmp），或改装发行版的 LibreOffice 软件包`,
    en: `this is the ${sandbox} LibreOffice, which cannot see files in the system's /tmp: set TMPDIR to a non-hidden folder in your home (e.g. export TMPDIR=~/gongwen-tmp), or install your distribution's LibreOffice package`,
  };
}
