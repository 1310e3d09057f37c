/**
 * The .docx package around the main document the redline rewrites: parts found through
 * relationships (never by assumed names: Word Online writes `word/document2.xml`), and a re-zip
 * that depends on the bytes only — the one zip writer of every package (src/render/docx/zip.ts, one
 * fixed DOS date, never local time) — so the same drafts give the same redline file in every time zone.
 */
import { diagnostic, GongwenError } from "../errors.js";
import { readZipParts } from "../package/read-zip.js";
import { isXmlLimitError } from "../package/xml-guard.js";
import { zipEntries } from "../render/docx/zip.js";
import { elements, parseXml } from "./docx-xml.js";
import { resolvePartName } from "./part-name.js";

export interface DocxPackage {
  /** Every part, in the order of the original archive. */
  readonly parts: Map<string, Uint8Array>;
  readonly mainPart: string;
  /** Style ids defined in the styles part, to drop references a copied paragraph cannot resolve. */
  readonly styleIds: ReadonlySet<string>;
}

function damaged(fileName: string | undefined, zh: string, en: string): GongwenError {
  return new GongwenError([diagnostic({ ...(fileName ? { file: fileName } : {}), zh, en, rule: "docx-damaged" })]);
}

export function openPackage(bytes: Uint8Array, fileName?: string): DocxPackage {
  // Every part is carried into the redline, so every part is read — within the package limits.
  const parts = readZipParts(bytes, fileName ?? "", () => true);
  const relationships = (source: string) => {
    const slash = source.lastIndexOf("/");
    const dir = source.slice(0, slash + 1);
    const data = parts.get(`${dir}_rels/${source.slice(slash + 1)}.rels`);
    if (!data) return [];
    let root;
    try {
      root = parseXml(new TextDecoder().decode(data), `${dir}_rels/${source.slice(slash + 1)}.rels`);
    } catch (e) {
      if (isXmlLimitError(e)) throw damaged(fileName, e.zh, e.en);
      throw damaged(fileName, `关系部件不是格式正确的 XML：${(e as Error).message}`, `a relationships part is not well-formed XML: ${(e as Error).message}`);
    }
    return elements(root).flatMap((rel) => {
      const { Type: type, Target: target, TargetMode: mode } = rel.attrs;
      if (rel.name !== "Relationship" || !type || target === undefined || mode === "External") return [];
      return [{ kind: type.slice(type.lastIndexOf("/") + 1), path: resolvePartName(dir, target) }];
    });
  };
  const mainPart = relationships("").find((r) => r.kind === "officeDocument")?.path;
  if (mainPart === undefined || !parts.has(mainPart)) {
    throw damaged(fileName, "压缩包中没有主文档", "the archive has no main document");
  }
  const stylesPart = relationships(mainPart).find((r) => r.kind === "styles")?.path;
  const styles = stylesPart ? parts.get(stylesPart) : undefined;
  const styleIds = new Set<string>();
  if (styles) for (const m of new TextDecoder().decode(styles).matchAll(/:styleId="([^"]*)"/g)) styleIds.add(m[1]!);
  return { parts, mainPart, styleIds };
}


export function repack(parts: ReadonlyMap<string, Uint8Array>): Uint8Array {
  return zipEntries([...parts].map(([name, data]) => ({ name, data })));
}
