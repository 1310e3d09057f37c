import { existsSync } from "node:fs";
import { MAX_TEMPLATE_BYTES } from "../limits.js";
import { readBoundedFileSync } from "../load/read-bounded.js";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import type HandlebarsCompiler from "handlebars";
// The runtime only: the shipped templates come precompiled in the bundle. The compiler (and the
// source-map library it pulls in, 164 KB of the bundle in all) is loaded from node_modules when a
// template must be compiled: a clerk's own template, or the modules in dist/ (see compiling()).
import HandlebarsRuntime from "handlebars/runtime.js";
import { diagnostic, GongwenError } from "../errors.js";
import { formatDocNumber, type DocNumberInput } from "../model/primitives.js";
import { chineseDate, chineseNumeral } from "./chinese.js";
import { PRECOMPILED_TEMPLATES } from "./precompiled-templates.js";
import { pointDirective, unwrapValue, wrapValue } from "./template-markup.js";

/** The templates shipped with the tool: `templates/` at the package root (from src/ and dist/ alike). */
export const DEFAULT_TEMPLATE_DIR = fileURLToPath(new URL("../../templates", import.meta.url));

export type BodyTemplate = (context: unknown) => string;

function deepUnwrap(value: unknown): unknown {
  if (typeof value === "string") return unwrapValue(value);
  if (Array.isArray(value)) return value.map(deepUnwrap);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, deepUnwrap(inner)]));
  }
  return value;
}

/** Every string of the data is wrapped so template markup can tell values from template text. */
export function wrapContext(value: unknown): unknown {
  if (typeof value === "string") return wrapValue(value);
  if (Array.isArray(value)) return value.map(wrapContext);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, wrapContext(inner)]));
  }
  return value;
}

function requireArgument(name: string, value: unknown): void {
  if (value === undefined || value === null) throw new Error(`helper "${name}" got no value`);
}

type HandlebarsEnvironment = typeof HandlebarsCompiler;

function createEnvironment(base: Pick<HandlebarsEnvironment, "create">): HandlebarsEnvironment {
  const env = base.create();
  env.registerHelper("date", (iso: unknown) => {
    requireArgument("date", iso);
    return wrapValue(chineseDate(String(deepUnwrap(iso))));
  });
  env.registerHelper("docNumber", (value: unknown) => {
    requireArgument("docNumber", value);
    return wrapValue(formatDocNumber(deepUnwrap(value) as DocNumberInput));
  });
  env.registerHelper("numeral", (value: unknown) => chineseNumeral(Number(deepUnwrap(value))));
  env.registerHelper("join", (list: unknown, separator: unknown) => {
    if (!Array.isArray(list)) throw new Error('helper "join" needs a list');
    const sep = typeof separator === "string" ? separator : "、";
    return wrapValue(list.map((item) => String(deepUnwrap(item))).join(sep));
  });
  env.registerHelper("count", (list: unknown) => (Array.isArray(list) ? list.length : 0));
  env.registerHelper("point", (title: unknown, text: unknown) => pointDirective("paren", String(title), String(text)));
  env.registerHelper("item", (title: unknown, text: unknown) => pointDirective("ordinal", String(title), String(text)));
  env.registerHelper("subpoint", (title: unknown, text: unknown) => pointDirective("arabic", String(title), String(text)));
  return env;
}

const environment = createEnvironment(HandlebarsRuntime as unknown as HandlebarsEnvironment);
let compilerEnvironment: HandlebarsEnvironment | undefined;

/** An environment that can compile, with the same helpers; `require`d on first use (not bundled). */
function compiling(): HandlebarsEnvironment {
  compilerEnvironment ??= createEnvironment(createRequire(import.meta.url)("handlebars") as HandlebarsEnvironment);
  return compilerEnvironment;
}

/** Finds `<dir>/<kind>/body.hbs` (the shipped layout) or `<dir>/body.hbs` (a user's own folder). */
export function resolveTemplateFile(dir: string, kindFolder: string): string {
  const candidates = [join(dir, kindFolder, "body.hbs"), join(dir, "body.hbs")];
  const found = candidates.find((candidate) => existsSync(candidate));
  if (!found) {
    throw new GongwenError([
      diagnostic({
        file: resolve(dir),
        zh: `模板文件夹中找不到正文模板（应为 ${candidates.join(" 或 ")}）`,
        en: `no body template in the template folder (expected ${candidates.join(" or ")})`,
        rule: "template-missing",
      }),
    ], 66);
  }
  return found;
}

/** Strict (a missing value is an error) and without HTML escaping; scripts/bundle.mjs precompiles with these too. */
export const TEMPLATE_COMPILE_OPTIONS = { strict: true, noEscape: true } as const;

/** A template file's text, as compiled: without a byte order mark, with \n line ends (Notepad writes both). */
export function readTemplateSource(file: string): string {
  const bytes = readBoundedFileSync(file, { maxBytes: MAX_TEMPLATE_BYTES, what: ["模板文件", "template file"] });
  return new TextDecoder().decode(bytes).replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
}

const cache = new Map<string, BodyTemplate>();

/** Compiles a body template, or takes the build's compiled copy when its text is exactly a shipped template's. */
export function loadBodyTemplate(file: string): BodyTemplate {
  const cached = cache.get(file);
  if (cached) return cached;
  const source = readTemplateSource(file);
  const precompiled = PRECOMPILED_TEMPLATES.find((entry) => entry.source === source);
  let compiled: HandlebarsTemplateDelegate;
  try {
    if (precompiled) compiled = environment.template(precompiled.spec);
    else {
      const compiler = compiling();
      compiled = compiler.compile(source, TEMPLATE_COMPILE_OPTIONS);
      // Parse eagerly so syntax errors surface here, with their line, not at first use.
      compiler.parse(source);
    }
  } catch (error) {
    throw templateError(file, error);
  }
  const template: BodyTemplate = (context) => {
    try {
      return compiled(context);
    } catch (error) {
      throw templateError(file, error);
    }
  };
  cache.set(file, template);
  return template;
}

function templateError(file: string, error: unknown): GongwenError {
  const message = (error as Error).message ?? String(error);
  const line = /line (\d+)/.exec(message)?.[1];
  const missing = /"([^"]+)" not defined/.exec(message)?.[1];
  return new GongwenError([
    diagnostic({
      file,
      line: line ? Number(line) : undefined,
      zh: missing ? `模板引用了数据中不存在的字段“${missing}”` : "模板有错误，无法套用",
      en: missing ? `the template uses "${missing}", which the data does not have` : `the template is broken: ${message.split("\n")[0]}`,
      rule: "template",
    }),
  ]);
}
