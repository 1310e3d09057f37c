#!/usr/bin/env node
// Thin launcher. Start-up time is most of a single render, so the CLI runs from dist/gongwen.cjs, one
// bundled file (scripts/bundle.mjs) compiled from a V8 code cache beside it, and falls back to the
// modules in dist/ when the bundle is missing or older than them (a tsc-only build).
//
// CommonJS (bin/package.json says so): as an ES module this file would start Node's ESM loader,
// some 7 ms of every run, only to load a CommonJS bundle.
"use strict";
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
// The loader's built-in modules (fs, module, path, vm) too.
const { loadBundle } = require("./load-bundle.js");
v8.setFlagsFromString("--interrupt-budget=270336");

(async () => (loadBundle() ?? (await import("../dist/cli.js"))).main(process.argv))().catch((error) => {
  console.error(error);
  process.exit(70);
});
