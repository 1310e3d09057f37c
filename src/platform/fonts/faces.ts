/**
 * What is known about each face a profile names: where a licensed copy comes from, and which faces
 * may stand in for it in previews on each platform. The licensed faces are named, never shipped.
 */
import { FONT_PROFILES, type FontProfile, type FontRole } from "../../layout/fonts.js";
import type { HostPlatform } from "../host.js";
import type { Bilingual } from "../install-hints.js";

export type FaceRole = FontRole | "latin";

export interface ProfileFace {
  readonly role: FaceRole;
  /** The family name written into the .docx. */
  readonly name: string;
}

const ROLES: readonly FaceRole[] = ["xiaobiaosong", "fangsong", "heiti", "kaiti", "songti", "latin"];

export const ROLE_NAMES: Readonly<Record<FaceRole, Bilingual>> = {
  xiaobiaosong: { zh: "小标宋（发文机关标志、标题）", en: "heavy Song (masthead, title)" },
  fangsong: { zh: "仿宋（正文）", en: "FangSong (body text)" },
  heiti: { zh: "黑体（一级标题）", en: "Hei (first-level headings)" },
  kaiti: { zh: "楷体（二级标题）", en: "Kai (second-level headings)" },
  songti: { zh: "宋体（页码）", en: "Song (page numbers)" },
  latin: { zh: "西文与数字", en: "Latin letters and digits" },
};

export function profileFaces(profile: FontProfile): ProfileFace[] {
  return ROLES.map((role) => ({ role, name: profile[role] }));
}

/** Every face any profile names, once: what a conversion may have to stand in for. */
export function allProfileFaces(): ProfileFace[] {
  const seen = new Map<string, ProfileFace>();
  for (const profile of Object.values(FONT_PROFILES)) for (const face of profileFaces(profile)) if (!seen.has(face.name)) seen.set(face.name, face);
  return [...seen.values()];
}

/**
 * Faces that may stand in, best first. Linux: what fonts/fonts.conf maps to (fontconfig itself is asked
 * there; this is the expected answer). Windows and macOS: faces those systems ship (Windows since Vista:
 * 仿宋 FangSong, 楷体 KaiTi, 黑体 SimHei, 宋体 SimSun; macOS: the Songti/Heiti/Kaiti SC families and the
 * ST faces), then free faces a user may have installed.
 */
const STAND_INS: Readonly<Record<FaceRole, Readonly<Record<HostPlatform, readonly string[]>>>> = {
  xiaobiaosong: {
    linux: ["Noto Serif CJK SC"],
    win32: ["Source Han Serif SC", "Noto Serif CJK SC", "Noto Serif SC", "SimSun"],
    darwin: ["Songti SC", "STSong", "Source Han Serif SC", "Noto Serif CJK SC"],
  },
  fangsong: {
    linux: ["FandolFang", "Noto Serif CJK SC"],
    win32: ["FangSong", "FandolFang", "Noto Serif CJK SC", "SimSun"],
    darwin: ["STFangsong", "FangSong", "FandolFang", "Songti SC"],
  },
  heiti: {
    linux: ["FandolHei", "Noto Sans CJK SC"],
    win32: ["SimHei", "Microsoft YaHei", "FandolHei", "Noto Sans CJK SC"],
    darwin: ["Heiti SC", "STHeiti", "PingFang SC", "FandolHei"],
  },
  kaiti: {
    linux: ["FandolKai", "Noto Serif CJK SC"],
    win32: ["KaiTi", "FandolKai", "Noto Serif CJK SC", "SimSun"],
    darwin: ["Kaiti SC", "STKaiti", "FandolKai", "Songti SC"],
  },
  songti: {
    linux: ["FandolSong", "Noto Serif CJK SC"],
    win32: ["SimSun", "NSimSun", "FandolSong", "Noto Serif CJK SC"],
    darwin: ["Songti SC", "STSong", "FandolSong", "Noto Serif CJK SC"],
  },
  latin: {
    linux: ["Liberation Serif"],
    win32: ["Liberation Serif"],
    darwin: ["Times", "Liberation Serif"],
  },
};

export const standIns = (role: FaceRole, platform: HostPlatform): readonly string[] => STAND_INS[role][platform];

const FOUNDER: Bilingual = {
  zh: "方正字库（北大方正）商业授权字体，见 https://www.foundertype.com；机关电脑一般由本单位统一安装",
  en: "a licensed Founder (方正) face, see https://www.foundertype.com; bureau PCs usually have it installed by the unit",
};
const ZHONGYI_GB2312: Bilingual = {
  zh: "中易字体，随早期 Windows 提供；Windows Vista 起改名为“仿宋”“楷体”（FangSong、KaiTi）。需要原名字体请向本单位信息化部门索取授权副本",
  en: "a Zhongyi face shipped with early Windows; since Vista Windows ships it renamed 仿宋/楷体 (FangSong, KaiTi). Ask your unit's IT for a licensed copy under the old name",
};
const WINDOWS_CHINESE: Bilingual = {
  zh: "随中文 Windows 提供（中易字体 SimHei、SimSun）；其他系统需另行取得授权",
  en: "ships with Windows (the Zhongyi faces SimHei, SimSun); other systems need a licence of their own",
};
const TIMES: Bilingual = {
  zh: "随 Windows 与 macOS 提供；Linux 上用字宽相同的 Liberation Serif（fonts-liberation2）",
  en: "ships with Windows and macOS; on Linux the metric-compatible Liberation Serif (fonts-liberation2) stands in",
};

/** Where a licensed copy of a face comes from. */
export function faceSource(face: ProfileFace): Bilingual {
  if (face.role === "latin") return TIMES;
  if (face.name.startsWith("方正")) return FOUNDER;
  if (face.name.endsWith("_GB2312")) return ZHONGYI_GB2312;
  return WINDOWS_CHINESE;
}
