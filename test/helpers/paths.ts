import { fileURLToPath } from "node:url";
import { join } from "node:path";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SAMPLE = join(ROOT, "data", "qingzhengwu-2022-3.yaml");
/** The original circular, one level above the repository (../shared/seeds). */
export const SEED = join(ROOT, "..", "shared", "seeds", "000_59d90f99d7c499ff.txt");
