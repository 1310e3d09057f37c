import { attachmentBodyDiagnostics } from "../../compose/attachment-checks.js";
import { bodyDiagnostics } from "../../compose/body.js";
import { formatDocNumber } from "../../model/primitives.js";
import type { DocumentKind } from "../kind.js";
import { composeGeneral } from "./compose.js";
import { GENERAL_DESCRIPTIONS } from "./descriptions.js";
import { generalNextYear } from "./next-year.js";
import { generalCrossRules } from "./rules.js";
import { generalDocument, type GeneralDocument } from "./schema.js";

/** 通用公文: any 文种 in any format, the body written by the clerk in Markdown or blocks. */
export const general: DocumentKind<GeneralDocument> = {
  id: "general",
  label: { zh: "通用公文", en: "general document" },
  schema: generalDocument,
  descriptions: GENERAL_DESCRIPTIONS,
  crossRules: generalCrossRules,
  check: (document, context) => [...bodyDiagnostics(document.body, ["body"], context), ...attachmentBodyDiagnostics(document.envelope, context)],
  compose: composeGeneral,
  nextYear: generalNextYear,
  normalise(document) {
    const { $schema: _schema, ...rest } = document;
    return rest.envelope.docNumber === undefined ? rest : { ...rest, envelope: { ...rest.envelope, docNumber: formatDocNumber(rest.envelope.docNumber) } };
  },
};
