#!/usr/bin/env node
// Thin launcher. Start-up time is most of a single render, so the CLI runs from dist/gongwen.cjs, one
// bundled file (scripts/bundle.mjs) compiled from a V8 code cache beside it, and falls back to the
// modules in dist/ when the bundle is missing or older than them (a tsc-only build).
//
// CommonJS (bin/package.json says so): as an ES module this file would start Node's ESM loader,
// some 7 ms of every run, only to load a CommonJS bundle.
"use strict";
const { readFileSync, renameSync, statSync, writeFileSync } = require("node:fs");
const Module = require("node:module");
const { join } = require("node:path");
const { Script } = require("node:vm");
const v8 = require("node:v8");

// V8 flags. A one-document run is over in some 150 ms, too soon for most of what V8's optimising
// compiler (TurboFan) compiles on a second thread to pay back: on a 2-core machine that thread competes
// with the render, and the process waits for its last compilations before it may exit. Letting a
// function tier up only after 4x the interrupt budget of V8 11 (Node 20: 66 KB of bytecode executed)
// measured ~70 ms less CPU and ~40 ms less wall time per cold render; a batch's hot code is still
// optimised, and its throughput measured the same.
// Set before the bundle is compiled: V8 accepts a code cache only under the flags it was made with.
// The same holds for Node's own modules, compiled from a cache inside node: those first loaded after
// the change are compiled from source. node:fs/promises, which every command that reads a file uses,
// takes ~1 ms from that cache and ~3 ms without, so it is loaded before.
require("node:fs/promises");
v8.setFlagsFromString("--interrupt-budget=270336");

const dist = join(__dirname, "..", "dist");

function bundled() {
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
