import { readFile } from "node:fs/promises";
import { diagnostic, GongwenError } from "../errors.js";

/** Reads an input file, or throws the error a clerk can act on (exit 66: no input). */
export async function readInputFile(file: string): Promise<Uint8Array> {
  try {
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const zh = code === "ENOENT" ? "找不到文件" : code === "EISDIR" ? "这是一个文件夹，不是文件" : "无法读取文件";
    throw new GongwenError([diagnostic({ file, zh, en: `cannot read the file (${code ?? (error as Error).message})`, rule: "read" })], 66);
  }
}
