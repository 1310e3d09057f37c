import { fileURLToPath } from "node:url";
import { existsSync } from "node:fs";
import { join } from "node:path";

export const ROOT = fileURLToPath(new URL("../..", import.meta.url));
export const SAMPLE = join(ROOT, "data", "qingzhengwu-2022-3.yaml");
/** The original circular, as shared beside the repository (../shared/seeds). */
export const SHARED_SEED = join(ROOT, "..", "shared", "seeds", "000_59d90f99d7c499ff.txt");
/** A copy kept with the tests, for clones that have no shared/ folder beside them. */
export const FIXTURE_SEED = join(ROOT, "test", "fixtures", "seed", "000_59d90f99d7c499ff.txt");
export const SEED = existsSync(SHARED_SEED) ? SHARED_SEED : FIXTURE_SEED;
