/**
 * The esbuild plugin that rewrites sources on their way into dist/gongwen.cjs. One onLoad for every
 * JavaScript file, because esbuild takes the first plugin's answer for a file and some files need
 * more than one rewrite.
 */
import { readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative } from "node:path";
import { asciiRegExps } from "./ascii-regexps.mjs";
import { prebuiltShellsModule } from "./prebuild-shells.mjs";
import { precompiledTemplatesModule } from "./precompile-templates.mjs";

const posix = (path) => path.split("\\").join("/");

export function bundleRewrites({ root, dist }) {
  /** Replacements and edits of particular files, matched by their (forward-slashed) path. */
  const special = [
    {
      // The shipped templates, compiled now rather than on every run (see src/compose/precompiled-templates.ts).
      match: /(^|\/)dist\/compose\/precompiled-templates\.js$/,
      rewrite: () => precompiledTemplatesModule(root),
    },
    {
      // The .docx package shells of the built-in font profiles (see src/render/docx/prebuilt-shells.ts).
      match: /(^|\/)dist\/render\/docx\/prebuilt-shells\.js$/,
      rewrite: () => prebuiltShellsModule(root),
    },
    {
      // commander loads node:child_process (~1-2 ms) for executable subcommands, which gongwen has
      // none of: load it when commander would spawn one.
      match: /\/commander\/lib\/command\.js$/,
      rewrite: (text, path) => {
        const eager = "const childProcess = require('node:child_process');";
        if (!text.includes(eager)) throw new Error(`${path}: commander changed; update the child_process rewrite in scripts/bundle-rewrites.mjs`);
        return text.replace(eager, "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };");
      },
    },
    {
      // The Markdown parser (micromark, mdast, GFM tables: ~20 ms of module set-up) is needed only by
      // a body written in Markdown, never by the assessment circular: loaded on the first such body.
      // esbuild turns this require of an ES module into its lazy initialiser; dist/ keeps the import.
      match: /(^|\/)dist\/compose\/body\.js$/,
      rewrite: (text, path) => {
        const eager = 'import { markdownBody } from "./markdown.js";';
        if (!text.includes(eager)) throw new Error(`${path}: its import of markdown.js changed; update the rewrite in scripts/bundle-rewrites.mjs`);
        return text.replace(eager, 'let markdownModule;\nconst markdownBody = (text) => (markdownModule ??= require("./markdown.js")).markdownBody(text);');
      },
    },
    {
      // The docx library stays out of the bundle (scripts/bundle.mjs: external) and is required from
      // node_modules when a shell must be made. A dynamic import() of it would stay an import() in the
      // CommonJS bundle, which vm.Script cannot run: a require, deferred the same way, can.
      match: /(^|\/)dist\/render\/docx\/shell\.js$/,
      rewrite: (text, path) => {
        const lazy = 'import("docx")';
        if (!text.includes(lazy)) throw new Error(`${path}: its import of docx changed; update the rewrite in scripts/bundle-rewrites.mjs`);
        return text.replace(lazy, 'Promise.resolve().then(() => require("docx"))');
      },
    },
    {
      // zod re-exports all of its ~50 locales as z.locales (~300 KB of the bundle, read at every start);
      // gongwen writes its own messages (src/model/messages.ts) and never names a locale. zod's English
      // default is unaffected: classic/schemas.js imports locales/en.js itself.
      match: /\/zod\/v4\/(classic\/external|core\/index)\.js$/,
      rewrite: (text, path) => {
        const all = 'export * as locales from "../locales/index.js";';
        if (!text.includes(all)) throw new Error(`${path}: zod's locale export changed; update the rewrite in scripts/bundle-rewrites.mjs`);
        return text.replace(all, "export const locales = {};");
      },
    },
    {
      // fflate's Node build loads node:worker_threads (~1 ms) on start, for its asynchronous
      // functions; gongwen calls only synchronous ones (deflateSync, unzipSync, zipSync, strToU8,
      // strFromU8). Its browser build is the same code, with workers only in the asynchronous functions.
      match: /\/fflate\/esm\/index\.mjs$/,
      rewrite: (_text, path) => readFileSync(join(dirname(path), "browser.js"), "utf8"),
    },
  ];

  return {
    name: "gongwen-bundle-rewrites",
    setup(build) {
      build.onLoad({ filter: /\.(m?js|cjs)$/ }, async (args) => {
        const original = readFileSync(args.path, "utf8");
        const path = posix(args.path);
        let text = original;
        for (const { match, rewrite } of special) if (match.test(path)) text = await rewrite(text, args.path);
        // Each of our modules' import.meta.url becomes the URL of its own dist/ file, so paths computed
        // from it (the package root, templates/, fonts/, the batch worker) stay what they are unbundled.
        const rel = posix(relative(dist, args.path));
        if (!rel.startsWith("..") && !isAbsolute(rel)) {
          text = text.replaceAll("import.meta.url", `__gongwenModuleUrl(${JSON.stringify(rel)})`);
          // Ours only: no dependency has such a literal today (scripts/bundle.mjs checks the result is
          // ASCII), and parsing theirs would add a second to every build.
          text = asciiRegExps(text, args.path) ?? text;
        }
        return text === original ? undefined : { contents: text, loader: "js" };
      });
    },
  };
}
