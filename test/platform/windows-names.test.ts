import { readFileSync } from "node:fs";
import { posix, win32 } from "node:path";
import { describe, expect, it } from "vitest";
import { insideOutDir } from "../../src/batch/task.js";
import { directlyInside, fileNameKey, safeFileName } from "../../src/output/file-name.js";
import { gongwen } from "../helpers/cli.js";
import { tempDir, writeTemp } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";

describe("names Windows reserves for devices", () => {
  it.each(["COM0", "lpt0", "COM¹", "LPT³", "CONIN$", "conout$", "CON .2022", "nul.tar.gz"])("never makes %s", (name) => {
    expect(safeFileName(name)).toBe(`_${name}`);
  });

  it("leaves names that only begin like a device alone", () => {
    expect(safeFileName("CONSOLE〔2022〕1号")).toBe("CONSOLE〔2022〕1号");
    expect(safeFileName("COM10")).toBe("COM10");
  });
});

describe("names that are one file on Windows and macOS", () => {
  it("differ only in case or Unicode form", () => {
    expect(fileNameKey("ABC〔2022〕1号.docx")).toBe(fileNameKey("abc〔2022〕1号.docx"));
    expect(fileNameKey("Cafe\u0301.docx")).toBe(fileNameKey("Café.docx"));
    expect(fileNameKey("青政务〔2022〕3号.docx")).not.toBe(fileNameKey("青政务〔2022〕4号.docx"));
  });

  it("keep a redline from overwriting a compared draft whose name differs only in case", () => {
    const draft = writeTemp(readFileSync(SAMPLE, "utf8"), "Draft.yaml");
    const result = gongwen(["diff", draft, draft, "--redline", draft.replace("Draft.yaml", "draft.yaml")]);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain("修订稿不能覆盖被比较的文件");
  });
});

describe("a name inside an output folder given with a drive letter and backslashes", () => {
  it("lands directly inside, the folder a drive's root or not", () => {
    expect(directlyInside("C:\\Users\\clerk\\公文\\输出", "青政务〔2022〕3号.docx", win32)).toBe("C:\\Users\\clerk\\公文\\输出\\青政务〔2022〕3号.docx");
    expect(directlyInside("E:\\", "青政务〔2022〕3号.docx", win32)).toBe("E:\\青政务〔2022〕3号.docx");
    expect(directlyInside("C:/Users/clerk/out/", "a.docx", win32)).toBe("C:\\Users\\clerk\\out\\a.docx");
    expect(directlyInside("/", "a.docx", posix)).toBe("/a.docx");
    expect(insideOutDir("/", "a.docx")).toBe("/a.docx");
  });

  it("never leaves it, by .., a separator of either kind, or another drive", () => {
    for (const name of ["..\\x.docx", "a\\b.docx", "D:x.docx", "\\\\server\\share\\x.docx", "", ".", ".."]) {
      expect(directlyInside("C:\\out", name, win32), name).toBeUndefined();
    }
    for (const name of ["../x.docx", "a/b.docx", ""]) expect(directlyInside("/srv/out", name, posix), name).toBeUndefined();
  });
});

describe("text output for git textconv", () => {
  it("ends lines with LF only, whatever the data file's line ends", () => {
    const crlf = writeTemp(readFileSync(SAMPLE, "utf8").replace(/\n/gu, "\r\n"));
    const fromData = gongwen(["text", crlf]);
    expect(fromData.status, fromData.stderr).toBe(0);
    expect(fromData.stdout).not.toContain("\r");
    expect(fromData.stdout.endsWith("\n")).toBe(true);

    const docx = `${tempDir()}/crlf.docx`;
    expect(gongwen(["render", crlf, "-q", "-o", docx]).status).toBe(0);
    const fromDocx = gongwen(["text", docx]);
    expect(fromDocx.stdout).not.toContain("\r");
    expect(fromDocx.stdout).toBe(fromData.stdout);
  });
});
