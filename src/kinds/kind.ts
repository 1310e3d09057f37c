import type { Document as YamlDocument } from "yaml";
import type { z } from "zod";
import type { GongwenDocument } from "../document/document.js";
import type { Diagnostic, FieldPath } from "../errors.js";
import type { Envelope } from "../model/envelope.js";
import type { CrossRuleProblem } from "../model/cross-rules.js";

/**
 * A document kind: a plugin in the registry (kinds/registry.ts). It brings its data file's schema, the
 * compose step that turns its content into the open body, its cross-field rules, the descriptions for
 * the JSON Schema and the editor, and optionally its next-year step. Adding a kind touches no layout
 * or writer file.
 */

/** What every kind's data file has: its kind, an envelope, optionally a font profile. */
export interface DataFile {
  readonly kind: string;
  readonly $schema?: string;
  readonly fonts?: string;
  readonly envelope: Envelope;
}

export interface ComposeOptions {
  /** A template folder of the user's own; defaults to the shipped `templates/`. */
  readonly templateDir?: string;
}

/** Where a text field of the data file starts, for messages about positions inside it (Markdown). */
export interface TextOrigin {
  readonly line: number;
  readonly column: number;
  /** Block scalars (`|`, `>`) keep their lines; lines inside a quoted string cannot be pointed at. */
  readonly block: boolean;
}

export interface CheckContext {
  readonly file?: string;
  locate(path: FieldPath): { line: number; column: number } | undefined;
  origin(path: FieldPath): TextOrigin | undefined;
}

export interface DocumentKind<T extends DataFile = DataFile> {
  readonly id: string;
  readonly label: { readonly zh: string; readonly en: string };
  /** The whole data file; its `kind` is a literal of this kind's id. */
  readonly schema: z.ZodType<T>;
  /** Field path → description, Chinese first (JSON Schema, editor help). `[]` stands for any list item. */
  readonly descriptions: Readonly<Record<string, string>>;
  /** Rules that relate fields; they read raw data, so they run even when the schema found problems. */
  crossRules?(data: unknown): CrossRuleProblem[];
  /** Checks that need the parsed data and positions in the file (a Markdown body's structure). */
  check?(document: T, context: CheckContext): Diagnostic[];
  compose(document: T, options: ComposeOptions): GongwenDocument;
  /** The data as its author means it, for field-level comparison (written-out and parts forms equal). */
  normalise?(document: T): unknown;
  /** Moves a year's data file on to next year's draft (dates, years, serials), comments kept. */
  nextYear?(yaml: YamlDocument): void;
}
