"use strict";
// Loads dist/gongwen.cjs, the bundled CLI, compiled from the V8 code cache beside it: used by the
// launcher (gongwen.js) and by each batch worker thread (batch-worker.js). Returns undefined when the
// bundle is missing or older than the modules in dist/ (a tsc-only build): callers then import those.
const { readFileSync, renameSync, statSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { join } = require("node:path");
const { Script } = require("node:vm");

const dist = join(__dirname, "..", "dist");

function loadBundle() {
  const file = join(dist, "gongwen.cjs");
  let bundle;
  try {
    bundle = statSync(file);
    if (process.env.GONGWEN_NO_BUNDLE || bundle.mtimeMs < statSync(join(dist, "cli.js")).mtimeMs) return undefined;
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
  // Latin-1: the bundle is ASCII (scripts/bundle.mjs makes sure), and V8 decodes UTF-8 2-3x slower.
  const script = new Script(Module.wrap(readFileSync(file, "latin1")), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, dist);
  // Only the main thread writes a missing cache: workers start together and would race for it.
  if ((cachedData === undefined || script.cachedDataRejected) && require("node:worker_threads").isMainThread) {
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

module.exports = { loadBundle };
