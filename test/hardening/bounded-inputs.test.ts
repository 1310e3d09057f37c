import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { gongwen } from "../helpers/cli.js";
import { sampleText, sampleWith, tempDir } from "../helpers/data.js";
import { sealPng } from "../helpers/png.js";
import { checkPng } from "../../src/load/png-check.js";

/**
 * Every input is read as a regular file within a byte limit (src/limits.ts): a device or a FIFO is
 * refused at once (before: 24 GB of memory, or a hang), a damaged seal fails validation, and one bad
 * member of a batch leaves the rest rendered and summarised.
 */
const posix = process.platform !== "win32";
let dir: string;
beforeAll(() => {
  dir = tempDir("gongwen-bounded-");
});

describe.runIf(posix)("bounded reads of every input", () => {
  it("refuses /dev/zero and a FIFO as the data file (exit 66, no hang)", () => {
    const zero = gongwen(["validate", "/dev/zero"]);
    expect(zero.status).toBe(66);
    expect(zero.stderr).toMatch(/不是普通文件.*not a regular file.*\[read-not-regular\]/u);
    const fifo = join(dir, "pipe.yaml");
    execFileSync("mkfifo", [fifo]);
    const piped = gongwen(["render", fifo, "-o", join(dir, "pipe.docx")]);
    expect(piped.status).toBe(66);
    expect(piped.stderr).toContain("read-not-regular");
    expect(piped.stderr).not.toMatch(/\n\s+at /u);
  });

  it("refuses a data file over the limit while reading, and a missing one with 66", () => {
    const big = join(dir, "big.yaml");
    writeFileSync(big, `${sampleText()}\n#${"x".repeat(5 * 1024 * 1024)}\n`);
    const result = gongwen(["validate", big]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/文件过大.*limit is 4\.0 MB.*\[file-too-large\]/u);
    expect(gongwen(["validate", join(dir, "missing.yaml")]).status).toBe(66);
  });

  it("refuses a seal image that is a device, and a damaged PNG, at validate and render", () => {
    const sealed = (image: string) => sampleWith([[["envelope", "seal"], { image }]]);
    const zero = join(dir, "zero-seal.yaml");
    writeFileSync(zero, sealed("/dev/zero"));
    const device = gongwen(["validate", zero]);
    expect(device.status).not.toBe(0);
    expect(device.stderr).toMatch(/印章图片 \/dev\/zero：不是普通文件.*\[seal-image\]/u);

    const png = sealPng();
    // Right magic bytes, one byte of the image data flipped: the IDAT chunk's CRC no longer matches.
    const idat = Buffer.from(png).indexOf("IDAT");
    const broken = Uint8Array.from(png);
    broken[idat + 20] = broken[idat + 20]! ^ 0xff;
    expect(checkPng(png)).toBeUndefined();
    expect(checkPng(broken)?.[1]).toMatch(/CRC/u);
    writeFileSync(join(dir, "broken.png"), broken);
    writeFileSync(join(dir, "good.png"), png);
    const data = join(dir, "broken-seal.yaml");
    writeFileSync(data, sealed("broken.png"));
    const validate = gongwen(["validate", data]);
    expect(validate.status).toBe(1);
    expect(validate.stderr).toMatch(/PNG 数据块 IDAT 校验和（CRC）不符.*\[seal-image\]/u);
    const render = gongwen(["render", data, "-o", join(dir, "broken-seal.docx")]);
    expect(render.status).toBe(1);
    expect(existsSync(join(dir, "broken-seal.docx"))).toBe(false);
    const good = join(dir, "good-seal.yaml");
    writeFileSync(good, sealed("good.png"));
    expect(gongwen(["validate", good]).status).toBe(0);
  });

  it("refuses a template that is a device", () => {
    const templates = join(dir, "templates");
    mkdirSync(templates);
    symlinkSync("/dev/zero", join(templates, "body.hbs"));
    const result = gongwen(["render", "-t", templates, "-o", join(dir, "t.docx")]);
    expect(result.status).toBe(66);
    expect(result.stderr).toContain("read-not-regular");
  });

  it("a batch goes on past a member that is a device, and summarises", () => {
    const inputs = join(dir, "batch");
    mkdirSync(inputs);
    writeFileSync(join(inputs, "a.yaml"), sampleText());
    symlinkSync("/dev/zero", join(inputs, "b.yaml"));
    const out = join(dir, "batch-out");
    const result = gongwen(["render", inputs, "-o", out]);
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/b\.yaml.*not a regular file/u);
    expect(existsSync(join(out, "青政务〔2022〕3号.docx"))).toBe(true);
  });

  it("refuses -o naming the data file itself, which stays as it was", () => {
    const data = join(dir, "self.yaml");
    writeFileSync(data, sampleText());
    const result = gongwen(["render", data, "-o", data]);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain("[output-is-input]");
    expect(readFileSync(data, "utf8")).toBe(sampleText());
  });
});
