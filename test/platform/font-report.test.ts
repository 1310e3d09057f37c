import { copyFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FONT_PROFILES, type FontProfile } from "../../src/layout/fonts.js";
import { FONTS_CONF } from "../../src/pdf/libreoffice.js";
import { checkFonts, previewReplacements, type FaceReport } from "../../src/platform/fonts/font-report.js";
import { currentHost } from "../../src/platform/host.js";
import { onCi } from "../pdf/requires-libreoffice.js";
import { ttc, ttf, WINDOWS_CHINESE_FONTS } from "./fake-fonts.js";
import { fakeMachine, WINDOWS_ENV } from "./fake-machine.js";

const FANDOL = "/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol";
const hasFandol = existsSync(join(FANDOL, "FandolKai-Regular.otf"));
const hasFontconfig = existsSync("/usr/bin/fc-match");

/** name → [status, the face previews use] */
const summary = (faces: readonly FaceReport[]) => Object.fromEntries(faces.map((face) => [face.name, [face.status, face.preview?.family]]));

function windowsPc() {
  const pc = fakeMachine("win32", WINDOWS_ENV);
  for (const [name, bytes] of Object.entries(WINDOWS_CHINESE_FONTS)) pc.file(`Windows/Fonts/${name}`, bytes);
  return pc;
}

describe("fonts on Windows: the system and the per-user Fonts folders", () => {
  it("finds 黑体 and 宋体 by their Chinese names, and stands in for the faces Windows does not ship", () => {
    const check = checkFonts(windowsPc().host, FONT_PROFILES.default);
    expect(check.method).toBe("folders");
    expect(summary(check.faces)).toEqual({
      方正小标宋简体: ["substituted", "SimSun"],
      仿宋_GB2312: ["substituted", "FangSong"],
      黑体: ["installed", "黑体"],
      楷体_GB2312: ["substituted", "KaiTi"],
      宋体: ["installed", "宋体"],
      "Times New Roman": ["installed", "Times New Roman"],
    });
    const fangsong = check.faces.find((face) => face.role === "fangsong");
    expect(fangsong?.source.zh).toContain("Windows Vista 起改名为“仿宋”");
    expect(check.faces[0]?.source.en).toContain("foundertype.com");
  });

  it("sees fonts a user installed without administrator rights", () => {
    const pc = windowsPc();
    const own = pc.file("Users/clerk/AppData/Local/Microsoft/Windows/Fonts/FZXBSJW.TTF", ttf({ en: "FZXiaoBiaoSong-B05S", zh: "方正小标宋简体" }));
    pc.file("Users/clerk/AppData/Local/Microsoft/Windows/Fonts/仿宋_GB2312.ttf", ttf({ en: "FangSong_GB2312", zh: "仿宋_GB2312" }));
    const faces = checkFonts(pc.host, FONT_PROFILES.default).faces;
    expect(faces.filter((face) => face.status !== "installed").map((face) => face.name)).toEqual(["楷体_GB2312"]);
    expect(faces[0]?.file).toBe(own);
  });

  it.runIf(hasFandol)("reads a real OpenType face in the user's folder as a stand-in", () => {
    const pc = fakeMachine("win32", WINDOWS_ENV);
    pc.file("Users/clerk/AppData/Local/Microsoft/Windows/Fonts/.keep");
    copyFileSync(join(FANDOL, "FandolKai-Regular.otf"), pc.at("Users/clerk/AppData/Local/Microsoft/Windows/Fonts/FandolKai-Regular.otf"));
    const kaiti = checkFonts(pc.host, FONT_PROFILES.gbk).faces.find((face) => face.role === "kaiti");
    expect([kaiti?.name, kaiti?.status, kaiti?.preview?.family]).toEqual(["方正楷体_GBK", "substituted", "FandolKai"]);
  });

  it("reports every face missing on a machine without Chinese fonts", () => {
    const pc = fakeMachine("win32", WINDOWS_ENV);
    pc.file("Windows/Fonts/arial.ttf", ttf({ en: "Arial" }));
    expect(new Set(checkFonts(pc.host, FONT_PROFILES.default).faces.map((face) => face.status))).toEqual(new Set(["missing"]));
  });

  it("gives LibreOffice a replacement for each face missing under either profile, never for an installed one", () => {
    expect(previewReplacements(windowsPc().host)).toEqual([
      { name: "方正小标宋简体", standIn: "SimSun" },
      { name: "仿宋_GB2312", standIn: "FangSong" },
      { name: "楷体_GB2312", standIn: "KaiTi" },
      { name: "方正小标宋_GBK", standIn: "SimSun" },
      { name: "方正仿宋_GBK", standIn: "FangSong" },
      { name: "方正黑体_GBK", standIn: "SimHei" },
      { name: "方正楷体_GBK", standIn: "KaiTi" },
    ]);
  });
});

