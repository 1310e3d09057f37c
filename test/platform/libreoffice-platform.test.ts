import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { convertToPdf, findSoffice } from "../../src/pdf/libreoffice.js";
import { pdfFonts } from "../../src/pdf/poppler.js";
import { currentHost, type Host } from "../../src/platform/host.js";
import { longPathWarning, tooLongForWindows } from "../../src/platform/long-paths.js";
import { killTree, taskkillCommand, treeSpawnOptions } from "../../src/platform/process-tree.js";
import { gongwen } from "../helpers/cli.js";
import { tempDir } from "../helpers/data.js";
import { replacementRegistry } from "../../src/pdf/font-replacements.js";
import { NEEDS_LIBREOFFICE, skipLibreOffice } from "../pdf/requires-libreoffice.js";
import { writeSampleDocx } from "../pdf/sample-docx.js";
import { fakeMachine, WINDOWS_ENV } from "./fake-machine.js";

const alive = (pid: number) => existsSync(`/proc/${pid}`) && !readFileSync(`/proc/${pid}/stat`, "utf8").includes(") Z ");

describe("ending a process tree", () => {
  it("ends a POSIX process group: the program and what it started", async () => {
    const host = currentHost();
    const child = spawn("sh", ["-c", "sleep 300 & echo $!; wait"], { ...treeSpawnOptions(host), stdio: ["ignore", "pipe", "ignore"] });
    const grandchild = Number(await new Promise<string>((resolve) => child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString()))));
    expect(alive(grandchild)).toBe(true);
    killTree(host, child.pid);
    await new Promise((resolve) => child.once("close", resolve));
    for (let i = 0; i < 50 && alive(grandchild); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(alive(grandchild)).toBe(false);
  });

  it("ends a Windows tree with taskkill /T /F, by the full path of Windows' own taskkill", () => {
    const pc = fakeMachine("win32", WINDOWS_ENV);
    expect(taskkillCommand(pc.host, 4242)).toEqual({ command: pc.at("Windows", "System32", "taskkill.exe"), args: ["/T", "/F", "/PID", "4242"] });
    // No process group on Windows, and `detached` would open a console window there.
    expect(treeSpawnOptions(pc.host)).toEqual({ detached: false, windowsHide: true });
  });
});

describe("paths LibreOffice on Windows cannot take", () => {
  it("are the ones of 260 characters or more, on Windows only; render warns of them", () => {
    const long = `C:\\Users\\clerk\\Documents\\${"公文".repeat(120)}\\x.docx`;
    expect(tooLongForWindows(fakeMachine("win32").host, ["C:\\out\\a.docx", long])).toBe(true);
    expect(tooLongForWindows(fakeMachine("win32").host, ["C:\\out\\a.docx"])).toBe(false);
    expect(tooLongForWindows(fakeMachine("linux").host, [long])).toBe(false);
    expect(longPathWarning(fakeMachine("win32").host, long)).toMatchObject({ severity: "warning", rule: "long-path" });
    expect(longPathWarning(fakeMachine("win32").host, long)?.zh).toContain("超过 Windows 的 260 字符限制");
    expect(longPathWarning(fakeMachine("darwin").host, long)).toBeUndefined();
  });
});

describe("the font replacement table", () => {
  it("is LibreOffice registry XML, names escaped", () => {
    const xml = replacementRegistry([{ name: "仿宋_GB2312", standIn: "FangSong" }, { name: "A&B <x>", standIn: "SimSun" }]);
    expect(xml).toContain('<item oor:path="/org.openoffice.Office.Common/Font/Substitution"><prop oor:name="Replacement" oor:op="fuse"><value>true</value>');
    expect(xml).toContain("<value>仿宋_GB2312</value></prop><prop oor:name=\"SubstituteFont\" oor:op=\"fuse\"><value>FangSong</value>");
    expect(xml).toContain("<value>A&amp;B &lt;x&gt;</value>");
  });
});

