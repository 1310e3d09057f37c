import { existsSync } from "node:fs";
import { readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { lockPath, tempRoot } from "../../src/archive/layout.js";
import { readRegister } from "../../src/archive/register.js";
import { issue } from "../../src/archive/store.js";
import { verifyArchive } from "../../src/archive/verify.js";
import { InjectedFault, type FaultPoint } from "../../src/archive/fault.js";
import { sampleWith } from "../helpers/data.js";
import { ROOT, SAMPLE } from "../helpers/paths.js";
import { NEEDS_LIBREOFFICE, skipLibreOffice } from "../pdf/requires-libreoffice.js";
import { mkdirTemp, readMetadata, runCli, SAMPLE_NUMBER, writeConfig, writeData, type Run } from "./fixture.js";

/**
 * Crashes and races, with real processes: a kill at any moment leaves either no entry or a complete one,
 * and two processes issuing one number at once leave exactly one entry.
 */

const ENTRY = (root: string) => join(root, "2022", SAMPLE_NUMBER);
const roots: string[] = [];

async function freshRoot(): Promise<string> {
  const root = await mkdirTemp("gongwen-archive-crash-");
  roots.push(root);
  await writeConfig(root);
  return root;
}

async function tempFolders(root: string): Promise<string[]> {
  return readdir(tempRoot(root)).catch(() => []);
}

/** What a reader of the archive sees: no folder at all, or a verified complete entry. */
async function noEntryOrComplete(root: string): Promise<"none" | "complete"> {
  if (!existsSync(ENTRY(root))) return "none";
  const report = await verifyArchive(root);
  expect(report.problems).toEqual([]);
  return "complete";
}

beforeAll(() => {
  if (!existsSync(join(ROOT, "dist", "cli.js"))) throw new Error("dist/ is missing: run `npm run build` (npm test does it)");
});
afterAll(async () => {
  for (const root of roots) for (const dir of [root, `${root}-data`]) await rm(dir, { recursive: true, force: true });
});

describe.skipIf(skipLibreOffice)(`a failure or kill in the middle ${NEEDS_LIBREOFFICE}`, () => {
  it("an error just before the rename leaves no entry, no temp folder and no lock", async () => {
    const root = await freshRoot();
    process.env.GONGWEN_FAULT = "before-rename";
    try {
      const error = await issue(SAMPLE, { root }).then(() => undefined, (reason: unknown) => reason);
      expect(error).toBeInstanceOf(InjectedFault);
    } finally {
      delete process.env.GONGWEN_FAULT;
    }
    expect(await noEntryOrComplete(root)).toBe("none");
    expect(await tempFolders(root)).toEqual([]);
    expect(existsSync(lockPath(root))).toBe(false);
  });

  it.each([
    ["after-files", "none"],
    ["before-rename", "none"],
    ["after-rename", "complete"],
  ] as const)("SIGKILL at %s: entry %s", async (point: FaultPoint, expected) => {
    const root = await freshRoot();
    const killed = await runCli(["issue", SAMPLE, "--archive", root], { env: { GONGWEN_FAULT: `kill:${point}` } });
    expect(killed.signal).toBe("SIGKILL");
    expect(await noEntryOrComplete(root)).toBe(expected);
    // Nothing runs after SIGKILL: the temp folder stays (no entry, only a warning for verify) ...
    expect((await tempFolders(root)).length).toBe(expected === "none" ? 1 : 0);
    // ... and, killed inside the commit, so does the lock.
    expect(existsSync(lockPath(root))).toBe(point === "before-rename" || point === "after-rename");
    const list = await runCli(["archive", "list", "--archive", root]);
    expect(list.status).toBe(0);
    expect(list.stdout).toContain(expected === "none" ? "没有符合条件的已归档公文" : SAMPLE_NUMBER);
    const verify = await runCli(["archive", "verify", "--archive", root]);
    expect(verify.status, verify.stderr).toBe(0);
    if (expected === "none") expect(verify.stderr).toContain("archive-temp-leftover");

    if (point !== "before-rename" && point !== "after-rename") return;
    // The next issue removes what the dead run left (its temp folder, its lock) and completes.
    const again = await runCli(["issue", SAMPLE, "--archive", root]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain(expected === "none" ? "已归档 / archived" : "未改动 / unchanged");
    expect(again.stdout).toContain(`已清理中断的签发留下的临时文件夹或锁 ${expected === "none" ? 2 : 1} 项`);
    expect(await noEntryOrComplete(root)).toBe("complete");
    expect(await tempFolders(root)).toEqual([]);
    expect(existsSync(lockPath(root))).toBe(false);
  });

  it("SIGKILL between the register line and the rename: registered, pending (a warning), completed by the next issue", async () => {
    const root = await freshRoot();
    const killed = await runCli(["issue", SAMPLE, "--archive", root], { env: { GONGWEN_FAULT: "kill:after-register" } });
    expect(killed.signal).toBe("SIGKILL");
    expect(existsSync(ENTRY(root))).toBe(false);
    const register = await readRegister(root);
    expect(register?.versions.map((v) => v.docNumber)).toEqual([SAMPLE_NUMBER]);
    // Not a loss: the sealed entry waits in the temp folder; verify says so without failing.
    const verify = await runCli(["archive", "verify", "--archive", root]);
    expect(verify.status, verify.stderr).toBe(0);
    expect(verify.stderr).toContain("archive-pending");
    const list = await runCli(["archive", "list", "--archive", root]);
    expect(list.status, list.stderr).toBe(0);
    // The next issue puts it in place first, then finds the same content there.
    const again = await runCli(["issue", SAMPLE, "--archive", root]);
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain("未改动 / unchanged");
    expect(again.stdout).toContain(`已完成被中断的签发（已登记的条目放入原位）/ completed an interrupted issue (the registered entry put in place): ${ENTRY(root)}`);
    expect(await noEntryOrComplete(root)).toBe("complete");
    expect((await readRegister(root))?.text).toBe(register?.text);
    expect(await tempFolders(root)).toEqual([]);
    expect(existsSync(lockPath(root))).toBe(false);
  });

  it("a real SIGKILL from outside while LibreOffice converts leaves no entry", async () => {
    const root = await freshRoot();
    let pid = 0;
    const run = runCli(["issue", SAMPLE, "--archive", root], { onSpawn: (p) => (pid = p) });
    // The temp folder appears before rendering starts; LibreOffice then takes over a second.
    const deadline = Date.now() + 30_000;
    while ((await tempFolders(root)).length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 400));
    process.kill(pid, "SIGKILL");
    const killed = await run;
    expect(killed.signal).toBe("SIGKILL");
    expect(await noEntryOrComplete(root)).toBe("none");
    const report = await verifyArchive(root);
    expect(report.problems).toEqual([]);
    // A fresh archive (archive.json only) with no entry yet: said, not an error.
    expect(report.warnings.map((w) => w.rule)).toEqual(["archive-no-entries", "archive-temp-leftover"]);
  });
});

describe.skipIf(skipLibreOffice)(`two processes issue one number at the same moment ${NEEDS_LIBREOFFICE}`, () => {
  const both = (root: string, files: [string, string]) => Promise.all(files.map((file) => runCli(["issue", file, "--archive", root])));
  const created = (runs: Run[]) => runs.filter((r) => r.stdout.includes("已归档 / archived"));

  it("identical content: one creates the entry, the other reports it unchanged (both exit 0)", async () => {
    const root = await freshRoot();
    const runs = await both(root, [SAMPLE, SAMPLE]);
    expect(runs.map((r) => r.status)).toEqual([0, 0]);
    expect(created(runs)).toHaveLength(1);
    const other = runs.find((r) => !r.stdout.includes("已归档 / archived"));
    expect(other?.stdout).toContain("未改动 / unchanged");
    expect(await readdir(join(root, "2022"))).toEqual([SAMPLE_NUMBER]);
    expect((await readdir(ENTRY(root))).filter((n) => n.startsWith("v"))).toEqual([]);
    expect(await noEntryOrComplete(root)).toBe("complete");
  });

  it("different content, plus a third process with another number: one 3号 wins, the other is refused (exit 5); 4号 gets the next 件号", async () => {
    const root = await freshRoot();
    const changed = await writeData(root, sampleWith([[["envelope", "colophon", "copyTo"], ["省政府办公厅", "省财政厅"]]]), "changed.yaml");
    const four = await writeData(root, sampleWith([[["envelope", "docNumber", "serial"], 4]]), "four.yaml");
    const [a, b, c] = await Promise.all([SAMPLE, changed, four].map((file) => runCli(["issue", file, "--archive", root])));
    if (!a || !b || !c) throw new Error("runs missing");
    expect([a.status, b.status].sort()).toEqual([0, 5]);
    expect(c.status, c.stderr).toBe(0);
    const loser = a.status === 5 ? a : b;
    expect(loser.stderr).toContain("已归档");
    expect(loser.stderr).toContain("拒绝覆盖");
    expect(loser.stderr).toMatch(/另一进程|another process/);
    const archived = await readFile(join(ENTRY(root), `${SAMPLE_NUMBER}.yaml`));
    expect(archived).toEqual(await readFile(a.status === 0 ? SAMPLE : changed));
    const numbers = await Promise.all([ENTRY(root), join(root, "2022", "青政务〔2022〕4号")].map(async (dir) => (await readMetadata(dir)).件号));
    expect(numbers.sort()).toEqual(["0001", "0002"]);
    expect(await noEntryOrComplete(root)).toBe("complete");
  });
});
