import { execFileSync, spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { writeFileAtomic } from "../../src/output/atomic-write.js";
import { BIN, gongwen } from "../helpers/cli.js";
import { tempDir } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";
import { libreOfficeAvailable } from "../pdf/requires-libreoffice.js";
import { circularFolder } from "../batch/batch-data.js";
import { diagnosticsOfAsync } from "./hardening-helpers.js";
import { alive } from "../helpers/process.js";

/**
 * Faults around the renderer: where it writes, the disk, LibreOffice, being killed. Tests run as root
 * in CI, where chmod does not stop a write: an unwritable place is made by putting the output under a
 * regular file (ENOTDIR), a read-only or full tmpfs where mounting is allowed (root), and a failpoint
 * (GONGWEN_FAULT_WRITE=ENOSPC) that fails every write half way, in worker threads too.
 */

const isRoot = process.getuid?.() === 0;
const mounts: string[] = [];

/** A tmpfs of `size` mounted at a new folder, or undefined where mounting is not allowed. */
function tmpfs(options: string): string | undefined {
  if (!isRoot) return undefined;
  const dir = tempDir("gongwen-tmpfs-");
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", options, "tmpfs", dir], { stdio: "ignore" });
  } catch {
    return undefined;
  }
  mounts.push(dir);
  return dir;
}

/**
 * Whether this machine lets the tests mount a tmpfs (root, and mounting allowed). Where it does not,
 * the tmpfs cases are skipped and reported as skipped; on CI (process.env.CI) they run and fail, so
 * a CI machine that lost the ability cannot pass them silently.
 */
const canMount = (() => {
  const probe = tmpfs("size=64k");
  return probe !== undefined;
})();
const tmpfsCase = it.skipIf(!canMount && !process.env.CI);

/** The mounted tmpfs, or a failing assertion naming what the machine lacks. */
function mountedTmpfs(options: string): string {
  const dir = tmpfs(options);
  if (dir === undefined) throw new Error(`cannot mount a tmpfs here (root: ${isRoot}); the tmpfs cases need root and mount permission`);
  return dir;
}

afterAll(() => {
  for (const dir of mounts) {
    try {
      execFileSync("umount", [dir], { stdio: "ignore" });
    } catch {
      // already gone
    }
  }
});

const leftovers = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((name) => name.endsWith(".tmp") || name.endsWith(".docx")) : []);

function expectCompleteDocx(file: string): void {
  const parts = unzipSync(readFileSync(file));
  expect(Object.keys(parts), file).toContain("word/document.xml");
}

