import type { GongwenDocument } from "../document/blocks.js";
import type { CircularDocument } from "../model/circular.js";
import { formatDocNumber } from "../model/primitives.js";
import { closingBlocks, headBlocks, issuerNames, titleText } from "./envelope.js";
import { parseBodyMarkup } from "./template-markup.js";
import { DEFAULT_TEMPLATE_DIR, loadBodyTemplate, resolveTemplateFile, wrapContext } from "./templates.js";

export interface ComposeOptions {
  /** A template folder of the user's own; defaults to the shipped `templates/`. */
  readonly templateDir?: string;
}

/** Model → block tree: the envelope from code, the body from the kind's template. */
export function composeCircular(document: CircularDocument, options: ComposeOptions = {}): GongwenDocument {
  const templateFile = resolveTemplateFile(options.templateDir ?? DEFAULT_TEMPLATE_DIR, "circular");
  const template = loadBodyTemplate(templateFile);
  const context = wrapContext({ ...document.content, envelope: document.envelope });
  const body = parseBodyMarkup(template(context));
  const { envelope } = document;
  return {
    meta: {
      kind: document.kind,
      title: titleText(envelope),
      issuers: issuerNames(envelope),
      docNumber: formatDocNumber(envelope.docNumber),
      signedOn: envelope.signedOn,
      printedOn: envelope.colophon.printedOn,
      publicity: envelope.note?.publicity,
      secrecy: envelope.secrecy?.level,
    },
    blocks: [...headBlocks(envelope), ...body, ...closingBlocks(envelope)],
  };
}
