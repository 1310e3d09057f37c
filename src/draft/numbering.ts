/**
 * Word list numbering (numbering.xml) → the text Word draws before a paragraph: `一、`, `（一）`, `1.`.
 * Drafts often number their headings this way instead of typing the numbers; the recogniser must see
 * the same text a reader sees.
 */
import { child, elements, type XmlElement } from "../review/docx-xml.js";

interface Level {
  readonly start: number;
  readonly format: string;
  readonly text: string;
}

export class Numbering {
  private readonly levels = new Map<string, Map<number, Level>>();
  private readonly counters = new Map<string, number[]>();

  constructor(root: XmlElement | undefined) {
    if (!root) return;
    const abstract = new Map<string, XmlElement>();
    for (const el of elements(root)) if (el.name === "w:abstractNum") abstract.set(el.attrs["w:abstractNumId"] ?? "", el);
    for (const num of elements(root)) {
      if (num.name !== "w:num") continue;
      const id = num.attrs["w:numId"] ?? "";
      const definition = abstract.get(child(num, "w:abstractNumId")?.attrs["w:val"] ?? "");
      const levels = new Map<number, Level>();
      for (const lvl of definition ? elements(definition) : []) {
        if (lvl.name !== "w:lvl") continue;
        levels.set(Number(lvl.attrs["w:ilvl"] ?? 0), {
          start: Number(child(lvl, "w:start")?.attrs["w:val"] ?? 1),
          format: child(lvl, "w:numFmt")?.attrs["w:val"] ?? "decimal",
          text: child(lvl, "w:lvlText")?.attrs["w:val"] ?? "",
        });
      }
      for (const override of elements(num)) {
        if (override.name !== "w:lvlOverride") continue;
        const level = Number(override.attrs["w:ilvl"] ?? 0);
        const start = child(override, "w:startOverride")?.attrs["w:val"];
        const base = levels.get(level);
        if (base && start !== undefined) levels.set(level, { ...base, start: Number(start) });
      }
      this.levels.set(id, levels);
    }
  }

  /** The next number of list `numId` at `level`, advancing the counters as Word does. */
  next(numId: string, level: number): string | undefined {
    const levels = this.levels.get(numId);
    const definition = levels?.get(level);
    if (!levels || !definition) return undefined;
    const counters = this.counters.get(numId) ?? [];
    for (let l = 0; l <= level; l++) counters[l] ??= (levels.get(l)?.start ?? 1) - (l === level ? 1 : 0);
    counters[level] = (counters[level] ?? definition.start - 1) + 1;
    counters.length = level + 1;
    this.counters.set(numId, counters);
    if (definition.format === "none") return "";
    if (definition.format === "bullet") return definition.text;
    return definition.text.replace(/%(\d)/g, (_, n: string) => {
      const l = Number(n) - 1;
      return formatNumber(counters[l] ?? levels.get(l)?.start ?? 1, levels.get(l)?.format ?? "decimal");
    });
  }
}

const DIGITS = "〇一二三四五六七八九";

export function chineseNumber(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${units === 0 ? "" : DIGITS[units]}`;
}

function formatNumber(n: number, format: string): string {
  switch (format) {
    case "chineseCounting":
    case "chineseCountingThousand":
    case "japaneseCounting":
    case "ideographTraditional":
    case "taiwaneseCounting":
    case "chineseLegalSimplified":
      return chineseNumber(n);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
      return n >= 1 && n <= 20 ? String.fromCodePoint(0x2460 + n - 1) : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/\d/g, (d) => String.fromCodePoint(0xff10 + Number(d)));
    case "lowerLetter":
      return String.fromCharCode(96 + (((n - 1) % 26) + 1));
    case "upperLetter":
      return String.fromCharCode(64 + (((n - 1) % 26) + 1));
    case "lowerRoman":
      return roman(n).toLowerCase();
    case "upperRoman":
      return roman(n);
    case "decimalZero":
      return n < 10 ? `0${n}` : String(n);
    default:
      return String(n);
  }
}

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"], [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"]];
  let out = "";
  for (const [value, letters] of table) while (n >= value) { out += letters; n -= value; }
  return out;
}
