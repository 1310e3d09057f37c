import { bodyNodes } from "../../compose/body.js";
import { attachmentsOf, frameOf, metaOf, paragraphNodes } from "../../compose/frame.js";
import type { GongwenDocument } from "../../document/document.js";
import type { GeneralDocument } from "./schema.js";
import { defaultFormat } from "./rules.js";

/** A document whose body the clerk wrote: the frame by its format, the body as written. */
export function composeGeneral(document: GeneralDocument): GongwenDocument {
  const format = document.format ?? defaultFormat(document.docType);
  const { envelope } = document;
  const frame = frameOf(envelope, format, document.docType);
  return {
    meta: metaOf(envelope, document.kind, document.docType, frame),
    format,
    frame,
    body: bodyNodes(document.body, ["body"]).nodes,
    attachments: attachmentsOf(envelope, (attachment, index) =>
      attachment.body !== undefined ? bodyNodes(attachment.body, ["envelope", "attachments", index, "body"]).nodes : paragraphNodes(attachment.paragraphs),
    ),
  };
}
