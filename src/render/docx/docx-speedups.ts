import { EMPTY_OBJECT, isXmlComponent, NextAttributeComponent, XmlComponent } from "docx";

/**
 * Faster, output-identical replacements for two methods of the `docx` library that a profile of one
 * circular showed at the top (docx 9.15): `NextAttributeComponent.prepForXml` builds its attribute
 * object by re-spreading it once per attribute (quadratic, a sixth of the whole render), and
 * `XmlComponent.prepForXml` allocates through `flatMap` + `filter` for every element.
 *
 * Each replacement is installed only when the library's own method is, character for character, the
 * one it was written against; after an upgrade the originals stay (slower, never different), and
 * test/batch/docx-speedups.test.ts says so and checks the bytes against the originals.
 */

type Context = { stack: unknown[] };
type Prep = (this: unknown, context: Context) => unknown;

/** Checksums of the original methods (docx 9.15.2), so a changed method is left alone. */
const EXPECTED = {
  xmlComponent: "4r07pp",
  nextAttributes: "x1bgbi",
} as const;

/**
 * A checksum of a method's source in a canonical form, the same for the library's own file and for
 * the whitespace-minified bundle (scripts/bundle.mjs), whose printer drops spaces, the semicolon
 * before a closing brace and the parentheses around a lone arrow parameter.
 */
function fingerprint(fn: unknown): string {
  const text = String(fn)
    .replace(/\s+/g, "")
    .replace(/;}/g, "}")
    .replace(/\(([A-Za-z_$][\w$]*)\)=>/g, "$1=>");
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (Math.imul(hash, 31) + text.charCodeAt(i)) | 0;
  return (hash >>> 0).toString(36);
}

function fastXmlComponentPrep(this: { root: unknown[]; rootKey: string }, context: Context): unknown {
  context.stack.push(this);
  const children: unknown[] = [];
  const root = this.root;
  for (let index = 0; index < root.length; index++) {
    const component = root[index];
    let out: unknown;
    if (isXmlComponent(component)) {
      const parts = (component as { writtenAs?: Array<{ prepForXml: Prep }> }).writtenAs;
      if (parts) {
        // The original maps the parts and lets flatMap flatten that one level.
        for (const part of parts) {
          const written = part.prepForXml(context);
          if (written !== undefined) children.push(written);
        }
        continue;
      }
      out = (component as unknown as { prepForXml: Prep }).prepForXml(context);
    } else out = component;
    if (Array.isArray(out)) {
      for (const item of out) if (item !== undefined) children.push(item);
    } else if (out !== undefined) children.push(out);
  }
  context.stack.pop();
  const only = children.length === 1 ? (children[0] as { _attr?: unknown } | null) : undefined;
  return { [this.rootKey]: children.length ? (only && only._attr ? only : children) : EMPTY_OBJECT };
}

function fastNextAttributesPrep(this: { root: Record<string, { key: string; value: unknown }> }): unknown {
  const attributes: Record<string, unknown> = {};
  for (const { key, value } of Object.values(this.root)) if (value !== undefined) attributes[key] = value;
  return { _attr: attributes };
}

const originals = {
  xmlComponent: XmlComponent.prototype.prepForXml as unknown as Prep,
  nextAttributes: NextAttributeComponent.prototype.prepForXml as unknown as Prep,
};

export interface SpeedupState {
  readonly xmlComponent: boolean;
  readonly nextAttributes: boolean;
}

let state: SpeedupState = { xmlComponent: false, nextAttributes: false };

/** Installs the replacements whose originals are the expected ones; returns which are active. */
export function installDocxSpeedups(): SpeedupState {
  const xmlComponent = fingerprint(originals.xmlComponent) === EXPECTED.xmlComponent;
  const nextAttributes = fingerprint(originals.nextAttributes) === EXPECTED.nextAttributes;
  if (xmlComponent) (XmlComponent.prototype as unknown as { prepForXml: unknown }).prepForXml = fastXmlComponentPrep;
  if (nextAttributes) (NextAttributeComponent.prototype as unknown as { prepForXml: unknown }).prepForXml = fastNextAttributesPrep;
  state = { xmlComponent, nextAttributes };
  return state;
}

/** Puts the library's own methods back (tests compare both). */
export function uninstallDocxSpeedups(): void {
  (XmlComponent.prototype as unknown as { prepForXml: unknown }).prepForXml = originals.xmlComponent;
  (NextAttributeComponent.prototype as unknown as { prepForXml: unknown }).prepForXml = originals.nextAttributes;
  state = { xmlComponent: false, nextAttributes: false };
}

export function docxSpeedupState(): SpeedupState {
  return state;
}

export const speedupInternals = { fingerprint, originals };
