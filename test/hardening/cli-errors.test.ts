import { existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { safeFileName } from "../../src/output/file-name.js";
import { gongwen } from "../helpers/cli.js";
import { sampleText, sampleWith, tempDir } from "../helpers/data.js";

/** Classes of the red-team pass: each refused with a message and its documented exit code, no stack trace. */
const STACK = /\n\s+at [^\n]*:\d+:\d+/u;
let dir: string;
beforeAll(() => {
  dir = tempDir("gongwen-cli-errors-");
});

describe("errors a user reads", () => {
  it("a Big5 data file is an encoding error, not mojibake with exit 0", () => {
    // 臺灣省政府 in Big5 (BB4F C657 ACD9 AC46 A9B2) as the value of an otherwise ASCII YAML file.
    const bytes = Buffer.concat([Buffer.from("kind: general\ntitle: ", "ascii"), Buffer.from([0xbb, 0x4f, 0xc6, 0x57, 0xac, 0xd9, 0xac, 0x46, 0xa9, 0xb2]), Buffer.from("\n")]);
    const file = join(dir, "big5.yaml");
    writeFileSync(file, bytes);
    const result = gongwen(["validate", file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/Big5.*\[encoding\]/u);
  });

  it("an unknown YAML tag is refused, not read as a string", () => {
    const file = join(dir, "tag.yaml");
    writeFileSync(file, sampleText().replace("\n  seal: manual\n", "\n  seal: !python/object manual\n"));
    const result = gongwen(["validate", file]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/未知的 YAML 标签.*Unresolved tag/u);
  });

  it("control characters in --author are refused (64) and no redline is written", () => {
    const old = join(dir, "old.yaml");
    const next = join(dir, "new.yaml");
    writeFileSync(old, sampleText());
    writeFileSync(next, sampleText().replace("考核内容", "考察内容"));
    const redline = join(dir, "r.docx");
    const result = gongwen(["diff", old, next, "--redline", redline, "--author", "审核\u0007人"]);
    expect(result.status).toBe(64);
    expect(result.stderr).toContain("U+0007");
    expect(existsSync(redline)).toBe(false);
  });

  it("cannot-write errors exit 73 without a stack trace", () => {
    const blocker = join(dir, "a-file");
    writeFileSync(blocker, "x");
    const result = gongwen(["render", "-o", join(blocker, "out.docx")]);
    expect(result.status).toBe(73);
    expect(result.stderr).not.toMatch(STACK);
    const schema = gongwen(["schema", "-o", join(blocker, "schema.json")]);
    expect(schema.status).toBe(73);
    expect(schema.stderr).not.toMatch(STACK);
  });

  it("output names are capped in UTF-8 bytes, so a long 机关代字 still makes a file", () => {
    const long = "青".repeat(120);
    expect(Buffer.byteLength(safeFileName(long))).toBeLessThanOrEqual(200);
    const file = join(dir, "long.yaml");
    writeFileSync(file, sampleWith([[["envelope", "docNumber", "code"], "青".repeat(90)]]));
    const out = join(dir, "long-out");
    const result = gongwen(["render", file, "-o", `${out}/`]);
    expect(result.status, result.stderr).toBe(0);
  });

  it("caps the messages printed, saying how many more there are", () => {
    const file = join(dir, "many.yaml");
    const unknown = Array.from({ length: 300 }, (_, k) => `  extra${k}: x`).join("\n");
    writeFileSync(file, sampleText().replace("envelope:\n", `envelope:\n${unknown}\n`));
    const result = gongwen(["validate", file]);
    expect(result.status).toBe(1);
    expect(result.stderr.match(/错误 error/gu)?.length).toBe(100);
    expect(result.stderr).toMatch(/还有 2\d\d 条消息未显示 \/ … and 2\d\d more/u);
  });
});
