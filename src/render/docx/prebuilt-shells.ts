import type { PrebuiltShells } from "./shell.js";

/**
 * Package shells made ahead of time. None here, so the modules in dist/ make a shell with the `docx`
 * library when it is first needed; scripts/bundle.mjs replaces this module in dist/gongwen.cjs with
 * the shells of the built-in font profiles, made at build time by shell.ts itself, because loading
 * the library and compiling a shell costs some 40 ms of a cold render.
 */
export const PREBUILT_SHELLS: (() => PrebuiltShells) | undefined = undefined;
