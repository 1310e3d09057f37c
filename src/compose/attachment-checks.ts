import type { Diagnostic } from "../errors.js";
import type { CheckContext } from "../kinds/kind.js";
import type { Envelope } from "../model/envelope.js";
import { bodyDiagnostics } from "./body.js";

/** Problems inside attachments written in Markdown, at their lines in the data file. */
export function attachmentBodyDiagnostics(envelope: Envelope, context: CheckContext): Diagnostic[] {
  return envelope.attachments.flatMap((attachment, index) =>
    attachment.body !== undefined ? bodyDiagnostics(attachment.body, ["envelope", "attachments", index, "body"], context) : [],
  );
}
