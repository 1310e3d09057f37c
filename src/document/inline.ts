/**
 * Inline content: text in spans. A span says what its text is, never how it looks; the layout maps
 * each role to the standard's faces (strong → 黑体, emphasis → 楷体).
 */

export type SpanRole = "strong" | "emphasis";

export interface Span {
  readonly text: string;
  readonly role?: SpanRole;
}

export type Inline = readonly Span[];

export function plain(text: string): Span[] {
  return [{ text }];
}

export function inlineText(spans: Inline): string {
  let out = "";
  for (const span of spans) out += span.text;
  return out;
}
