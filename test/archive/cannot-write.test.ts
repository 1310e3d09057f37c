import { spawn, spawnSync } from "node:child_process";
import { chmod, readdir, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readRegister } from "../../src/archive/register.js";
import { sampleWith } from "../helpers/data.js";
import { ROOT } from "../helpers/paths.js";
import { NEEDS_LIBREOFFICE, onCi, skipLibreOffice } from "../pdf/requires-libreoffice.js";
import { BIN, cloneEntry, copyArchive, mkdirTemp, runCli, sharedArchive, writeData, type Run } from "./fixture.js";

/**
 * An archive that cannot be written is the user's situation, not a bug: exit 73, Chinese first, naming the
 * path, no stack trace, and nothing half-written (no entry folder, no temp folder, the register as it was).
 * Read-only and full file systems are real ones: tmpfs mounted in a private mount namespace (unshare -m),
 * so nothing outside the test sees them. Where the machine cannot do that, the tests are skipped and say
 * so; on CI they must run.
 */

/** `unshare -m` as root, `unshare -rm` (a user namespace) otherwise; undefined if neither can mount. */
function mountPrefix(): string[] | undefined {
  const probe = spawnSync("mktemp", ["-d"], { encoding: "utf8" }).stdout.trim();
  if (!probe) return undefined;
  try {
    for (const prefix of [["unshare", "-m"], ["unshare", "-rm"]]) {
      const run = spawnSync(prefix[0] ?? "", [...prefix.slice(1), "sh", "-c", `mount -t tmpfs -o size=64k tmpfs "$1" && mount -o remount,ro "$1"`, "sh", probe], { encoding: "utf8" });
      if (run.status === 0) return prefix;
    }
    return undefined;
  } finally {
    spawnSync("rmdir", [probe]);
  }
}

const MOUNT = mountPrefix();
const NEEDS_MOUNT = "[needs unshare -m and tmpfs; skipped without them unless CI is set]";
const skipMount = MOUNT === undefined && !onCi;

const roots: string[] = [];
let shared = { root: "", entry: "" };

function noStackTrace(run: Run): void {
  expect(run.stderr).not.toMatch(/\n\s+at [^\n]+:\d+:\d+/);
  expect(run.stderr).not.toContain("内部错误");
}

/**
 * Runs a shell script in a private mount namespace with a fresh tmpfs at $1 holding a copy of the archive
 * at $2. The script's stdout is returned; it prints `KEY=value` lines for the test to read.
 */
function inNamespace(script: string, mount: string, archive: string, sizeKb: number): Promise<string> {
  const prefix = MOUNT ?? ["unshare", "-m"];
  const full = `mount -t tmpfs -o size=${sizeKb}k tmpfs "$1" && cp -a "$2"/. "$1"/ && ${script}`;
  return new Promise((resolve, reject) => {
    const child = spawn(prefix[0] ?? "", [...prefix.slice(1), "sh", "-c", full, "sh", mount, archive, process.execPath, BIN], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: "1", GONGWEN_ARCHIVE: "" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    child.stdout.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (out += chunk.toString()));
    child.on("error", reject);
    child.on("close", () => resolve(out));
  });
}

