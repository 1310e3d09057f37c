/**
 * Bundles the editor page (web/, Preact) into dist/web: one script, one style sheet, the HTML. Served
 * by `gongwen serve` from the package: no CDN, no network at run time.
 */
import { copyFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as esbuild from "esbuild";

const root = fileURLToPath(new URL("..", import.meta.url));
const out = join(root, "dist", "web");
mkdirSync(out, { recursive: true });

await esbuild.build({
  entryPoints: [join(root, "web", "main.tsx")],
  bundle: true,
  format: "iife",
  target: ["chrome100", "firefox100", "safari15"],
  jsx: "automatic",
  jsxImportSource: "preact",
  minify: true,
  outfile: join(out, "app.js"),
  charset: "utf8",
  legalComments: "none",
  logLevel: "warning",
});
copyFileSync(join(root, "web", "app.css"), join(out, "app.css"));
copyFileSync(join(root, "web", "index.html"), join(out, "index.html"));