describe("an output place that cannot be written", () => {
  it("exits 73 with a clear message when the output is under a file (ENOTDIR), single and batch", () => {
    const file = join(tempDir(), "not-a-folder.txt");
    writeFileSync(file, "x");
    const single = gongwen(["render", SAMPLE, "-o", join(file, "out.docx")]);
    expect(single.status).toBe(73);
    expect(single.stderr).toMatch(/路径中有同名文件，不是文件夹，未生成文件 \/ could not write the file \((ENOTDIR|EEXIST)\)/);
    const batch = gongwen(["render", circularFolder(2), "-o", join(file, "out")]);
    expect(batch.status).toBe(73);
    expect(batch.stderr).toContain("无法使用输出文件夹");
  });

  it.skipIf(isRoot)("exits 73 for a read-only folder (chmod 0555; root ignores chmod, so this runs only as a user)", () => {
    const dir = tempDir();
    chmodSync(dir, 0o555);
    const result = gongwen(["render", SAMPLE, "-o", join(dir, "x.docx")]);
    expect(result.status).toBe(73);
    expect(result.stderr).toContain("没有写入权限");
  });

  tmpfsCase("exits 73 on a read-only file system (tmpfs mounted ro, where root may mount)", () => {
    const dir = mountedTmpfs("ro,size=1m");
    const result = gongwen(["render", SAMPLE, "-o", join(dir, "x.docx")]);
    expect(result.status).toBe(73);
    expect(result.stderr).toContain("目标位置只读");
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe("a full disk", () => {
  it("leaves no half file and no temporary file when a write fails (injected ENOSPC)", async () => {
    const dir = tempDir();
    process.env.GONGWEN_FAULT_WRITE = "ENOSPC";
    try {
      const diagnostics = await diagnosticsOfAsync(() => writeFileAtomic(join(dir, "a.docx"), new Uint8Array(10_000)));
      expect(diagnostics[0]?.zh).toBe("磁盘空间不足，未生成文件");
    } finally {
      delete process.env.GONGWEN_FAULT_WRITE;
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it("fails every document of a batch cleanly through the CLI, worker threads included (exit 1, nothing left)", () => {
    const out = join(tempDir(), "out");
    const result = gongwen(["render", circularFolder(4), "-o", out], { env: { GONGWEN_FAULT_WRITE: "ENOSPC" } });
    expect(result.status).toBe(1);
    expect(result.stderr.match(/磁盘空间不足，未生成文件/g)?.length).toBeGreaterThanOrEqual(4);
    expect(leftovers(out)).toEqual([]);
    const single = gongwen(["render", SAMPLE, "-o", join(out, "one.docx")], { env: { GONGWEN_FAULT_WRITE: "ENOSPC" } });
    expect(single.status).toBe(73);
    expect(leftovers(out)).toEqual([]);
  });

  tmpfsCase("writes what fits on a really full disk (a 256 KB tmpfs) and leaves only complete files", () => {
    const dir = mountedTmpfs("size=256k");
    const result = gongwen(["render", circularFolder(40), "-o", dir]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("磁盘空间不足");
    const written = readdirSync(dir);
    expect(written.length).toBeGreaterThan(0);
    expect(written.length).toBeLessThan(40);
    for (const name of written) {
      expect(name.endsWith(".docx"), name).toBe(true);
      expectCompleteDocx(join(dir, name));
    }
  });
});

describe("LibreOffice", () => {
  it("missing: a batch with --pdf still writes every .docx, warns, and exits 3", () => {
    const out = join(tempDir(), "out");
    const result = gongwen(["render", circularFolder(2), "-o", out, "--pdf"], { env: { PATH: "/nonexistent" } });
    expect(result.status).toBe(3);
    expect(readdirSync(out).sort()).toEqual(["青政务〔2022〕1号.docx", "青政务〔2022〕2号.docx"]);
    expect(result.stderr).toContain("未安装 LibreOffice");
  });

  /** A soffice that never finishes, and leaves a child of its own: both must be gone after the time limit. */
  function hangingSoffice(): { bin: string; pids: string } {
    const bin = tempDir("gongwen-fake-soffice-");
    const pids = join(bin, "pids");
    writeFileSync(join(bin, "soffice"), `#!/bin/sh\necho $$ >> "${pids}"\nsleep 600 &\necho $! >> "${pids}"\nwait\n`);
    chmodSync(join(bin, "soffice"), 0o755);
    return { bin, pids };
  }

  it("hanging: killed at the time limit with its children, exit 4 and a clear message, single and batch", async () => {
    for (const args of [[SAMPLE, "-o", join(tempDir(), "x.docx")], [circularFolder(2), "-o", join(tempDir(), "out")]]) {
      const { bin, pids } = hangingSoffice();
      const started = Date.now();
      const result = gongwen(["render", ...args, "--pdf", "--pdf-timeout", "1.5"], { env: { PATH: `${bin}:${process.env.PATH ?? ""}` } });
      expect(result.status, result.stderr).toBe(4);
      expect(Date.now() - started).toBeLessThan(30_000);
      expect(result.stderr).toContain("LibreOffice 转换 PDF 超时");
      const ids = readFileSync(pids, "utf8").trim().split("\n").map(Number);
      expect(ids.length).toBeGreaterThanOrEqual(2);
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const pid of ids) expect(alive(pid), `process ${pid} survived`).toBe(false);
    }
  });

  it.skipIf(!libreOfficeAvailable)("refuses a nonsense --pdf-timeout with a usage error", () => {
    const result = gongwen(["render", SAMPLE, "--pdf", "--pdf-timeout", "soon", "-o", join(tempDir(), "x.docx")]);
    expect(result.status).toBe(64);
  });
});

describe("killed in the middle of a batch", () => {
  it("leaves only complete .docx files (SIGKILL: no handler runs)", async () => {
    const data = circularFolder(300);
    const out = join(tempDir(), "out");
    mkdirSync(out);
    const child = spawn(process.execPath, [BIN, "render", data, "-o", out], { stdio: "ignore" });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    const deadline = Date.now() + 60_000;
    while (readdirSync(out).filter((name) => name.endsWith(".docx")).length < 15 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill("SIGKILL");
    await exited;
    const names = readdirSync(out);
    const docx = names.filter((name) => name.endsWith(".docx"));
    expect(docx.length).toBeGreaterThanOrEqual(15);
    expect(docx.length).toBeLessThan(300);
    for (const name of docx) expectCompleteDocx(join(out, name));
    // A write cut short stays a hidden temporary file (.<name>.<pid>.<random>.tmp), never a .docx.
    for (const name of names.filter((n) => !n.endsWith(".docx"))) expect(name).toMatch(/^\..*\.tmp$/);
  });
});

describe("interrupted with Ctrl-C in the middle of a batch", () => {
  it("stops, exits 130, and leaves only complete .docx files and no temporary file", async () => {
    const data = circularFolder(300);
    const out = join(tempDir(), "out");
    mkdirSync(out);
    const child = spawn(process.execPath, [BIN, "render", data, "-o", out], { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    const deadline = Date.now() + 60_000;
    while (readdirSync(out).filter((name) => name.endsWith(".docx")).length < 10 && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    child.kill("SIGINT");
    expect(await exited).toBe(130);
    expect(stderr).toContain("已中断");
    const names = readdirSync(out);
    expect(names.every((name) => name.endsWith(".docx"))).toBe(true);
    expect(names.length).toBeLessThan(300);
    for (const name of names) expectCompleteDocx(join(out, name));
  });
});
