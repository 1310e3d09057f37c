import type { Span } from "../document/inline.js";

/**
 * Run-in headings (段首小标题): a heading whose first sentence is followed by more text heads a
 * paragraph — the sentence in the level's face, the rest in the body face (as 「（一）强化标准，基础设施
 * 合理配置。各政务……」). The sentence ends at the first 。！？ (or ；：) that has text after it.
 */
const SENTENCE_END = /[。！？]/u;

export function splitRunIn(spans: readonly Span[]): { title: Span[]; text?: Span[] } {
  const flat = spans.map((span) => span.text).join("");
  const match = SENTENCE_END.exec(flat);
  if (!match || match.index + 1 >= flat.trimEnd().length) return { title: [...spans] };
  const cut = match.index + 1;
  const title: Span[] = [];
  const text: Span[] = [];
  let at = 0;
  for (const span of spans) {
    const end = at + span.text.length;
    if (end <= cut) title.push(span);
    else if (at >= cut) text.push(span);
    else {
      title.push({ ...span, text: span.text.slice(0, cut - at) });
      text.push({ ...span, text: span.text.slice(cut - at) });
    }
    at = end;
  }
  return { title, text };
}

/** Numbering typed by hand at the start of a heading or item: 一、 （一） 1. 1、 （1） ⑴ 一是. */
const TYPED_NUMBER = /^\s*(?:[一二三四五六七八九十百]+[、．.]|[（(][一二三四五六七八九十百]+[）)]|\d{1,3}[.．、](?!\d)|[（(]\d{1,3}[）)]|[⑴-⒇①-⑳]|[一二三四五六七八九十]+是)\s*/u;

export function typedNumber(text: string): string | undefined {
  return TYPED_NUMBER.exec(text)?.[0];
}
