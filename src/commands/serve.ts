import { spawn } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { basename, dirname, resolve } from "node:path";
import { diagnostic, GongwenError } from "../errors.js";
import { signalExitCode } from "../platform/interrupt.js";

export interface ServeCommandOptions {
  readonly port?: string;
  /** commander's `--no-open`: false when given. */
  readonly open?: boolean;
}

/** Opens the address in the clerk's browser; a machine without one just keeps the printed address. */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === "win32" ? ["cmd", ["/c", "start", "", url]] : process.platform === "darwin" ? ["open", [url]] : ["xdg-open", [url]];
  try {
    const child = spawn(command, args, { stdio: "ignore", detached: true });
    child.on("error", () => undefined);
    child.unref();
  } catch {
    // the address is printed
  }
}

function portOf(option: string | undefined): number {
  if (option === undefined) return 0;
  const port = Number(option);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new GongwenError([diagnostic({ zh: `--port 应为 0 到 65535 的整数，而不是“${option}”`, en: `--port must be an integer from 0 to 65535, not "${option}"`, rule: "usage" })], 64);
  }
  return port;
}

/** `gongwen serve [folder]` and `gongwen edit <file>`: the local web editor, until Ctrl-C. */
export async function serveCommand(target: string | undefined, options: ServeCommandOptions, editFile?: string): Promise<number> {
  const folder = resolve(editFile ? dirname(editFile) : (target ?? "."));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) {
    throw new GongwenError([diagnostic({ file: folder, zh: "文件夹不存在", en: "no such folder", rule: "read" })], 66);
  }
  if (editFile && !existsSync(editFile)) throw new GongwenError([diagnostic({ file: editFile, zh: "找不到文件", en: "file not found", rule: "read" })], 66);
  const { startServer } = await import("../serve/server.js");
  const running = await startServer({ folder, port: portOf(options.port) });
  const address = editFile ? `${running.openUrl}&file=${encodeURIComponent(basename(editFile))}` : running.openUrl;
  process.stdout.write(
    `网页编辑器已启动 / the web editor is running: ${address}\n` +
      `  文件夹 / folder: ${running.folder}\n` +
      "  仅本机可访问；按 Ctrl-C 停止 / reachable from this machine only; Ctrl-C stops it\n",
  );
  if (options.open !== false) openBrowser(address);
  await new Promise<void>((resolvePromise) => {
    let stopping = false;
    // The handlers stay registered until the server has closed: the interrupt hook (platform/interrupt.ts)
    // exits by itself when it is the only listener, and with `once` that depended on which listener was
    // added first — Ctrl-C then ended the editor with 130 instead of closing it and returning 0.
    const stop = (signal: NodeJS.Signals) => {
      if (stopping) process.exit(signalExitCode(signal)); // a second Ctrl-C does not wait for the close
      stopping = true;
      process.stdout.write("已停止 / stopped\n");
      const done = () => {
        process.off("SIGINT", stop);
        process.off("SIGTERM", stop);
        resolvePromise();
      };
      void running.close().then(done, done);
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  });
  return 0;
}
