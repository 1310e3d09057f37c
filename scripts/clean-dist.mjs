/**
 * Empties dist/ before tsc writes it: a module removed from src/ must not live on in dist/, where the
 * bundle or a stale import would still find it. The bundle's code cache goes too (it belongs to the old
 * bundle).
 */
import { rmSync } from "node:fs";
import { fileURLToPath } from "node:url";

rmSync(fileURLToPath(new URL("../dist", import.meta.url)), { recursive: true, force: true });
