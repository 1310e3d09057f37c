import { realpathSync } from "node:fs";
import { lstat, readdir, realpath } from "node:fs/promises";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";

/**
 * The one folder the editor serves and writes: every path a request names is relative to it and must
 * stay inside it, by its name (no `..`, no absolute path) and by where it really is (no symbolic link
 * leading out). A path that does not exist yet (a new file) is judged by its real parent folder.
 */
export class Folder {
  readonly root: string;

  constructor(path: string) {
    this.root = realpathSync(resolve(path));
  }

  private inside(path: string): boolean {
    const rel = relative(this.root, path);
    return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
  }

  /** The real path of `name` inside the folder, or undefined when the name or its target leads out. */
  async resolve(name: unknown): Promise<string | undefined> {
    if (typeof name !== "string" || name === "" || name.length > 1000 || name.includes("\0")) return undefined;
    if (isAbsolute(name) || name.split(/[\\/]/u).some((part) => part === "..")) return undefined;
    const candidate = resolve(this.root, name);
    if (!this.inside(candidate)) return undefined;
    try {
      const real = await realpath(candidate);
      return this.inside(real) ? real : undefined;
    } catch {
      // Not there yet: its folder must be, and be inside.
      try {
        const parent = await realpath(dirname(candidate));
        if (!this.inside(parent)) return undefined;
        const target = join(parent, relative(dirname(candidate), candidate));
        // A dangling symbolic link at the name would be followed by the write.
        const link = await lstat(target).catch(() => undefined);
        return link?.isSymbolicLink() ? undefined : target;
      } catch {
        return undefined;
      }
    }
  }

  /** The name of a path inside the folder, with forward slashes. */
  nameOf(path: string): string {
    return relative(this.root, path).split(sep).join("/");
  }

  /** The YAML data files in the folder and its subfolders (a few levels; links not followed). */
  dataFiles(limit = 500): Promise<string[]> {
    return this.filesMatching(/\.ya?ml$/iu, limit);
  }

  /** The Word drafts (.docx) in the folder, found the same way; Word's `~$` lock files left out. */
  wordDrafts(limit = 500): Promise<string[]> {
    return this.filesMatching(/^(?!~\$).*\.docx$/iu, limit);
  }

  private async filesMatching(pattern: RegExp, limit: number): Promise<string[]> {
    const found: string[] = [];
    const walk = async (dir: string, depth: number): Promise<void> => {
      if (depth > 3 || found.length >= limit) return;
      const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
      for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
        if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
        const path = join(dir, entry.name);
        if (entry.isDirectory()) await walk(path, depth + 1);
        else if (entry.isFile() && pattern.test(entry.name)) found.push(this.nameOf(path));
        if (found.length >= limit) return;
      }
    };
    await walk(this.root, 0);
    return found;
  }
}
