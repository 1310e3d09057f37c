import { readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { insideOutDir } from "../../src/batch/task.js";
import { safeFileName } from "../../src/output/file-name.js";
import { renderFile } from "../../src/pipeline.js";
import { gongwen } from "../helpers/cli.js";
import { sampleWith, tempDir, writeTemp } from "../helpers/data.js";

/** 机关代字 a hostile or careless file could carry (the model refuses only spaces and brackets in it). */
const HOSTILE_CODES = ["../../etc/passwd", "..", "a/b", "C:\\Windows\\x", "a:b*c?d", "CON", "NUL", "COM1", "lpt9", ".hidden", "x|y<z>", "名\u0000字"];

describe("output names from the 发文字号", () => {
  it.each(["CON", "prn", "aux", "NUL", "COM1", "com9", "LPT1", "con.docx", "nul.txt"])("never makes the reserved Windows name %s", (name) => {
    expect(safeFileName(name)).toBe(`_${name.replace(/\./g, ".")}`);
  });

  it("replaces separators and characters Windows forbids, and strips leading dots", () => {
    expect(safeFileName("../../etc/passwd")).toBe("_.._etc_passwd");
    expect(safeFileName("a:b*c?d\"e<f>g|h\\i")).toBe("a_b_c_d_e_f_g_h_i");
    expect(safeFileName("...")).toBe("公文");
    expect(safeFileName("   ")).toBe("公文");
  });

  it("keeps every hostile 机关代字 that validates inside the output folder (single render)", async () => {
    for (const code of HOSTILE_CODES) {
      let result;
      try {
        result = await renderFile(writeTemp(sampleWith([[["envelope", "docNumber", "code"], code]])));
      } catch {
        continue; // refused by the model: fine
      }
      expect(result.suggestedFileName).not.toMatch(/[/\\:*?"<>|\u0000]/u);
      expect(result.suggestedFileName.startsWith(".")).toBe(false);
      const out = tempDir();
      expect(dirname(insideOutDir(out, result.suggestedFileName))).toBe(out);
    }
  });

  it("refuses a name that would leave the output folder, as a second lock", () => {
    expect(() => insideOutDir("/tmp/out", "../x.docx")).toThrow(/escapes/);
    expect(() => insideOutDir("/tmp/out", "a/b.docx")).toThrow(/escapes/);
    expect(insideOutDir("/tmp/out", "青政务〔2022〕3号.docx")).toBe("/tmp/out/青政务〔2022〕3号.docx");
  });

  it("writes nothing outside -o in a batch of hostile 发文字号, through the CLI", () => {
    const root = tempDir();
    const data = join(root, "data");
    const out = join(root, "out");
    const files = HOSTILE_CODES.map((code, i) => {
      const file = join(root, `h${i}.yaml`);
      writeFileSync(file, sampleWith([[["envelope", "docNumber", "code"], code], [["envelope", "docNumber", "serial"], i + 1]]));
      return file;
    });
    const result = gongwen(["render", ...files, "-o", out, "-q"]);
    expect([0, 1]).toContain(result.status);
    expect(result.stderr).not.toContain("internal error");
    // Only the inputs and the output folder exist at the top; nothing escaped.
    expect(readdirSync(root).sort()).toEqual([...files.map((f) => f.slice(root.length + 1)), "out"].sort());
    for (const name of readdirSync(out)) {
      expect(name.endsWith(".docx")).toBe(true);
      expect(name.startsWith(".")).toBe(false);
      expect(name).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)(\.|$)/iu);
    }
    expect(data).toBeDefined();
  });

  it("takes the title for nothing in the file name, however it is written", async () => {
    const result = await renderFile(writeTemp(sampleWith([[["envelope", "title"], "../../关于CON:*的通报"]])));
    expect(result.suggestedFileName).toBe("青政务〔2022〕3号.docx");
  });
});
