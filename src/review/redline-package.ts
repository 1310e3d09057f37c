/**
 * The .docx package around the main document the redline rewrites: parts found through
 * relationships (never by assumed names: Word Online writes `word/document2.xml`), and a re-zip
 * that depends on the bytes only, like src/render/docx/package.ts, so the same drafts always give
 * the same redline file.
 */
import { unzipSync, zipSync, type Zippable } from "fflate";
import { diagnostic, GongwenError } from "../errors.js";
import { ELEMENT_STYLES } from "../layout/element-styles.js";
import { child, elements, parseXml } from "./docx-xml.js";
import { resolvePartName } from "./part-name.js";

export interface DocxPackage {
  /** Every part, in the order of the original archive. */
  readonly parts: Map<string, Uint8Array>;
  readonly mainPart: string;
  /** Style ids defined in the styles part, to drop references a copied paragraph cannot resolve. */
  readonly styleIds: ReadonlySet<string>;
  /** Style ids of this tool's 正文 continuation (found by name: editors rename ids when they save). */
  readonly continuedStyleIds: ReadonlySet<string>;
}

/** The earliest time a zip entry can carry, as in render/docx/package.ts. */
const ZIP_TIME = new Date(Date.UTC(1980, 0, 1, 0, 0, 0));

function damaged(fileName: string | undefined, zh: string, en: string): GongwenError {
  return new GongwenError([diagnostic({ ...(fileName ? { file: fileName } : {}), zh, en, rule: "docx-damaged" })]);
}

export function openPackage(bytes: Uint8Array, fileName?: string): DocxPackage {
  let parts: Map<string, Uint8Array>;
  try {
    parts = new Map(Object.entries(unzipSync(bytes)));
  } catch (e) {
    throw damaged(fileName, `zip 压缩包已损坏：${(e as Error).message}`, `the zip archive is damaged: ${(e as Error).message}`);
  }
  const relationships = (source: string) => {
    const slash = source.lastIndexOf("/");
    const dir = source.slice(0, slash + 1);
    const data = parts.get(`${dir}_rels/${source.slice(slash + 1)}.rels`);
    if (!data) return [];
    return elements(parseXml(new TextDecoder().decode(data), source)).flatMap((rel) => {
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
  const continuedStyleIds = new Set<string>([ELEMENT_STYLES.bodyContinued.id]);
  if (styles && stylesPart) {
    const root = parseXml(new TextDecoder().decode(styles), stylesPart);
    for (const style of elements(root)) {
      const id = style.attrs["w:styleId"];
      if (style.name !== "w:style" || id === undefined) continue;
      styleIds.add(id);
      if (child(style, "w:name")?.attrs["w:val"] === ELEMENT_STYLES.bodyContinued.name) continuedStyleIds.add(id);
    }
  }
  return { parts, mainPart, styleIds, continuedStyleIds };
}


export function repack(parts: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const files: Zippable = {};
  for (const [name, data] of parts) files[name] = [data, { mtime: ZIP_TIME }];
  return zipSync(files, { level: 6, mtime: ZIP_TIME });
}
