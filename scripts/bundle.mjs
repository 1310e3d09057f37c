/**
 * Bundles the compiled CLI (dist/) into one CommonJS file, dist/gongwen.cjs, and primes a V8 code
 * cache for it, so that `gongwen render` starts without resolving and compiling some 300 modules
 * (about half of a cold start). Run by `npm run build` after tsc; bin/gongwen.js uses the bundle when
 * it is at least as new as dist/cli.js and falls back to dist/ otherwise.
 *
 * Each module's `import.meta.url` is replaced by the URL of its own dist/ file, so paths computed from
 * it (the package root, templates/, fonts/, the batch worker) stay what they are unbundled.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const dist = join(root, "dist");
const outfile = join(dist, "gongwen.cjs");

const metaUrl = {
  name: "dist-import-meta-url",
  setup(build) {
    build.onLoad({ filter: /[\\/]dist[\\/].*\.js$/ }, (args) => {
      const text = readFileSync(args.path, "utf8");
      const rel = relative(dist, args.path).split("\\").join("/");
      return { contents: text.replaceAll("import.meta.url", `__gongwenModuleUrl(${JSON.stringify(rel)})`), loader: "js" };
    });
  },
};

const built = await esbuild.build({
  write: false,
  stdin: {
    // The speed-up state is exported (lazily) so a test can see the bundle runs with them.
    contents: [
      'export { main } from "./dist/cli.js";',
      'export const docxSpeedupState = async () => (await import("./dist/render/docx/docx-speedups.js")).installDocxSpeedups();',
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
  banner: {
    js: 'const __gongwenModuleUrl = (rel) => require("node:url").pathToFileURL(require("node:path").join(__dirname, rel)).href;',
  },
  plugins: [metaUrl],
  // Smaller to read and parse; names kept for stack traces in bug reports.
  minifyWhitespace: true,
  legalComments: "none",
  logLevel: "warning",
});

// Into place atomically: other processes may be running the CLI while this builds.
const temporary = `${outfile}.${process.pid}.tmp`;
writeFileSync(temporary, built.outputFiles[0].contents);
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
