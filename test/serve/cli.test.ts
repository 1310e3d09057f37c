import { spawn } from "node:child_process";
import { copyFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { BIN, gongwen } from "../helpers/cli.js";
import { tempDir } from "../helpers/data.js";
import { STARTERS } from "../helpers/starters.js";
import { call } from "./http.js";

/** `gongwen serve` and `gongwen edit` as a clerk starts them: the address printed, Ctrl-C stops it. */

/** How the process ended: 0, or the SIGINT itself when a LibreOffice run was cut short with it. */
type Ending = number | NodeJS.Signals | null;

function serve(args: readonly string[]): Promise<{ address: string; stop: () => Promise<Ending> }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let out = "";
    const timer = setTimeout(() => reject(new Error(`no address printed: ${out}`)), 60_000);
    child.stdout.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const address = /http:\/\/127\.0\.0\.1:\d+\/\?token=[0-9a-f]+\S*/u.exec(out)?.[0];
      if (!address) return;
      clearTimeout(timer);
      resolve({
        address,
        stop: () =>
          new Promise((done) => {
            child.once("exit", (code, signal) => done(code ?? signal));
            child.kill("SIGINT");
          }),
      });
    });
    child.once("exit", (code) => reject(new Error(`exited ${code}: ${out}`)));
  });
}

describe("gongwen serve / edit", () => {
  it("prints a 127.0.0.1 address with a token that opens the page, and stops on Ctrl-C", async () => {
    const folder = tempDir("gongwen-serve-cli-");
    const running = await serve(["serve", folder, "--no-open"]);
    const url = new URL(running.address);
    const answer = await call(running.address, { headers: { host: url.host } });
    expect(answer.status).toBe(303);
    expect([0, "SIGINT"]).toContain(await running.stop());
  });

  it("edit opens the page on the file", async () => {
    const folder = tempDir("gongwen-edit-cli-");
    copyFileSync(STARTERS.letter, join(folder, "函.yaml"));
    const running = await serve(["edit", join(folder, "函.yaml"), "--no-open"]);
    expect(decodeURIComponent(running.address)).toContain("file=函.yaml");
    expect([0, "SIGINT"]).toContain(await running.stop());
  });

  it("a missing folder or file is exit 66, a bad port 64", () => {
    expect(gongwen(["serve", "/no/such/folder", "--no-open"]).status).toBe(66);
    const missing = gongwen(["edit", "/no/such/file.yaml", "--no-open"]);
    expect(missing.status).toBe(66);
    expect(missing.stderr).toContain("文件夹不存在");
    expect(gongwen(["serve", ".", "--no-open", "--port", "http"]).status).toBe(64);
  });
});