describe("fonts on macOS: /System/Library/Fonts, /Library/Fonts, ~/Library/Fonts", () => {
  it("stands in with the Songti/Heiti families and sees a face in the user's folder", () => {
    const mac = fakeMachine("darwin");
    mac.file("System/Library/Fonts/Supplemental/Songti.ttc", ttc({ en: "Songti SC", zh: "宋体-简" }, { en: "STSong", zh: "华文宋体" }));
    mac.file("System/Library/Fonts/STHeiti Light.ttc", ttc({ en: "Heiti SC", zh: "黑体-简" }, { en: "STHeiti", zh: "华文黑体" }));
    mac.file("System/Library/Fonts/Supplemental/Times New Roman.ttf", ttf({ en: "Times New Roman" }));
    mac.file("Users/clerk/Library/Fonts/方正小标宋简体.ttf", ttf({ en: "FZXiaoBiaoSong-B05S", zh: "方正小标宋简体" }));
    expect(summary(checkFonts(mac.host, FONT_PROFILES.default).faces)).toEqual({
      方正小标宋简体: ["installed", "方正小标宋简体"],
      仿宋_GB2312: ["substituted", "Songti SC"],
      黑体: ["substituted", "Heiti SC"],
      楷体_GB2312: ["substituted", "Songti SC"],
      宋体: ["substituted", "Songti SC"],
      "Times New Roman": ["installed", "Times New Roman"],
    });
  });
});

describe("fonts on Linux", () => {
  it("reads the font folders when there is no fontconfig", () => {
    const box = fakeMachine("linux", { PATH: "" });
    box.file("usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", ttc({ en: "Noto Serif CJK SC" }, { en: "Noto Serif CJK JP" }));
    const check = checkFonts(box.host, FONT_PROFILES.default);
    expect(check.method).toBe("folders");
    expect(summary(check.faces)["仿宋_GB2312"]).toEqual(["substituted", "Noto Serif CJK SC"]);
    expect(summary(check.faces)["黑体"]).toEqual(["missing", undefined]);
  });

  // The real thing: this machine's fontconfig, with the project's fonts.conf as previews get it.
  describe.runIf((hasFontconfig && hasFandol) || onCi)("through fontconfig and fonts/fonts.conf", () => {
    it("names the free face each profile face resolves to", () => {
      const check = checkFonts(currentHost(), FONT_PROFILES.default, { previewConfig: FONTS_CONF });
      expect(check.method).toBe("fontconfig");
      expect(check.places).toEqual([FONTS_CONF]);
      expect(summary(check.faces)).toEqual({
        方正小标宋简体: ["substituted", "Noto Serif CJK SC"],
        仿宋_GB2312: ["substituted", "FandolFang"],
        黑体: ["substituted", "FandolHei"],
        楷体_GB2312: ["substituted", "FandolKai"],
        宋体: ["substituted", "FandolSong"],
        "Times New Roman": ["substituted", "Liberation Serif"],
      });
      // 小标宋 is a heavy Song: fonts.conf asks for the bold weight.
      expect(check.faces[0]?.preview?.style).toBe("Bold");
      for (const face of check.faces) expect(existsSync(face.preview?.file ?? ""), face.name).toBe(true);
    });

    it("resolves the _GBK names the same way", () => {
      const faces = checkFonts(currentHost(), FONT_PROFILES.gbk, { previewConfig: FONTS_CONF }).faces;
      expect(faces.map((face) => face.preview?.family)).toEqual(["Noto Serif CJK SC", "FandolFang", "FandolHei", "FandolKai", "FandolSong", "Liberation Serif"]);
    });

    it("calls a face missing when fontconfig can only offer one without Chinese glyphs", () => {
      const profile: FontProfile = { ...FONT_PROFILES.default, name: "test", kaiti: "不存在的楷体 NoSuchKai" };
      const kaiti = checkFonts(currentHost(), profile, { previewConfig: FONTS_CONF }).faces.find((face) => face.role === "kaiti");
      expect(kaiti?.status).toBe("missing");
      expect(kaiti?.preview).toBeUndefined();
    });
  });
});
