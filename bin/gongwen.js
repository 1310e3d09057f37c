#!/usr/bin/env node
// Thin launcher. Start-up time is most of a single render, so the CLI runs from dist/gongwen.cjs, one
// bundled file (scripts/bundle.mjs) compiled from a V8 code cache kept in the user's cache folder, and
// falls back to the modules in dist/ when the bundle is missing or older than them (a tsc-only build).
//
// CommonJS (bin/package.json says so): as an ES module this file would start Node's ESM loader,
// some 7 ms of every run, only to load a CommonJS bundle.
"use strict";
// V8 hands a function to its optimizing compiler after 66 KB of its bytecode has run (Node 20). In a
// one-shot command that is mostly wasted: for the sample circular V8 compiled 14 functions on its
// background thread, ~70 ms of CPU (the glyph scanner alone 24 ms), most finished only after the
// render, while on 2 cores that thread slowed the main one. 16x the budget leaves a short run in the
// baseline tiers and still optimizes what a batch or a long document runs hot. Measured side by side
// (bench/startup-tricks.js, bench/startup-tricks.md): sample 0.92x, a 34-page document 0.83x, a batch
// of 1,000 unchanged. An earlier 4x measured within the noise (0.97–1.0x), so it was taken out then.
// Process-wide: batch worker threads inherit it.
require("node:v8").setFlagsFromString(`--interrupt-budget=${16 * 66 * 1024}`);
const { loadBundle } = require("./load-bundle.js");

(async () => (loadBundle() ?? (await import("../dist/cli.js"))).main(process.argv))().catch((error) => {
  // The CLI reports its own errors; this is only reached when it cannot even load. No stack trace
  // unless asked for.
  console.error(`内部错误 / internal error: ${process.env.GONGWEN_DEBUG ? (error && error.stack) || error : (error && error.message) || error}`);
  process.exit(70);
});
