/**
 * The built CLI for review tests. `npm test` builds first (pretest); a bare `npx vitest run` may
 * find dist/ missing or older than the review sources, so it is (re)built here, once, under a lock
 * that parallel test files wait on.
 */
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, rmdirSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gongwen, type CliResult } from "../../helpers/cli.js";
import { ROOT } from "../../helpers/paths.js";

const SOURCES = ["src/review", "src/commands/diff.ts", "src/commands/text.ts", "src/cli.ts"];
const BUILT = join(ROOT, "dist", "commands", "diff.js");

function newestSource(): number {
  let newest = 0;
  const visit = (path: string): void => {
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const s of SOURCES) visit(join(ROOT, s));
  return newest;
}

function builtFresh(): boolean {
  return existsSync(BUILT) && existsSync(join(ROOT, "dist", "cli.js")) && statSync(BUILT).mtimeMs >= newestSource();
}

export function ensureBuilt(): void {
  if (builtFresh()) return;
  const lock = join(tmpdir(), `gongwen-build-${createHash("sha256").update(ROOT).digest("hex").slice(0, 12)}.lock`);
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`waited 3 minutes for ${lock}; remove it if no build is running`);
      execFileSync("sleep", ["0.5"]);
    }
  }
  try {
    if (!builtFresh()) {
      try {
        execFileSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.build.json"], { cwd: ROOT, stdio: "pipe" });
      } catch (error) {
        const out = (error as { stdout?: Buffer }).stdout?.toString() ?? "";
        throw new Error(`npm run build failed, the CLI tests cannot run:\n${out}`);
      }
    }
  } finally {
    rmdirSync(lock);
  }
}

export function cli(args: readonly string[], options: Parameters<typeof gongwen>[1] = {}): CliResult {
  ensureBuilt();
  return gongwen(args, options);
}
