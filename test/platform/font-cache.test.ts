import { existsSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FONT_PROFILES } from "../../src/layout/fonts.js";
import { missingFontNotice } from "../../src/platform/fonts/font-cache.js";
import { cacheDir } from "../../src/platform/user-cache.js";
import { installedFonts } from "../../src/platform/fonts/installed-fonts.js";
import { gongwen } from "../helpers/cli.js";
import { tempDir } from "../helpers/data.js";
import { ttc, ttf, WINDOWS_CHINESE_FONTS } from "./fake-fonts.js";
import { fakeMachine, WINDOWS_ENV } from "./fake-machine.js";

/** A font folder's modification time moved on, as installing a font into it does. */
function touch(folder: string, secondsLater: number): void {
  const then = statSync(folder).mtime.getTime() / 1000 + secondsLater;
  utimesSync(folder, then, then);
}

describe("cache folder per platform", () => {
  it("is where each platform keeps caches", () => {
    expect(cacheDir(fakeMachine("win32", WINDOWS_ENV).host)).toMatch(/Users[/\\]clerk[/\\]AppData[/\\]Local[/\\]gongwen[/\\]Cache$/u);
    expect(cacheDir(fakeMachine("darwin").host)).toMatch(/Users[/\\]clerk[/\\]Library[/\\]Caches[/\\]gongwen$/u);
    expect(cacheDir(fakeMachine("linux").host)).toMatch(/home[/\\]clerk[/\\]\.cache[/\\]gongwen$/u);
    expect(cacheDir(fakeMachine("linux", { XDG_CACHE_HOME: "<root>/xdg" }).host)).toMatch(/xdg[/\\]gongwen$/u);
  });
});

describe("render's notice of missing faces", () => {
  it("is given once, and again only after the fonts changed and faces are still missing", async () => {
    const mac = fakeMachine("darwin");
    mac.file("System/Library/Fonts/Supplemental/Songti.ttc", ttc({ en: "Songti SC", zh: "宋体-简" }));
    mac.file("System/Library/Fonts/Supplemental/Times New Roman.ttf", ttf({ en: "Times New Roman" }));
    const first = await missingFontNotice(mac.host, FONT_PROFILES.default);
    expect(first?.severity).toBe("warning");
    expect(first?.rule).toBe("font-missing");
    expect(first?.zh).toContain("方正小标宋简体、仿宋_GB2312、黑体、楷体_GB2312、宋体");
    expect(first?.en).toContain("shown once");
    expect(await missingFontNotice(mac.host, FONT_PROFILES.default)).toBeUndefined();
    // The other profile has not been told yet.
    expect((await missingFontNotice(mac.host, FONT_PROFILES.gbk))?.zh).toContain("方正仿宋_GBK");

    mac.file("Library/Fonts/simhei.ttf", WINDOWS_CHINESE_FONTS["simhei.ttf"]);
    touch(mac.at("Library/Fonts"), 10);
    const again = await missingFontNotice(mac.host, FONT_PROFILES.default);
    expect(again?.zh).toContain("方正小标宋简体、仿宋_GB2312、楷体_GB2312、宋体");
    expect(again?.zh).not.toContain("黑体");
  });

  it("says nothing when every face is installed", async () => {
    const pc = fakeMachine("win32", WINDOWS_ENV);
    for (const [name, bytes] of Object.entries(WINDOWS_CHINESE_FONTS)) pc.file(`Windows/Fonts/${name}`, bytes);
    pc.file("Windows/Fonts/FZXBSJW.TTF", ttf({ en: "FZXiaoBiaoSong-B05S", zh: "方正小标宋简体" }));
    pc.file("Windows/Fonts/SIMFANG_GB2312.TTF", ttf({ en: "FangSong_GB2312", zh: "仿宋_GB2312" }));
    pc.file("Windows/Fonts/SIMKAI_GB2312.TTF", ttf({ en: "KaiTi_GB2312", zh: "楷体_GB2312" }));
    expect(await missingFontNotice(pc.host, FONT_PROFILES.default)).toBeUndefined();
    expect(existsSync(join(cacheDir(pc.host), "font-notice.json"))).toBe(true);
  });

  it("reads a font file's names once: a rescan takes unchanged files from the cache", () => {
    const pc = fakeMachine("win32", WINDOWS_ENV);
    const file = pc.file("Windows/Fonts/simfang.ttf", ttf({ en: "FangSong", zh: "仿宋" }));
    // Whole seconds, so that the time is set back exactly below.
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(installedFonts(pc.host).find("仿宋")).toBeDefined();
    // Same size and time, other bytes: only a cache would still see 仿宋 in it.
    writeFileSync(file, Buffer.alloc(statSync(file).size));
    utimesSync(file, 1_700_000_000, 1_700_000_000);
    expect(installedFonts(pc.host).find("仿宋")?.file).toBe(file);
  });

  it("costs a few stat calls and one small read once it has been told", async () => {
    const pc = fakeMachine("win32", WINDOWS_ENV);
    for (const [name, bytes] of Object.entries(WINDOWS_CHINESE_FONTS)) pc.file(`Windows/Fonts/${name}`, bytes);
    await missingFontNotice(pc.host, FONT_PROFILES.default);
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const started = performance.now();
      expect(await missingFontNotice(pc.host, FONT_PROFILES.default)).toBeUndefined();
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    expect(times[100]).toBeLessThan(2);
  });
});

describe("through the CLI, on this machine", () => {
  it("render tells of missing faces once; -q never does", () => {
    const cache = tempDir();
    const out = tempDir();
    const env = { XDG_CACHE_HOME: cache };
    const quiet = gongwen(["render", "-q", "-o", join(out, "q.docx")], { env });
    expect(quiet.stderr).not.toContain("font-missing");
    expect(existsSync(join(cache, "gongwen", "font-notice.json"))).toBe(false);

    const first = gongwen(["render", "-o", join(out, "a.docx")], { env });
    const second = gongwen(["render", "-o", join(out, "b.docx")], { env });
    expect([first.status, second.status]).toEqual([0, 0]);
    // The bureau faces are not installed on a Linux build machine; previews use free stand-ins.
    expect(first.stderr).toMatch(/警告 warning {2}本机未安装文件所用的字体：.*方正小标宋简体.*\[font-missing\]/u);
    expect(second.stderr).not.toContain("font-missing");
  });
});
