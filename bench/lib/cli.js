import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { median } from "./stats.js";
import { tempDir } from "./data.js";

const BIN = fileURLToPath(new URL("../../bin/gongwen.js", import.meta.url));

function wall(args, env = {}) {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { stdio: "ignore", env: { ...process.env, ...env } });
  const elapsed = performance.now() - started;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}`);
  return elapsed;
}

/** A cold CLI render of the sample to a written .docx, against a bare `node -e 0`, interleaved. */
export function benchCliCold({ runs = 21 } = {}) {
  const out = tempDir();
  const bare = [];
  const bundled = [];
  const unbundled = [];
  wall([BIN, "render", "-q", "-o", join(out, "warm.docx")]); // the code cache exists after a build; make sure
  for (let i = 0; i < runs; i++) {
    bare.push(wall(["-e", "0"]));
    bundled.push(wall([BIN, "render", "-q", "-o", join(out, `b${i}.docx`)]));
    unbundled.push(wall([BIN, "render", "-q", "-o", join(out, `u${i}.docx`)], { GONGWEN_NO_BUNDLE: "1" }));
  }
  return { bare: median(bare), bundled: median(bundled), unbundled: median(unbundled), runs };
}
