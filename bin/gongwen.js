#!/usr/bin/env node
// Thin launcher. Start-up time is most of a single render, so the CLI runs from dist/gongwen.cjs, one
// bundled file (scripts/bundle.mjs) compiled from a V8 code cache kept in the user's cache folder, and
// falls back to the modules in dist/ when the bundle is missing or older than them (a tsc-only build).
//
// CommonJS (bin/package.json says so): as an ES module this file would start Node's ESM loader,
// some 7 ms of every run, only to load a CommonJS bundle.
"use strict";
// No V8 flags: the interrupt-budget flag once set here measured 0.97–0.98× (slower, not faster) in
// side-by-side runs (bench/startup-tricks.js, bench/startup-tricks.md), so it went.
const { loadBundle } = require("./load-bundle.js");

(async () => (loadBundle() ?? (await import("../dist/cli.js"))).main(process.argv))().catch((error) => {
  // The CLI reports its own errors; this is only reached when it cannot even load. No stack trace
  // unless asked for.
  console.error(`内部错误 / internal error: ${process.env.GONGWEN_DEBUG ? (error && error.stack) || error : (error && error.message) || error}`);
  process.exit(70);
});
