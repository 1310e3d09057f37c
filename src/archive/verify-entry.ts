import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { diagnostic, type Diagnostic } from "../errors.js";
import { ENTRY_BOOKKEEPING } from "./entry.js";
import { MANIFEST_FILE, parseManifest, sha256, sha256File } from "./hash.js";
import { documentFolderName, versionOfDirName } from "./layout.js";
import { METADATA_FILE, type EntryMetadata } from "./metadata.js";
import { readMetadataFile, type DocumentRecord } from "./scan.js";

/**
 * One version of one entry against its own record: files present with their SHA-256 and size, the
 * manifest agreeing with metadata.json and covering it, nothing else in the folder, the record naming the
 * place it is in, and a reissue chained to the version it replaced.
 */

export interface VersionReport {
  readonly dir: string;
  readonly year: string;
  readonly folder: string;
  readonly version: number;
  readonly docNumber?: string;
  readonly problems: readonly Diagnostic[];
}

export async function verifyVersion(record: DocumentRecord, version: number): Promise<{ report: VersionReport; files: number; bytes: number }> {
  const found = record.versions.find((v) => v.version === version);
  const dir = found?.dir ?? record.dir;
  const problems: Diagnostic[] = [];
  const at = (file: string) => join(dir, file);
  const problem = (file: string, zh: string, en: string, rule: string, severity: "error" | "warning" = "error") =>
    problems.push(diagnostic({ file: at(file), zh, en, rule, severity }));
  let files = 0;
  let bytes = 0;

  const { metadata, error, text } = await readMetadataFile(dir);
  if (error) problems.push(error);
  const manifest = await readManifest(dir);
  if (manifest === undefined) problem(MANIFEST_FILE, "缺少 manifest.sha256，此件不完整", "manifest.sha256 is missing; the entry is incomplete", "archive-missing");

  // Files: what the record names, or failing that what the manifest names.
  const listed = metadata?.files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes as number | undefined })) ??
    manifest?.lines.filter((l) => l.name !== METADATA_FILE).map((l) => ({ name: l.name, sha256: l.sha256, bytes: undefined as number | undefined })) ??
    [];
  for (const file of listed) {
    let size: number;
    try {
      const info = await stat(at(file.name));
      size = info.size;
      if (info.mode & 0o222) problem(file.name, "文件可写（应为只读）", "the file is writable (should be read-only)", "archive-writable", "warning");
    } catch {
      problem(file.name, `缺少文件：${file.name}`, `missing file: ${file.name}`, "archive-missing");
      continue;
    }
    const hash = await sha256File(at(file.name));
    files++;
    bytes += size;
    if (hash !== file.sha256 || (file.bytes !== undefined && size !== file.bytes)) {
      problem(file.name, `文件被改动（SHA-256 不符）：${file.name}`, `file altered (SHA-256 mismatch): ${file.name} (expected ${file.sha256.slice(0, 12)}…, found ${hash.slice(0, 12)}…)`, "archive-tampered");
    }
  }

  if (manifest) {
    for (const bad of manifest.bad) problem(MANIFEST_FILE, `manifest.sha256 有无法识别的行：${bad}`, `unreadable line in manifest.sha256: ${bad}`, "archive-tampered");
    if (text !== undefined) {
      const line = manifest.lines.find((l) => l.name === METADATA_FILE);
      if (!line) problem(MANIFEST_FILE, "manifest.sha256 未登记 metadata.json", "manifest.sha256 does not cover metadata.json", "archive-tampered");
      else if (line.sha256 !== sha256(text)) problem(METADATA_FILE, "metadata.json 被改动（与 manifest.sha256 不符）", "metadata.json altered (does not match manifest.sha256)", "archive-tampered");
    }
    if (metadata) {
      for (const file of metadata.files) {
        const line = manifest.lines.find((l) => l.name === file.name);
        if (!line || line.sha256 !== file.sha256) problem(MANIFEST_FILE, `manifest.sha256 与 metadata.json 对 ${file.name} 的记录不一致`, `manifest.sha256 and metadata.json disagree about ${file.name}`, "archive-tampered");
      }
      for (const line of manifest.lines) {
        if (line.name !== METADATA_FILE && !metadata.files.some((f) => f.name === line.name)) {
          problem(MANIFEST_FILE, `manifest.sha256 登记了 metadata.json 中没有的文件 ${line.name}`, `manifest.sha256 lists ${line.name}, which metadata.json does not`, "archive-tampered");
        }
      }
    }
  }

  // Anything else in the folder was put there after the fact.
  const expected = new Set<string>([...ENTRY_BOOKKEEPING, ...listed.map((f) => f.name)]);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (expected.has(entry.name)) continue;
    if (version === 1 && entry.isDirectory() && versionOfDirName(entry.name) !== undefined) continue;
    problem(entry.name, `多出的${entry.isDirectory() ? "文件夹" : "文件"}：${entry.name}`, `unexpected ${entry.isDirectory() ? "folder" : "file"}: ${entry.name}`, "archive-unexpected");
  }

  if (metadata) problems.push(...(await consistencyProblems(record, version, dir, metadata)));
  return { report: { dir, year: record.year, folder: record.folder, version, docNumber: metadata?.发文字号, problems }, files, bytes };
}

async function readManifest(dir: string) {
  try {
    return parseManifest(await readFile(join(dir, MANIFEST_FILE), "utf8"));
  } catch {
    return undefined;
  }
}

/** The record must describe the place it is in: a copied or moved entry would otherwise pass. */
async function consistencyProblems(record: DocumentRecord, version: number, dir: string, metadata: EntryMetadata): Promise<Diagnostic[]> {
  const out: Diagnostic[] = [];
  const file = join(dir, METADATA_FILE);
  const add = (zh: string, en: string) => out.push(diagnostic({ file, zh, en, rule: "archive-metadata" }));
  if (documentFolderName(metadata.发文字号) !== record.folder) add(`记录的发文字号 ${metadata.发文字号} 与文件夹 ${record.folder} 不符`, `the recorded number ${metadata.发文字号} does not match the folder ${record.folder}`);
  if (String(metadata.年度) !== record.year) add(`记录的年度 ${metadata.年度} 与文件夹 ${record.year} 不符`, `the recorded year ${metadata.年度} does not match the folder ${record.year}`);
  if (metadata.version !== version) add(`记录的版本 ${metadata.version} 与所在位置（第 ${version} 版）不符`, `the recorded version ${metadata.version} does not match its place (version ${version})`);
  if (version > 1) {
    const previous = record.versions.find((v) => v.version === version - 1);
    if (!metadata.replaces || metadata.replaces.version !== version - 1) {
      add(`第 ${version} 版未记录它替换的第 ${version - 1} 版`, `version ${version} does not record replacing version ${version - 1}`);
    } else if (previous) {
      const previousText = await readFile(join(previous.dir, METADATA_FILE), "utf8").catch(() => undefined);
      if (previousText !== undefined && sha256(previousText) !== metadata.replaces.metadataSha256) {
        add(`第 ${version - 1} 版的 metadata.json 与第 ${version} 版的记录不符（被替换或改动）`, `version ${version - 1}'s metadata.json does not match what version ${version} recorded (replaced or altered)`);
      }
    }
  } else if (metadata.replaces) {
    add("第 1 版不应有 replaces", "version 1 must not have replaces");
  }
  const numbers = record.versions.map((v) => v.version);
  if (version === 1 && numbers.some((n, i) => n !== i + 1)) add(`版本不连续：${numbers.map((n) => `v${n}`).join(", ")}`, `versions are not consecutive: ${numbers.map((n) => `v${n}`).join(", ")}`);
  return out;
}
