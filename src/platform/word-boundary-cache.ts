/**
 * The word boundaries of titles, kept in the user's cache folder between runs, so that a one-shot
 * command does not build ICU's word segmenter (~7 ms of a ~100 ms render) for a title it has seen
 * before: a clerk renders, checks and diffs the same document many times.
 *
 * An answer is ICU's own, for this Node's ICU and Unicode versions (the key): with another version
 * the file is ignored and rewritten. Entries that are not valid word starts of their text are
 * dropped, the file is read once and written once (at exit, only when something was added), and it
 * holds at most MAX_ENTRIES titles, the most recently used. Best effort throughout: without a usable
 * cache folder the answers come from ICU each time.
 */
import { join } from "node:path";
import { useWordBoundaryStore, validWordStarts, type WordBoundaryStore } from "../layout/word-boundaries.js";
import type { Host } from "./host.js";
import { cacheDir, readJson, writeJson } from "./user-cache.js";

const FILE_NAME = "word-boundaries.json";
const FORMAT = 1;
/** Titles remembered; a bureau's year of documents fits. */
export const MAX_ENTRIES = 500;
/** Longer texts are not titles; they are segmented each time rather than kept. */
export const MAX_TEXT_LENGTH = 200;

interface CacheFile {
  readonly format: number;
  readonly icu: string;
  /** [text, word starts], least recently used first. */
  readonly entries: readonly (readonly [string, readonly number[]])[];
}

/** What the boundaries depend on: Node's ICU library and its Unicode data. */
function icuKey(): string {
  return `icu ${process.versions.icu ?? "-"} unicode ${process.versions.unicode ?? "-"}`;
}

export function wordBoundaryCacheFile(host: Host): string {
  return join(cacheDir(host), FILE_NAME);
}

/** A store backed by the cache file; `flush` writes it if an answer was added. */
export function fileWordBoundaryStore(file: string): WordBoundaryStore & { flush(): void } {
  let entries: Map<string, readonly number[]> | undefined;
  let changed = false;
  const load = (): Map<string, readonly number[]> => {
    if (entries) return entries;
    entries = new Map();
    const cached = readJson<Partial<CacheFile>>(file);
    if (cached?.format === FORMAT && cached.icu === icuKey() && Array.isArray(cached.entries)) {
      for (const entry of cached.entries.slice(-MAX_ENTRIES)) {
        if (!Array.isArray(entry)) continue;
        const [text, starts] = entry as unknown[];
        if (typeof text === "string" && text.length <= MAX_TEXT_LENGTH && validWordStarts(text, starts)) entries.set(text, starts);
      }
    }
    return entries;
  };
  return {
    get(text) {
      if (text.length > MAX_TEXT_LENGTH) return undefined;
      const known = load();
      const starts = known.get(text);
      if (starts && known.size > 1) {
        // Most recently used last: the oldest go first when the file is full.
        known.delete(text);
        known.set(text, starts);
      }
      return starts;
    },
    set(text, starts) {
      if (text.length > MAX_TEXT_LENGTH) return;
      const known = load();
      known.set(text, starts);
      while (known.size > MAX_ENTRIES) known.delete(known.keys().next().value as string);
      changed = true;
    },
    flush() {
      if (!changed || !entries) return;
      changed = false;
      writeJson(file, { format: FORMAT, icu: icuKey(), entries: [...entries] } satisfies CacheFile);
    },
  };
}

/** Installs the cache for this process (the CLI's main thread); written when the process exits. */
export function useWordBoundaryCache(host: Host): void {
  const store = fileWordBoundaryStore(wordBoundaryCacheFile(host));
  useWordBoundaryStore(store);
  process.once("exit", () => store.flush());
}
