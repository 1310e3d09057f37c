/** The archive as a library: issue write-once, verify, list and catalogue, adopt a register. The CLI only calls these. */
export { issue, type IssueOptions, type IssueOutcome, type IssueStatus } from "./store.js";
export { verifyArchive, type VerifyReport, type VerifyScope, type VersionReport } from "./verify.js";
export { adoptArchive, type AdoptOutcome } from "./adopt.js";
export { readRegister, parseRegister, REGISTER_FILE, REGISTER_FORMAT, type Register, type RegisteredVersion } from "./register.js";
export { canonicalDocNumber, documentKey } from "./layout.js";
export * as ARCHIVE_LIMITS from "./limits.js";
export { readCatalog, catalogCsv, catalogCells, serialGaps, byNumber, byItemNumber, CATALOG_COLUMNS, type Catalog, type CatalogFilter, type CatalogRow } from "./catalog.js";
export { resolveArchiveRoot, documentDir, versionDir, DEFAULT_ARCHIVE_DIR } from "./layout.js";
export { resolveScope } from "./target.js";
export { entryMetadata, METADATA_FILE, type EntryMetadata } from "./metadata.js";
export { archiveConfig, CONFIG_FILE, readArchiveConfig, type ArchiveConfig } from "./config.js";
export { DEFAULT_RETENTION, RETENTION_CODES, parseRetention, formatArchivalCode, formatItemNumber, type Retention } from "./codes.js";
export { checkPdfA, readPdfAId, type PdfACheck } from "./pdfa.js";
export { readDocxProperties } from "./docx-properties.js";
export { contentPageCount } from "./render-final.js";
export { MANIFEST_FILE, sha256, sha256File, formatManifest, parseManifest } from "./hash.js";
