/**
 * Linux fonts through fontconfig, which is what LibreOffice asks there: the families installed
 * (`fc-list`), and the face a name resolves to under a given configuration (`fc-match`), such as the
 * project's fonts/fonts.conf that previews use.
 */
import { spawnSync } from "node:child_process";
import type { Host } from "../host.js";
import { FontInventory, type InstalledFace } from "./inventory.js";

export interface MatchedFace {
  readonly family: string;
  readonly style: string;
  readonly file: string;
  /** fontconfig's language coverage, e.g. `zh-cn`, `en`. */
  readonly languages: ReadonlySet<string>;
}

const TIMEOUT_MS = 20_000;

function run(host: Host, tool: string, args: readonly string[], configFile?: string): string | undefined {
  const env = { ...host.env, ...(configFile ? { FONTCONFIG_FILE: configFile } : {}) };
  const result = spawnSync(tool, args, { env, encoding: "utf8", timeout: TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 });
  return result.status === 0 ? result.stdout : undefined;
}

/** fontconfig escapes commas inside a family name as `\,` in its comma-separated lists. */
function splitList(value: string): string[] {
  return value
    .split(/(?<!\\),/u)
    .map((item) => item.replace(/\\(.)/gu, "$1").trim())
    .filter((item) => item !== "");
}

/** Every installed family, in every language fontconfig knows it by; undefined without fontconfig. */
export function fontconfigInventory(host: Host, configFile?: string): FontInventory | undefined {
  const out = run(host, "fc-list", ["--format", "%{family}\t%{file}\n"], configFile);
  if (out === undefined) return undefined;
  const entries: InstalledFace[] = [];
  for (const line of out.split("\n")) {
    const tab = line.lastIndexOf("\t");
    if (tab < 0) continue;
    const file = line.slice(tab + 1);
    for (const family of splitList(line.slice(0, tab))) entries.push({ family, file });
  }
  return new FontInventory(entries);
}

/** The face fontconfig picks for `name` under `configFile` (the user's own configuration when omitted). */
export function fontconfigMatch(host: Host, name: string, configFile?: string): MatchedFace | undefined {
  // `name` goes in as a pattern; a family name with a colon, dash or comma must be escaped in one.
  const pattern = name.replace(/([\\:,-])/gu, "\\$1");
  const out = run(host, "fc-match", ["--format", "%{family[0]}\t%{style[0]}\t%{file}\t%{lang}", pattern], configFile);
  if (!out) return undefined;
  const [family = "", style = "", file = "", languages = ""] = out.split("\t");
  return family ? { family, style, file, languages: new Set(languages.split("|")) } : undefined;
}
