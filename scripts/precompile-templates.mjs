/**
 * The shipped body templates, compiled at build time: the source of the module that replaces
 * dist/compose/precompiled-templates.js in the bundle (see that module). Compiled with the very
 * options and text normalisation that the CLI uses at run time, taken from dist/compose/templates.js.
 */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Handlebars from "handlebars";

export async function precompiledTemplatesModule(root) {
  const { readTemplateSource, TEMPLATE_COMPILE_OPTIONS } = await import(pathToFileURL(join(root, "dist", "compose", "templates.js")).href);
  const dir = join(root, "templates");
  const files = readdirSync(dir, { recursive: true })
    .map(String)
    .filter((name) => name.endsWith(".hbs"))
    .sort();
  const entries = files.map((name) => {
    const source = readTemplateSource(join(dir, name));
    // precompile() returns the specification as JavaScript (an object literal with functions). A copy
    // of the options: precompile() writes its defaults into the object it is given.
    return `  { source: ${JSON.stringify(source)}, spec: ${Handlebars.precompile(source, { ...TEMPLATE_COMPILE_OPTIONS })} },`;
  });
  return `export const PRECOMPILED_TEMPLATES = [\n${entries.join("\n")}\n];\n`;
}
