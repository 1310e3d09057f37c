import { join } from "node:path";
import { diagnostic, type Diagnostic } from "../errors.js";
import { documentDir, versionDir } from "./layout.js";
import { findPending } from "./pending.js";
import { CONFIG_FILE } from "./config.js";
import { registerPath, type Register, type RegisteredVersion } from "./register.js";
import { pathExists, type DocumentRecord } from "./scan.js";
import type { VersionReport } from "./verify-entry.js";
import type { VerifyScope } from "./verify.js";

/**
 * The archive against its register: every registered version in its place with the metadata.json and
 * manifest it was registered with, and nothing in place that was never registered. This is what notices a
 * deleted entry, a deleted `v2/`, a deleted year, an emptied archive, and an entry rewritten consistently
 * (files, metadata.json and manifest all agreeing with each other but not with the register).
 */

/** How many numbers one message names before it says "and N more". */
const NAMED = 5;

export async function registerProblems(
  root: string,
  register: Register | undefined,
  scope: VerifyScope,
  records: readonly DocumentRecord[],
  reports: readonly VersionReport[],
): Promise<{ problems: Diagnostic[]; warnings: Diagnostic[] }> {
  if (!register) return withoutRegister(root, scope, records);
  const problems: Diagnostic[] = [...register.problems];
  const warnings: Diagnostic[] = [];
  if (scope.head !== undefined && !register.lineHashes.includes(scope.head.toLowerCase())) {
    problems.push(
      diagnostic({
        file: register.file,
        zh: `登记簿中没有哈希为 ${scope.head} 的行：登记簿在记下该值之后被改写（不只是追加）`,
        en: `the register has no line hashing to ${scope.head}: it was rewritten (not only appended to) since that value was noted`,
        rule: "archive-register",
      }),
    );
  }

  const inScope = (year: string, folder: string) => (scope.year === undefined || scope.year === year) && (scope.folder === undefined || scope.folder === folder);
  const found = new Map<string, VersionReport>();
  for (const report of reports) found.set(versionKey(report.year, report.folder, report.version), report);
  const registered = new Map<string, RegisteredVersion>();
  const missing: RegisteredVersion[] = [];
  for (const line of register.versions) {
    if (!inScope(line.year, line.folder)) continue;
    const key = versionKey(line.year, line.folder, line.version);
    if (registered.has(key)) {
      problems.push(diagnostic({ file: register.file, line: line.seq + 1, zh: `登记簿重复登记了 ${line.docNumber} 第 ${line.version} 版`, en: `the register lists ${line.docNumber} version ${line.version} twice`, rule: "archive-register" }));
      continue;
    }
    registered.set(key, line);
    const report = found.get(key);
    if (!report) {
      missing.push(line);
      continue;
    }
    const dir = report.dir;
    // An entry already caught disagreeing with itself is reported once, by that finding.
    if (report.problems.some((p) => p.rule === "archive-tampered" && /metadata\.json|manifest\.sha256$/.test(p.file ?? ""))) continue;
    if (report.metadataSha256 !== undefined && report.metadataSha256 !== line.metadataSha256) {
      problems.push(
        diagnostic({
          file: join(dir, "metadata.json"),
          zh: `metadata.json 与登记簿第 ${line.seq + 1} 行记录的不符：此件在登记后被改写（文件、metadata.json 和 manifest 即便彼此一致也不算数）`,
          en: `metadata.json does not match line ${line.seq + 1} of the register: the entry was rewritten after it was registered (files, metadata.json and manifest agreeing with each other does not count)`,
          rule: "archive-register-mismatch",
        }),
      );
    } else if (report.manifestSha256 !== undefined && report.manifestSha256 !== line.manifestSha256) {
      problems.push(
        diagnostic({
          file: join(dir, "manifest.sha256"),
          zh: `manifest.sha256 与登记簿第 ${line.seq + 1} 行记录的不符`,
          en: `manifest.sha256 does not match line ${line.seq + 1} of the register`,
          rule: "archive-register-mismatch",
        }),
      );
    }
  }

  for (const report of reports) {
    if (registered.has(versionKey(report.year, report.folder, report.version))) continue;
    problems.push(
      diagnostic({
        file: report.dir,
        zh: `未登记的${report.version === 1 ? "条目" : `第 ${report.version} 版`}：登记簿中没有 ${report.docNumber ?? report.folder}${report.version === 1 ? "" : ` 第 ${report.version} 版`}（登记簿之外放入的）`,
        en: `unregistered ${report.version === 1 ? "entry" : `version ${report.version}`}: the register has no ${report.docNumber ?? report.folder}${report.version === 1 ? "" : ` version ${report.version}`} (put in outside the register)`,
        rule: "archive-unregistered",
      }),
    );
  }

  // An interrupted commit (register written, rename not yet done) is completed by the next issue.
  const pending = await findPending(root, missing);
  for (const p of pending) {
    warnings.push(
      diagnostic({
        severity: "warning",
        file: p.target,
        zh: `${p.line.docNumber} 第 ${p.line.version} 版的签发被中断：已登记，完整的条目还在临时文件夹 ${p.sealed} 中，下次签发时自动放入`,
        en: `the issue of ${p.line.docNumber} version ${p.line.version} was interrupted: registered, and the complete entry waits in ${p.sealed}; the next issue puts it in place`,
        rule: "archive-pending",
      }),
    );
  }
  const lost: RegisteredVersion[] = [];
  for (const line of missing) {
    if (pending.some((p) => p.line === line)) continue;
    // Committed while this verify ran (after its scan): there now, so not lost; the next verify checks it.
    if (await pathExists(join(versionDir(documentDir(root, line.year, line.folder), line.version), "manifest.sha256"))) continue;
    lost.push(line);
  }
  problems.push(...(await missingProblems(root, lost)));
  return { problems, warnings };
}