describe.skipIf(skipLibreOffice)(`with the real LibreOffice ${NEEDS_LIBREOFFICE}`, () => {
  it("uses the stand-in the replacement table names (how Windows and macOS previews get theirs)", async () => {
    const dir = tempDir();
    const docx = join(dir, "sample.docx");
    await writeSampleDocx(docx);
    const [plain] = await convertToPdf([docx], join(dir, "plain"));
    const [replaced] = await convertToPdf([docx], join(dir, "replaced"), { fontReplacements: [{ name: "楷体_GB2312", standIn: "FandolSong" }] });
    const names = async (pdf: string) => (await pdfFonts(pdf)).map((font) => font.name.replace(/^[A-Z]{6}\+/u, ""));
    expect(await names(plain!.pdf)).toContain("FandolKai-Regular");
    expect(await names(replaced!.pdf)).not.toContain("FandolKai-Regular");
    expect(await names(replaced!.pdf)).toContain("FandolSong-Regular");
  });

  it("converts through short names when a Windows path would be too long, and puts the PDF where it belongs", async () => {
    const deep = join(tempDir(), ...Array.from({ length: 9 }, (_, i) => `${i}-各级机关公文处理工作规范化建设情况通报材料汇编`));
    mkdirSync(deep, { recursive: true });
    const docx = join(deep, `${"青政务〔2022〕3号".repeat(4)}.docx`);
    await writeSampleDocx(docx);
    expect(docx.length).toBeGreaterThan(260);
    // This machine's LibreOffice, run the way a Windows machine would run it.
    const windowsLike: Host = { ...currentHost(), platform: "win32" };
    const [result] = await convertToPdf([docx], deep, { host: windowsLike, sofficePath: findSoffice(), fontReplacements: [] });
    expect(result).toEqual({ input: docx, pdf: docx.replace(/\.docx$/u, ".pdf"), pages: 1 });
    expect(existsSync(result!.pdf)).toBe(true);
  });

  it("refuses two PDFs whose names differ only in case (one file on Windows and macOS)", async () => {
    const dir = tempDir();
    const a = join(dir, "a", "ABC〔2022〕1号.docx");
    const b = join(dir, "b", "abc〔2022〕1号.docx");
    mkdirSync(join(dir, "a"));
    mkdirSync(join(dir, "b"));
    await Promise.all([writeSampleDocx(a), writeSampleDocx(b)]);
    await expect(convertToPdf([a, b], join(dir, "out"))).rejects.toMatchObject({ exitCode: 4 });
  });
});

describe.skipIf(skipLibreOffice)(`gongwen doctor and --soffice on this machine ${NEEDS_LIBREOFFICE}`, () => {
  it("doctor lists each profile face with what fontconfig resolves it to, and exits 0", () => {
    const result = gongwen(["doctor"]);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^LibreOffice +正常 ok +\d+\.\d+\.\d+\.\d+ +\S*soffice（PATH）$/mu);
    expect(result.stdout).toMatch(/^poppler +正常 ok +\d+\.\d+/mu);
    for (const [face, standIn] of [["方正小标宋简体", "Noto Serif CJK SC Bold"], ["仿宋_GB2312", "FandolFang"], ["黑体", "FandolHei"], ["楷体_GB2312", "FandolKai"], ["宋体", "FandolSong"], ["Times New Roman", "Liberation Serif"]]) {
      expect(result.stdout).toMatch(new RegExp(`^  ${face} +代替 substituted[^\\n]*\\n[^\\n]*previews and PDFs use: ${standIn}（/`, "mu"));
    }
    expect(result.stdout).toContain("结论 / result：具备 render --pdf 所需的一切（退出码 0）");
  });

  it("doctor --json is the same report for scripts; -f gbk checks the _GBK faces", () => {
    const report = JSON.parse(gongwen(["doctor", "--json", "-f", "gbk"]).stdout) as { ready: boolean; profile: string; fonts: { faces: Array<{ name: string; status: string }> } };
    expect(report.ready).toBe(true);
    expect(report.profile).toBe("gbk");
    expect(report.fonts.faces.map((face) => face.name)).toEqual(["方正小标宋_GBK", "方正仿宋_GBK", "方正黑体_GBK", "方正楷体_GBK", "宋体", "Times New Roman"]);
  });

  it("doctor exits 3 and says how to install when LibreOffice and poppler are not found", () => {
    const result = gongwen(["doctor"], { env: { PATH: "/nonexistent" } });
    expect(result.status).toBe(3);
    expect(result.stdout).toMatch(/^LibreOffice +缺少 missing +未找到/mu);
    expect(result.stdout).toContain("apt-get install libreoffice-writer-nogui");
    expect(result.stdout).toContain("apt-get install poppler-utils");
  });

  it("render --pdf takes --soffice after the command name, and says which path was wrong", () => {
    const out = tempDir();
    const wrong = gongwen(["render", "-q", "-o", join(out, "a.docx"), "--pdf", "--soffice", "/nonexistent/soffice"]);
    expect(wrong.status).toBe(3);
    expect(wrong.stderr).toContain("--soffice 或环境变量 GONGWEN_SOFFICE 指定的 LibreOffice（/nonexistent/soffice）");
    expect(existsSync(join(out, "a.docx"))).toBe(true);

    const right = gongwen(["--soffice", findSoffice()!, "render", "-q", "-o", join(out, "b.docx"), "--pdf"]);
    expect(right.status, right.stderr).toBe(0);
    expect(existsSync(join(out, "b.pdf"))).toBe(true);
  });
});
