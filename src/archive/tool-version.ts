import { readFileSync } from "node:fs";
import { join } from "node:path";
import { PACKAGE_ROOT } from "../pipeline.js";

let cached: string | undefined;

/** The version of the installed package, recorded with every entry (what made these files). */
export function toolVersion(): string {
  if (cached === undefined) {
    try {
      cached = String((JSON.parse(readFileSync(join(PACKAGE_ROOT, "package.json"), "utf8")) as { version?: unknown }).version ?? "unknown");
    } catch {
      cached = "unknown";
    }
  }
  return cached;
}
