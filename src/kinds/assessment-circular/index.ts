import { attachmentBodyDiagnostics } from "../../compose/attachment-checks.js";
import type { DocumentKind } from "../kind.js";
import { composeCircular } from "./compose.js";
import { CIRCULAR_DESCRIPTIONS } from "./descriptions.js";
import { circularNextYear } from "./next-year.js";
import { circularCrossRules } from "./rules.js";
import { circularDocument, type CircularDocument } from "./schema.js";
import { formatDocNumber } from "../../model/primitives.js";

/** 考核情况通报: the annual assessment circular (青政务〔2022〕3号), its wording in templates/circular/. */
export const assessmentCircular: DocumentKind<CircularDocument> = {
  id: "assessment-circular",
  label: { zh: "考核情况通报", en: "assessment circular" },
  schema: circularDocument,
  descriptions: CIRCULAR_DESCRIPTIONS,
  crossRules: circularCrossRules,
  check: (document, context) => attachmentBodyDiagnostics(document.envelope, context),
  compose: composeCircular,
  nextYear: circularNextYear,
  normalise(document) {
    const { $schema: _schema, ...rest } = document;
    return {
      ...rest,
      envelope: { ...rest.envelope, docNumber: formatDocNumber(rest.envelope.docNumber) },
      content: {
        ...rest.content,
        assessment: {
          ...rest.content.assessment,
          basis: { ...rest.content.assessment.basis, number: formatDocNumber(rest.content.assessment.basis.number) },
        },
      },
    };
  },
};
