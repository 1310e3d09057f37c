/**
 * The package shells of the built-in font profiles, made at build time: the source of the module that
 * replaces dist/render/docx/prebuilt-shells.js in the bundle (see that module). Made by the very code
 * the CLI runs, from dist/render/docx/shell.js.
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export async function prebuiltShellsModule(root) {
  const load = (path) => import(pathToFileURL(join(root, "dist", ...path.split("/"))).href);
  const [{ prebuildShells }, { FONT_PROFILES }] = await Promise.all([load("render/docx/shell.js"), load("layout/fonts.js")]);
  const json = JSON.stringify(await prebuildShells(Object.values(FONT_PROFILES)));
  // A string for JSON.parse, which V8 reads faster than the same object as a literal.
  return `export const PREBUILT_SHELLS = () => JSON.parse(${JSON.stringify(json)});\n`;
}
