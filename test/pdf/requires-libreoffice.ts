import { isLibreOfficeAvailable } from "../../src/pdf/libreoffice.js";

/** CI installs LibreOffice (see .ci/run), so there its absence must fail the tests instead of skipping them. */
export const onCi = !!process.env.CI && process.env.CI !== "false" && process.env.CI !== "0";

export const libreOfficeAvailable = isLibreOfficeAvailable();

/** Skip LibreOffice tests only on a developer machine without soffice. */
export const skipLibreOffice = !libreOfficeAvailable && !onCi;

export const NEEDS_LIBREOFFICE = "[needs LibreOffice + poppler-utils; skipped without them unless CI is set]";
