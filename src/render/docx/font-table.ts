import type { FontProfile } from "../../layout/fonts.js";
import { escapeXml } from "./xml-writer.js";

/**
 * word/fontTable.xml: each face the document names, with the character set of Chinese text (GB2312,
 * charset 86) and the name of an installed face that stands in when it is missing (w:altName). Word
 * and WPS use them on a PC without, say, 仿宋_GB2312 (Windows since Vista ships it as 仿宋), so the
 * substitute is a 仿宋 face rather than whatever font comes first.
 */

interface FaceEntry {
  readonly altName?: string;
  readonly charset: string;
  readonly family: "roman" | "modern" | "swiss" | "script";
  readonly pitch: "variable" | "fixed";
}

/** Stand-ins by face: the renamed Windows faces for the GB2312 ones, the other 方正 cut for 方正 faces. */
const ALT_NAMES: Readonly<Record<string, string>> = {
  仿宋_GB2312: "仿宋",
  楷体_GB2312: "楷体",
  方正小标宋简体: "方正小标宋_GBK",
  方正小标宋_GBK: "方正小标宋简体",
  方正仿宋_GBK: "仿宋",
  方正楷体_GBK: "楷体",
  方正黑体_GBK: "黑体",
  黑体: "SimHei",
  宋体: "SimSun",
};

function entry(profile: FontProfile, name: string): FaceEntry {
  if (name === profile.latin) return { charset: "00", family: "roman", pitch: "variable" };
  const altName = ALT_NAMES[name];
  return { ...(altName ? { altName } : {}), charset: "86", family: name === profile.heiti ? "modern" : "roman", pitch: "variable" };
}

export function fontTableXml(profile: FontProfile): string {
  const names = [...new Set([profile.fangsong, profile.heiti, profile.kaiti, profile.xiaobiaosong, profile.songti, profile.latin])];
  const fonts = names
    .map((name) => {
      const face = entry(profile, name);
      return (
        `<w:font w:name="${escapeXml(name)}">` +
        (face.altName ? `<w:altName w:val="${escapeXml(face.altName)}"/>` : "") +
        `<w:charset w:val="${face.charset}"/><w:family w:val="${face.family}"/><w:pitch w:val="${face.pitch}"/></w:font>`
      );
    })
    .join("");
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}</w:fonts>`;
}
