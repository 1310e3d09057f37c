"use strict";
// Loads dist/gongwen.cjs, the bundled CLI, compiled from the V8 code cache in the user's cache folder: used by the
// launcher (gongwen.js) and by each batch worker thread (batch-worker.js). Returns undefined when the
// bundle is missing or older than the modules in dist/ (a tsc-only build): callers then import those.
const { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { join } = require("node:path");
const { Script } = require("node:vm");

const dist = join(__dirname, "..", "dist");

/**
 * The user's cache folder, never dist/: an install may be read-only or shared between users (a cache
 * written into it at run time broke both). XDG_CACHE_HOME or ~/.cache on Linux, ~/Library/Caches on
 * macOS, %LOCALAPPDATA% on Windows; undefined when none is known (then no cache).
 */
function cacheFolder() {
  const env = process.env;
  if (process.platform === "win32") return env.LOCALAPPDATA ? join(env.LOCALAPPDATA, "gongwen", "Cache") : undefined;
  if (!env.HOME && !env.XDG_CACHE_HOME) return undefined;
  if (process.platform === "darwin") return join(env.HOME, "Library", "Caches", "gongwen");
  return join(env.XDG_CACHE_HOME || join(env.HOME, ".cache"), "gongwen");
}

/** A short hash of the bundle's path: two installs of one build keep separate caches. */
function pathKey(path) {
  let hash = 0;
  for (let i = 0; i < path.length; i++) hash = (Math.imul(hash, 31) + path.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}

function loadBundle() {
  const file = join(dist, "gongwen.cjs");
  let bundle;
  try {
    bundle = statSync(file);
    if (process.env.GONGWEN_NO_BUNDLE || bundle.mtimeMs < statSync(join(dist, "cli.js")).mtimeMs) return undefined;
  } catch {
    return undefined;
  }
  // V8 checks a cache against the source's length only: name it after this very build of the bundle
  // (and Node's version, whose V8 rejects another's cache).
  const folder = cacheFolder();
  const cacheFile = folder && join(folder, `bundle-${pathKey(file)}-${bundle.size}-${Math.trunc(bundle.mtimeMs)}-${process.version}.cache`);
  let cachedData;
  try {
    if (cacheFile) cachedData = readFileSync(cacheFile);
  } catch {
    // first run: written below
  }
  // Latin-1: the bundle is ASCII (the build checks it), so this is the same text, copied rather than
  // decoded: ~10 ms less of every start, 0.97x side by side (bench/startup-tricks.md).
  const script = new Script(Module.wrap(readFileSync(file, "latin1")), { filename: file, cachedData });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, Module.createRequire(file), module, file, dist);
  // Only the main thread writes a missing cache: workers start together and would race for it.
  if (cacheFile && (cachedData === undefined || script.cachedDataRejected) && require("node:worker_threads").isMainThread) {
    // After the run, so the cache holds the functions this command compiled. Best effort: the cache
    // folder may be unwritable.
    process.once("exit", () => {
      try {
        mkdirSync(folder, { recursive: true });
        const temporary = `${cacheFile}.${process.pid}.tmp`;
        writeFileSync(temporary, script.createCachedData());
        renameSync(temporary, cacheFile);
        // Caches of earlier builds of this install are dead weight (~1.7 MB each): remove them.
        const current = cacheFile.slice(folder.length + 1);
        const prefix = `bundle-${pathKey(file)}-`;
        for (const name of readdirSync(folder)) {
          if (name.startsWith(prefix) && name.endsWith(".cache") && name !== current) rmSync(join(folder, name), { force: true });
        }
      } catch {
        // no cache then
      }
    });
  }
  return module.exports;
}

module.exports = { loadBundle };
