import { diagnostic, GongwenError } from "../errors.js";
import { withArchiveLock } from "./lock.js";
import { appendRegister, readRegister, registerPath } from "./register.js";
import { isoWithOffset } from "./time.js";
import { verifyArchive } from "./verify.js";

/**
 * `gongwen archive adopt`: gives an archive made before registers existed its register, from what it holds
 * now, and only if that verifies: each entry's files against its metadata.json and manifest, the 件号
 * without holes, nothing stray. A damaged archive is refused (the register would vouch for the damage);
 * the archivist settles the findings first. Entries are not touched: their metadata.json stays as issued.
 */

export interface AdoptOutcome {
  readonly documents: number;
  readonly versions: number;
  readonly head: string;
  readonly file: string;
}

export async function adoptArchive(root: string, now: () => Date = () => new Date()): Promise<AdoptOutcome> {
  return withArchiveLock(root, async () => {
    const existing = await readRegister(root);
    if (existing) {
      throw new GongwenError(
        [
          diagnostic({
            file: existing.file,
            zh: "档案库已有登记簿，无需再建立（登记簿只能追加，不能重建）",
            en: "the archive already has a register; nothing to adopt (a register is only ever appended to, never rebuilt)",
            rule: "archive-usage",
          }),
        ],
        64,
      );
    }
    const report = await verifyArchive(root);
    // An archive with nothing in it yet may adopt an empty register: its first issue would start one anyway.
    const problems = report.problems.filter((p) => p.rule !== "archive-empty");
    if (problems.length > 0) {
      throw new GongwenError(
        [
          ...problems,
          diagnostic({
            file: registerPath(root),
            zh: `档案库校验发现 ${problems.length} 个问题，未建立登记簿：登记簿只为完好的内容作证。请先处理上列问题`,
            en: `verify found ${problems.length} problem(s); no register written: a register vouches only for intact contents. Settle the findings above first`,
            rule: "archive-adopt-refused",
          }),
        ],
        6,
      );
    }
    const versions = [...report.versions].sort((a, b) => a.year.localeCompare(b.year) || (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0) || a.version - b.version);
    const { scanArchive } = await import("./scan.js");
    const metadataOf = new Map<string, { 件号: string; docNumber: string }>();
    for (const record of await scanArchive(root)) {
      for (const v of record.versions) if (v.metadata) metadataOf.set(`${record.year}/${record.folder}/${v.version}`, { 件号: v.metadata.件号, docNumber: v.metadata.发文字号 });
    }
    const lines = versions.map((v) => {
      const meta = metadataOf.get(`${v.year}/${v.folder}/${v.version}`);
      if (!meta || v.metadataSha256 === undefined || v.manifestSha256 === undefined) throw new Error(`adopt: ${v.dir} verified without its metadata`);
      return { year: v.year, folder: v.folder, docNumber: meta.docNumber, version: v.version, itemNumber: meta.件号, metadataSha256: v.metadataSha256, manifestSha256: v.manifestSha256 };
    });
    const { head } = await appendRegister(root, undefined, lines, { event: "adopt", at: isoWithOffset(now()) });
    return { documents: report.documents, versions: lines.length, head, file: registerPath(root) };
  });
}
