import type { GongwenDocument } from "../document/document.js";
import type { LoadedDocument } from "../model/validate.js";

/**
 * A validated data file → the document, by its kind's compose step. Apart from the pipeline so that
 * readers of text (`gongwen text` as a git textconv, `diff`) do not load the .docx writer.
 */
export function composeLoaded(loaded: LoadedDocument, options: { readonly templateDir?: string } = {}): GongwenDocument {
  return loaded.kind.compose(loaded.document, { templateDir: options.templateDir });
}