describe.skipIf(skipLibreOffice)(`issue onto an archive it cannot write: exit 73, nothing half-written ${NEEDS_LIBREOFFICE}`, () => {
  let data = "";
  beforeAll(async () => {
    shared = await sharedArchive();
    const scratch = await mkdirTemp("gongwen-archive-cannot-");
    roots.push(scratch, `${scratch}-data`);
    data = await writeData(scratch, sampleWith([[["envelope", "docNumber", "serial"], 4]]), "four.yaml");
  });
  afterAll(async () => {
    for (const root of roots) await rm(root, { recursive: true, force: true });
  });

  it("a 发文字号 too long for a file name (a 90-character 机关代字): exit 73 before any work, the archive untouched", async () => {
    const root = await copyArchive(shared.root);
    roots.push(root, `${root}-data`);
    const long = await writeData(root, sampleWith([[["envelope", "docNumber", "code"], "青".repeat(90)]]), "long.yaml");
    const register = await readRegister(root);
    const run = await runCli(["issue", long, "--archive", root]);
    expect(run.status, run.stderr).toBe(73);
    expect(run.stderr).toMatch(/^\S*青青青.*错误 error {2}发文字号过长，无法作为档案库中的文件夹和文件名（\d+ 字节，上限 255）/m);
    expect(run.stderr).toContain(join(root, "2022"));
    noStackTrace(run);
    expect(await readdir(join(root, "2022"))).toEqual(["青政务〔2022〕3号"]);
    expect((await readRegister(root))?.text).toBe(register?.text);
  });

  it("without write permission: exit 73 naming the folder", async () => {
    const root = await copyArchive(shared.root);
    roots.push(root);
    // Root may write anywhere: without CAP_DAC_OVERRIDE (setpriv) it meets the folder's mode like anyone.
    await chmod(root, 0o555);
    const asRoot = process.getuid?.() === 0;
    const run = await runCli(["issue", data, "--archive", root], asRoot ? { prefix: ["setpriv", "--bounding-set", "-dac_override,-dac_read_search", "--"] } : {});
    await chmod(root, 0o755);
    expect(run.status, run.stderr).toBe(73);
    expect(run.stderr).toContain("无法写入档案库：没有写入权限（EACCES）");
    expect(run.stderr).toContain(root);
    noStackTrace(run);
    expect(await readdir(join(root, "2022"))).toEqual(["青政务〔2022〕3号"]);
  });

  describe.skipIf(skipMount)(`read-only and full file systems ${NEEDS_MOUNT}`, () => {
    it("a read-only file system: exit 73 naming the path, nothing written", async () => {
      const mount = await mkdirTemp("gongwen-archive-ro-");
      roots.push(mount);
      const run = await inNamespaceWithData(`mount -o remount,ro "$1" && "$3" "$4" issue "$5" --archive "$1"; echo "ISSUE=$?"; ls -A "$1" "$1/2022"`, mount, 4096);
      expect(run).toContain("ISSUE=73");
      expect(run).toContain("无法写入档案库：档案库所在的文件系统是只读的（EROFS）");
      expect(run).toContain(mount);
      expect(run).not.toMatch(/\n\s+at [^\n]+:\d+:\d+/);
      expect(run).not.toContain("青政务〔2022〕4号");
    });

    it("a full file system: exit 73, no entry, no temp folder, the register unchanged, verify still passes", async () => {
      const mount = await mkdirTemp("gongwen-archive-full-");
      roots.push(mount);
      // Room for the archive as it is and little more: the new entry's PDF (~600 kB) cannot fit.
      const size = Math.ceil((await folderBytes(shared.root)) / 1024) + 256;
      const run = await inNamespaceWithData(
        `before=$(sha256sum "$1/register.jsonl"); "$3" "$4" issue "$5" --archive "$1"; echo "ISSUE=$?"; ` +
          `after=$(sha256sum "$1/register.jsonl"); [ "$before" = "$after" ] && echo REGISTER=same; ` +
          `echo "TMP=[$(ls -A "$1/.gongwen/tmp" 2>/dev/null)]"; ls -A "$1/2022"; "$3" "$4" archive verify --archive "$1"; echo "VERIFY=$?"`,
        mount,
        size,
      );
      expect(run).toContain("ISSUE=73");
      expect(run).toContain("无法写入档案库：磁盘空间不足（ENOSPC）");
      expect(run).not.toMatch(/\n\s+at [^\n]+:\d+:\d+/);
      expect(run).toContain("REGISTER=same");
      expect(run).toContain("TMP=[]");
      expect(run).not.toContain("青政务〔2022〕4号\n");
      expect(run).toContain("VERIFY=0");
    });
  });

  function inNamespaceWithData(script: string, mount: string, sizeKb: number): Promise<string> {
    return inNamespace(script.replaceAll('"$5"', `"${data}"`), mount, shared.root, sizeKb);
  }
});

async function folderBytes(dir: string): Promise<number> {
  let total = 0;
  for (const name of await readdir(dir, { recursive: true })) {
    const info = await stat(join(dir, name));
    total += info.isFile() ? info.size : 4096;
  }
  return total;
}

describe.skipIf(skipLibreOffice)(`one number, one folder: canonical forms and case ${NEEDS_LIBREOFFICE}`, () => {
  beforeAll(async () => {
    shared = await sharedArchive();
  });

  it("a 发文字号 with a compatibility ideograph (U+F900) is refused before any work; the standard form is named", async () => {
    const root = await copyArchive(shared.root);
    roots.push(root, `${root}-data`);
    const odd = await writeData(root, sampleWith([[["envelope", "docNumber", "code"], "\uF900政务"]]), "odd.yaml");
    const run = await runCli(["issue", odd, "--archive", root]);
    expect(run.status, run.stderr).toBe(1);
    expect(run.stderr).toContain("envelope.docNumber");
    expect(run.stderr).toContain("发文字号含兼容汉字或部首（\uF900 U+F900）");
    expect(run.stderr).toContain("\u8C48政务〔2022〕3号");
    expect(await readdir(join(root, "2022"))).toEqual(["青政务〔2022〕3号"]);
  });

  it("a number differing from an archived one only by case is refused (exit 5); two such folders are reported by verify", async () => {
    const root = await copyArchive(shared.root);
    roots.push(root, `${root}-data`);
    await cloneEntry(shared.entry, root, { code: "青政务A", serial: 7, itemNumber: 2 });
    const lower = await writeData(root, sampleWith([[["envelope", "docNumber", "code"], "青政务a"], [["envelope", "docNumber", "serial"], 7]]), "lower.yaml");
    const run = await runCli(["issue", lower, "--archive", root]);
    expect(run.status, run.stderr).toBe(5);
    expect(run.stderr).toContain("青政务a〔2022〕7号 与已归档的 青政务A〔2022〕7号 只差大小写或字形的等价写法");
    expect(await readdir(join(root, "2022"))).toHaveLength(2);

    await cloneEntry(shared.entry, root, { code: "青政务a", serial: 7, itemNumber: 3 });
    const { verifyArchive } = await import("../../src/archive/verify.js");
    const problems = (await verifyArchive(root)).problems;
    expect(problems.map((p) => p.rule)).toEqual(["archive-collision"]);
    expect(problems[0]?.zh).toContain("同一发文字号有 2 个文件夹");
  });
});
