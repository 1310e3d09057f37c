import { existsSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { gongwen } from "../helpers/cli.js";
import { tempDir } from "../helpers/data.js";
import { ROOT } from "../helpers/paths.js";

/** The V8 code cache of the bundle lives in the user's cache folder, never in dist/ (read-only or shared installs). */
describe.runIf(process.platform === "linux")("code cache", () => {
  it("is written under XDG_CACHE_HOME/gongwen, nothing in dist/, and reused", () => {
    const cache = tempDir("gongwen-xdg-");
    const env = { XDG_CACHE_HOME: cache };
    expect(gongwen(["validate", join(ROOT, "data", "qingzhengwu-2022-3.yaml")], { env }).status).toBe(0);
    expect(readdirSync(join(ROOT, "dist")).filter((name) => name.endsWith(".cache"))).toEqual([]);
    const written = readdirSync(join(cache, "gongwen")).filter((name) => name.startsWith("bundle-") && name.endsWith(".cache"));
    expect(written).toHaveLength(1);
    expect(gongwen(["validate", join(ROOT, "data", "qingzhengwu-2022-3.yaml")], { env }).status).toBe(0);
    expect(existsSync(join(cache, "gongwen", written[0]!))).toBe(true);
  });

  it("removes the caches of earlier builds of this install when it writes a new one, and keeps others'", () => {
    const cache = tempDir("gongwen-xdg-");
    const env = { XDG_CACHE_HOME: cache };
    expect(gongwen(["validate", join(ROOT, "data", "qingzhengwu-2022-3.yaml")], { env }).status).toBe(0);
    const [current] = readdirSync(join(cache, "gongwen")).filter((name) => name.startsWith("bundle-"));
    const pathKey = current!.split("-")[1]!;
    // An earlier build of this install (other size and time) and another install's cache.
    const stale = `bundle-${pathKey}-1-1-${process.version}.cache`;
    const other = `bundle-otherkey-1-1-${process.version}.cache`;
    writeFileSync(join(cache, "gongwen", stale), "x");
    writeFileSync(join(cache, "gongwen", other), "x");
    // The current cache is gone too, so this run writes one and tidies up.
    writeFileSync(join(cache, "gongwen", current!), "not a V8 cache");
    expect(gongwen(["validate", join(ROOT, "data", "qingzhengwu-2022-3.yaml")], { env }).status).toBe(0);
    expect(readdirSync(join(cache, "gongwen")).filter((name) => name.startsWith("bundle-")).sort()).toEqual([current!, other].sort());
  });
});
