import { strFromU8 } from "fflate";
import { readZipParts } from "../package/read-zip.js";
import { diagnostic, type Diagnostic } from "../errors.js";
import type { PdfProperties } from "./pdfa.js";

/**
 * The .docx's own document properties (docProps/core.xml and custom.xml), read from the archived bytes:
 * the archive promises both files say the same title, 发文机关 and 发文字号 as metadata.json.
 */

export interface DocxProperties extends PdfProperties {
  /** GB/T 33480 custom properties (发文字号, 发文机关, 标题, 成文日期, …). */
  readonly custom: Readonly<Record<string, string>>;
}

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const decode = (text: string) =>
  text.replace(/&(#x[\da-f]+|#\d+|\w+);/gi, (whole, body: string) =>
    body[0] === "#" ? String.fromCodePoint(body[1]?.toLowerCase() === "x" ? parseInt(body.slice(2), 16) : Number(body.slice(1))) : (ENTITIES[body] ?? whole),
  );

function element(xml: string, name: string): string {
  const match = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  return match?.[1] !== undefined ? decode(match[1]) : "";
}

export function readDocxProperties(bytes: Uint8Array): DocxProperties {
  const files = Object.fromEntries(readZipParts(bytes, "document.docx", (name) => name === "docProps/core.xml" || name === "docProps/custom.xml"));
  const core = files["docProps/core.xml"] ? strFromU8(files["docProps/core.xml"]) : "";
  const customXml = files["docProps/custom.xml"] ? strFromU8(files["docProps/custom.xml"]) : "";
  const custom: Record<string, string> = {};
  for (const match of customXml.matchAll(/<property\b[^>]*\bname="([^"]*)"[^>]*>\s*<vt:\w+>([\s\S]*?)<\/vt:\w+>/g)) {
    if (match[1] !== undefined && match[2] !== undefined) custom[decode(match[1])] = decode(match[2]);
  }
  return {
    title: element(core, "dc:title"),
    author: element(core, "dc:creator"),
    subject: element(core, "dc:subject"),
    keywords: element(core, "cp:keywords"),
    custom,
  };
}

export function checkDocxProperties(bytes: Uint8Array, expected: PdfProperties, file: string): Diagnostic[] {
  const found = readDocxProperties(bytes);
  const problems: Diagnostic[] = [];
  for (const key of ["title", "author", "subject", "keywords"] as const) {
    if (found[key] !== expected[key]) {
      problems.push(
        diagnostic({
          file,
          zh: `.docx 文档属性 ${key} 为“${found[key]}”，应为“${expected[key]}”`,
          en: `.docx document property ${key} is "${found[key]}", expected "${expected[key]}"`,
          rule: "archive-docx-metadata",
        }),
      );
    }
  }
  if (found.custom["发文字号"] !== expected.subject) {
    problems.push(diagnostic({ file, zh: ".docx 自定义属性“发文字号”与文号不符", en: "the .docx custom property 发文字号 does not match", rule: "archive-docx-metadata" }));
  }
  return problems;
}
