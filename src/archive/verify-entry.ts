import { lstat, readdir } from "node:fs/promises";
import { join } from "node:path";
import { diagnostic, type Diagnostic } from "../errors.js";
import { ENTRY_BOOKKEEPING } from "./entry.js";
import { formatManifest, MANIFEST_FILE, parseManifest, sha256, sha256File } from "./hash.js";
import { MAX_MANIFEST_BYTES, MAX_METADATA_BYTES } from "./limits.js";
import { readSmallFile } from "./small-file.js";
import { canonicalDocNumber, documentFolderName, versionOfDirName } from "./layout.js";
import { METADATA_FILE, type EntryMetadata } from "./metadata.js";
import { readMetadataFile, smallFileTrouble, type DocumentRecord } from "./scan.js";

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
  /** SHA-256 of metadata.json and manifest.sha256 as found, for the comparison with the register. */
  readonly metadataSha256?: string;
  readonly manifestSha256?: string;
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
  const manifestRead = await readSmallFile(at(MANIFEST_FILE), MAX_MANIFEST_BYTES);
  const manifestText = manifestRead.kind === "text" ? manifestRead.text : undefined;
  const manifest = manifestText !== undefined ? parseManifest(manifestText) : undefined;
  if (manifestRead.kind !== "text") {
    const trouble = smallFileTrouble(MANIFEST_FILE, manifestRead);
    problem(MANIFEST_FILE, trouble.zh, trouble.en, trouble.rule);
  }

  // Files: what the record names, or failing that what the manifest names.
  const listed = metadata?.files.map((f) => ({ name: f.name, sha256: f.sha256, bytes: f.bytes as number | undefined })) ??
    manifest?.lines.filter((l) => l.name !== METADATA_FILE).map((l) => ({ name: l.name, sha256: l.sha256, bytes: undefined as number | undefined })) ??
    [];
  for (const file of listed) {
    let size: number;
    try {
      const info = await lstat(at(file.name));
      size = info.size;
      // Hashing follows links: a link to an intact copy elsewhere would pass, and the copy is not in the archive.
      if (info.isSymbolicLink()) {
        problem(file.name, `${file.name} 是符号链接，不是文件（档案条目中的文件不得指向别处）`, `${file.name} is a symbolic link, not a file (an entry's files must not point elsewhere)`, "archive-symlink");
        continue;
      }
      if (!info.isFile()) {
        problem(file.name, `${file.name} 不是普通文件`, `${file.name} is not a regular file`, "archive-tampered");
        continue;
      }
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
    const before = problems.length;
    for (const bad of manifest.bad) problem(MANIFEST_FILE, `manifest.sha256 有无法识别的行：${bad}`, `unreadable line in manifest.sha256: ${bad}`, "archive-tampered");
    if (text !== undefined) {
      const line = manifest.lines.find((l) => l.name === METADATA_FILE);
      if (!line) problem(MANIFEST_FILE, "manifest.sha256 未登记 metadata.json", "manifest.sha256 does not cover metadata.json", "archive-tampered");
      else if (line.sha256 !== sha256(text)) problem(METADATA_FILE, "metadata.json 被改动（与 manifest.sha256 不符）", "metadata.json altered (does not match manifest.sha256)", "archive-tampered");
    }
    const names = manifest.lines.map((l) => l.name);
    for (const name of new Set(names.filter((n, i) => names.indexOf(n) !== i))) {
      problem(MANIFEST_FILE, `manifest.sha256 重复登记了 ${name}`, `manifest.sha256 lists ${name} more than once`, "archive-tampered");
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
    if (problems.length === before && metadata && text !== undefined && manifestText !== undefined) {
      // Byte for byte what issue writes: any other spelling (CRLF, '*' binary marks, reordered or repeated
      // lines, a missing line end, escaped names) is not what was sealed, even where sha256sum -c accepts it.
      const canonical = formatManifest([...metadata.files.map((f) => ({ name: f.name, sha256: f.sha256 })), { name: METADATA_FILE, sha256: sha256(text) }]);
      if (manifestText !== canonical) problem(MANIFEST_FILE, "manifest.sha256 的写法与签发时写入的不同（行序、空白、换行或标记被改动）", "manifest.sha256 is not written as issue writes it (order, spacing, line ends or marks changed)", "archive-tampered");
    }
  }

  // Anything else in the folder was put there after the fact.
  const expected = new Set<string>([...ENTRY_BOOKKEEPING, ...listed.map((f) => f.name)]);
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    if (entry.isSymbolicLink() && !expected.has(entry.name)) {
      problem(entry.name, `多出的符号链接：${entry.name}`, `unexpected symbolic link: ${entry.name}`, "archive-symlink");
      continue;
    }
    if (expected.has(entry.name)) continue;
    if (version === 1 && entry.isDirectory() && versionOfDirName(entry.name) !== undefined) continue;
    const hidden = entry.name.startsWith(".") ? "隐藏的" : "";
    problem(entry.name, `多出的${hidden}${entry.isDirectory() ? "文件夹" : "文件"}：${entry.name}`, `unexpected ${hidden ? "hidden " : ""}${entry.isDirectory() ? "folder" : "file"}: ${entry.name}`, "archive-unexpected");
  }

  if (metadata) problems.push(...(await consistencyProblems(record, version, dir, metadata)));
  if (metadata && canonicalDocNumber(metadata.发文字号) !== metadata.发文字号) {
    problems.push(diagnostic({ file: at(METADATA_FILE), zh: `记录的发文字号 ${metadata.发文字号} 含兼容汉字或部首，不是标准写法`, en: `the recorded number ${metadata.发文字号} contains compatibility ideographs or radicals`, rule: "archive-collision" }));
  }
  const metadataSha256 = text !== undefined ? sha256(text) : undefined;
  const manifestSha256 = manifestText !== undefined ? sha256(manifestText) : undefined;
  return { report: { dir, year: record.year, folder: record.folder, version, docNumber: metadata?.发文字号, problems, metadataSha256, manifestSha256 }, files, bytes };
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
      const read = await readSmallFile(join(previous.dir, METADATA_FILE), MAX_METADATA_BYTES);
      const previousText = read.kind === "text" ? read.text : undefined;
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
