#!/usr/bin/env node
// Thin launcher. Start-up time is most of a single render, so the CLI runs from dist/gongwen.cjs, one
// bundled file (scripts/bundle.mjs) compiled from a V8 code cache beside it, and falls back to the
// modules in dist/ when the bundle is missing or older than them (a tsc-only build).
import { readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import Module, { createRequire } from "node:module";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Script } from "node:vm";

const dist = (name) => fileURLToPath(new URL(`../dist/${name}`, import.meta.url));

function bundled() {
  const file = dist("gongwen.cjs");
  let bundle;
  try {
    bundle = statSync(file);
    if (process.env.GONGWEN_NO_BUNDLE || bundle.mtimeMs < statSync(dist("cli.js")).mtimeMs) return undefined;
  } catch {
    return undefined;
  }
  // V8 checks a cache against the source's length only: name it after this very build of the bundle.
  const cacheFile = `${file}.${bundle.size}-${Math.trunc(bundle.mtimeMs)}.cache`;
  let cachedData;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // first run: written below
  }
  const script = new Script(Module.wrap(readFileSync(file, "utf8")), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(file), module, file, dirname(file));
  if (cachedData === undefined || script.cachedDataRejected) {
    // After the run, so the cache holds the functions this command compiled. Best effort: dist/ may be read-only.
    process.once("exit", () => {
      try {
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
      } catch {
        // no cache then
      }
    });
  }
  return module.exports;
}

(async () => (bundled() ?? (await import("../dist/cli.js"))).main(process.argv))().catch((error) => {
  console.error(error);
  process.exit(70);
});
