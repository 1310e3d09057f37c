/**
 * Bundles the compiled CLI (dist/) into one CommonJS file, dist/gongwen.cjs, and primes a V8 code
 * cache for it, so that `gongwen render` starts without resolving and compiling some 300 modules
 * (about half of a cold start). Run by `npm run build` after tsc; bin/gongwen.js uses the bundle when
 * it is at least as new as dist/cli.js and falls back to dist/ otherwise.
 *
 * The sources are rewritten on the way in (scripts/bundle-rewrites.mjs): each module's
 * `import.meta.url` becomes the URL of its own dist/ file, the shipped templates come precompiled, and
 * a few start-up costs of dependencies are deferred.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";
import { bundleRewrites } from "./bundle-rewrites.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const outfile = join(dist, "gongwen.cjs");

const built = await esbuild.build({
  write: false,
  stdin: {
    contents: [
      'export { main } from "./dist/cli.js";',
      // A batch worker thread's entry (bin/batch-worker.js); lazy, so the CLI does not load it.
      'export const serveBatchTasks = async () => (await import("./dist/batch/worker.js")).serveBatchTasks();',
    ].join("\n"),
    resolveDir: root,
    sourcefile: "gongwen-entry.js",
    loader: "js",
  },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  outfile,
  // Required from node_modules when needed: the library only writes package shells that are not
  // prebuilt (shell.ts), and its 465 KB were a fifth of the bundle every start reads.
  external: ["docx"],
  banner: {
    js: 'const __gongwenModuleUrl = (rel) => require("node:url").pathToFileURL(require("node:path").join(__dirname, rel)).href;',
  },
  plugins: [bundleRewrites({ root, dist })],
  // Smaller to read and parse; names kept for stack traces in bug reports.
  minifyWhitespace: true,
  // bin/load-bundle.js reads the bundle as Latin-1, a copy, not the UTF-8 it must decode (18–19 ms
  // against 28–31 ms for 2.35 MB in a fresh process, measured), so the bundle must be ASCII: esbuild
  // escapes strings, templates and names, and bundleRewrites the regular expression literals.
  charset: "ascii",
  legalComments: "none",
  logLevel: "warning",
});

const bytes = built.outputFiles[0].contents;
const nonAscii = bytes.findIndex((byte) => byte > 0x7f);
if (nonAscii !== -1) {
  const context = Buffer.from(bytes.subarray(Math.max(0, nonAscii - 80), nonAscii + 20)).toString("utf8");
  throw new Error(`the bundle is not ASCII, as bin/gongwen.js reads it (see charset above): …${context}…`);
}

// Into place atomically: other processes may be running the CLI while this builds.
const temporary = `${outfile}.${process.pid}.tmp`;
writeFileSync(temporary, bytes);
renameSync(temporary, outfile);

// Caches of earlier builds are useless now; prime this one's with a real render (bin/gongwen.js
// writes the cache after a run when there is none).
for (const name of readdirSync(dist)) if (/^gongwen\.cjs\.(.*\.)?cache$/.test(name)) rmSync(join(dist, name), { force: true });
const work = mkdtempSync(join(tmpdir(), "gongwen-bundle-"));
try {
  execFileSync(process.execPath, [join(root, "bin", "gongwen.js"), "render", "-q", "-o", join(work, "primer.docx")], { stdio: "inherit" });
} finally {
  rmSync(work, { recursive: true, force: true });
}