const versionKey = (year: string, folder: string, version: number) => `${year}/${folder}/${version}`;

/** Missing registered versions, said the way they went: a whole year, a whole entry, or one version. */
async function missingProblems(root: string, lost: readonly RegisteredVersion[]): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const byYear = new Map<string, RegisteredVersion[]>();
  for (const line of lost) byYear.set(line.year, [...(byYear.get(line.year) ?? []), line]);
  for (const [year, lines] of byYear) {
    if (!(await pathExists(join(root, year)))) {
      const numbers = [...new Set(lines.map((l) => l.docNumber))];
      const named = numbers.slice(0, NAMED).join("、") + (numbers.length > NAMED ? ` 等 ${numbers.length} 件` : "");
      out.push(
        diagnostic({
          file: join(root, year),
          zh: `整个 ${year} 年度文件夹缺失：登记在册的 ${numbers.length} 件（${named}）都不在了`,
          en: `the whole ${year} folder is missing: all ${numbers.length} registered document(s) of the year are gone (${numbers.slice(0, NAMED).join(", ")}${numbers.length > NAMED ? ", …" : ""})`,
          rule: "archive-missing",
        }),
      );
      continue;
    }
    const byFolder = new Map<string, RegisteredVersion[]>();
    for (const line of lines) byFolder.set(line.folder, [...(byFolder.get(line.folder) ?? []), line]);
    for (const [folder, versions] of byFolder) {
      const dir = documentDir(root, year, folder);
      const first = versions[0];
      if (!first) continue;
      if (versions.some((v) => v.version === 1)) {
        out.push(
          diagnostic({
            file: dir,
            zh: `登记在册的 ${first.docNumber}（件号 ${first.itemNumber}）不在档案库中：整件被删除或移走`,
            en: `the registered ${first.docNumber} (item ${first.itemNumber}) is not in the archive: the entry was deleted or moved away`,
            rule: "archive-missing",
          }),
        );
        continue;
      }
      for (const line of versions) {
        out.push(
          diagnostic({
            file: versionDir(dir, line.version),
            zh: `${line.docNumber} 登记在册的第 ${line.version} 版不在档案库中（被删除或移走）；现存的较早版本是被它替换的旧版，不是现行版本`,
            en: `${line.docNumber}: registered version ${line.version} is not in the archive (deleted or moved away); the earlier version still present is the one it replaced, not the version in force`,
            rule: "archive-missing",
          }),
        );
      }
    }
  }
  return out;
}

/**
 * No register.jsonl. An archive made before registers existed keeps working: verify checks every entry as
 * before and says, as a warning, what it cannot check and how to adopt a register. But a register deleted
 * from an archive that had one, and a folder with no archive in it at all, are errors, never 「全部完好」.
 */
async function withoutRegister(root: string, scope: VerifyScope, records: readonly DocumentRecord[]): Promise<{ problems: Diagnostic[]; warnings: Diagnostic[] }> {
  const file = registerPath(root);
  if (scope.head !== undefined || records.some((record) => record.versions.some((v) => v.metadata?.registerSeq !== undefined))) {
    return {
      problems: [
        diagnostic({
          file,
          zh: `登记簿 register.jsonl 缺失：${scope.head !== undefined ? "给出了 --head" : "条目记录了登记序号"}，说明此档案库有过登记簿（被删除或移走）`,
          en: `the register (register.jsonl) is missing: ${scope.head !== undefined ? "--head was given" : "entries carry register numbers"}, so this archive had one (deleted or moved away)`,
          rule: "archive-register-missing",
        }),
      ],
      warnings: [],
    };
  }
  if (records.length === 0 && scope.year === undefined && scope.folder === undefined && !(await pathExists(join(root, CONFIG_FILE)))) {
    return {
      problems: [
        diagnostic({
          file: root,
          zh: "这里没有档案：既没有登记簿，也没有任何条目（档案库是空的、被整个删除，或指错了位置）",
          en: "no archive here: no register and no entries (the archive is empty, was deleted as a whole, or the wrong folder was given)",
          rule: "archive-empty",
        }),
      ],
      warnings: [],
    };
  }
  if (records.length === 0 && scope.year === undefined && scope.folder === undefined) {
    return {
      problems: [],
      warnings: [diagnostic({ severity: "warning", file: root, zh: "档案库中还没有任何条目（首次签发时建立登记簿）", en: "the archive holds no entry yet (its first issue starts the register)", rule: "archive-no-entries" })],
    };
  }
  return {
    problems: [],
    warnings: [
      diagnostic({
        severity: "warning",
        file,
        zh: "此档案库建于登记簿之前，没有 register.jsonl：各条目已逐一校验，但无法发现整件、整个版本（v2/ 等）或整个年度被删除。运行 gongwen archive adopt 由当前内容（先经校验）建立登记簿",
        en: "this archive predates the register (no register.jsonl): each entry was checked, but a deleted entry, version (v2/ …) or year cannot be noticed. Run gongwen archive adopt to register the current, verified contents",
        rule: "archive-no-register",
      }),
    ],
  };
}
