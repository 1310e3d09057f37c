import { statSync } from "node:fs";
import { resolve } from "node:path";
import { diagnostic, GongwenError } from "../errors.js";

/**
 * Refuses an output path that is one of the inputs (`render x.yaml -o x.yaml` replaced the data file
 * with the .docx). Compared by device and inode, so another spelling of the path, a hard link or a
 * symbolic link to the input is caught too. Usage error (64), checked before anything is rendered.
 */
export function refuseOutputOverInput(output: string, inputs: readonly string[]): void {
  const target = identity(output);
  if (!target) return;
  for (const input of inputs) {
    const source = identity(input);
    if (source && source.dev === target.dev && source.ino === target.ino) {
      throw new GongwenError(
        [
          diagnostic({
            file: resolve(output),
            zh: `输出文件就是输入文件 ${input}，写出会覆盖它；请用 -o 指定另一个文件`,
            en: `the output is the input ${input}; writing would overwrite it. Give another file with -o`,
            rule: "output-is-input",
          }),
        ],
        64,
      );
    }
  }
}

function identity(path: string): { dev: number; ino: number } | undefined {
  try {
    const stats = statSync(path);
    return { dev: stats.dev, ino: stats.ino };
  } catch {
    return undefined;
  }
}
