import type { GongwenDocument } from "../../document/document.js";
import { attachmentsOf, frameOf, metaOf, paragraphNodes } from "../../compose/frame.js";
import { bodyNodes } from "../../compose/body.js";
import { parseBodyMarkup } from "../../compose/template-markup.js";
import { DEFAULT_TEMPLATE_DIR, loadBodyTemplate, resolveTemplateFile, wrapContext } from "../../compose/templates.js";
import type { ComposeOptions } from "../kind.js";
import type { CircularDocument } from "./schema.js";

/** The assessment circular: the frame from its envelope (文件 format), the body from its template. */
export function composeCircular(document: CircularDocument, options: ComposeOptions = {}): GongwenDocument {
  const templateFile = resolveTemplateFile(options.templateDir ?? DEFAULT_TEMPLATE_DIR, "circular");
  const template = loadBodyTemplate(templateFile);
  const context = wrapContext({ ...document.content, envelope: document.envelope });
  const { envelope } = document;
  return {
    meta: metaOf(envelope, document.kind, undefined),
    format: "file",
    frame: frameOf(envelope, "file"),
    body: parseBodyMarkup(template(context)),
    attachments: attachmentsOf(envelope, (attachment, index) =>
      attachment.body !== undefined ? bodyNodes(attachment.body, ["envelope", "attachments", index, "body"]).nodes : paragraphNodes(attachment.paragraphs),
    ),
  };
}
