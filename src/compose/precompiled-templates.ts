/**
 * Body templates compiled ahead of time. Empty here, so the modules in dist/ compile a template when
 * it is first used; scripts/bundle.mjs replaces this module in dist/gongwen.cjs with the shipped
 * templates compiled at build time, because compiling one costs some 10 ms of a 150 ms cold render.
 *
 * Each entry is keyed by the template's whole text (as `readTemplateSource` returns it), not by its
 * path: an edited copy of a shipped template, or a user's `--templates` folder, is simply compiled
 * as before.
 */
export interface PrecompiledTemplate {
  readonly source: string;
  /** `Handlebars.precompile(source, TEMPLATE_COMPILE_OPTIONS)`, as code. */
  readonly spec: TemplateSpecification;
}

export const PRECOMPILED_TEMPLATES: readonly PrecompiledTemplate[] = [];
