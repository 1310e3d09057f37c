import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN } from "../helpers/cli.js";
import { alive } from "../helpers/process.js";
import { tempDir } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";

/**
 * Ctrl-C or SIGTERM while LibreOffice runs (`render --pdf`): its process tree is killed, every work
 * folder (profile, conversion folder) removed, and the exit code is 128 + the signal (130, 143), as
 * docs/limits.md documents. A stand-in soffice that hangs makes the moment certain.
 */
describe.runIf(process.platform !== "win32")("interrupted --pdf", () => {
  for (const [signal, code] of [
    ["SIGTERM", 143],
    ["SIGINT", 130],
  ] as const) {
    it(`${signal}: exits ${code}, no LibreOffice work folder or process left`, async () => {
      const dir = tempDir("gongwen-interrupt-");
      const tmp = join(dir, "tmp");
      mkdirSync(tmp);
      const pids = join(dir, "pids");
      const soffice = join(dir, "soffice");
      writeFileSync(soffice, `#!/bin/sh\necho $$ >> "${pids}"\nsleep 600 &\necho $! >> "${pids}"\nwait\n`);
      chmodSync(soffice, 0o755);
      const child = spawn(process.execPath, [BIN, "render", SAMPLE, "-o", join(dir, "out.docx"), "--pdf"], {
        env: { ...process.env, GONGWEN_SOFFICE: soffice, TMPDIR: tmp, NO_COLOR: "1" },
        stdio: "ignore",
      });
      const exited = new Promise<number | null>((resolve) => child.on("exit", (status) => resolve(status)));
      const deadline = Date.now() + 60_000;
      while (!(existsSync(pids) && readFileSync(pids, "utf8").trim().split("\n").length >= 2) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(readdirSync(tmp).some((name) => name.startsWith("gongwen-"))).toBe(true);
      child.kill(signal);
      expect(await exited).toBe(code);
      expect(readdirSync(tmp).filter((name) => name.startsWith("gongwen-"))).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      for (const pid of readFileSync(pids, "utf8").trim().split("\n").map(Number)) expect(alive(pid), `soffice process ${pid}`).toBe(false);
    });
  }
});
