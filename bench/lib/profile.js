import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { tempDir } from "./data.js";

/**
 * Where a warm render's time goes: a V8 CPU profile of `runs` renders, summed by stage (inclusive
 * time of the functions that begin each stage), per document.
 */
const STAGES = [
  ["YAML parse (yaml)", /^parseYamlSource$/],
  ["validation (zod + cross rules)", /^validateData$/],
  ["compose (handlebars, document model)", /^composeCircular$/],
  ["pagination of the laid-out specs (layout/measure, text-width)", /^paginate$/],
  ["lay out: format, body handlers, specs (excl. pagination)", /^layOutDocument$/],
  ["document.xml, core.xml, custom.xml (direct writer)", /^(documentXml|coreXml|customXml)$/],
  ["zip: deflate (fflate)", /^deflateSync$/],
  ["zip: CRC-32", /^(crc32|javascriptCrc32)$/],
  ["zip: headers and assembly", /^zipEntries$/],
  ["garbage collector", /^\(garbage collector\)$/],
];

export function profileRender(runs = 400) {
  const dir = tempDir("gongwen-prof-");
  const target = fileURLToPath(new URL("./profile-target.js", import.meta.url));
  execFileSync(process.execPath, ["--cpu-prof", "--cpu-prof-dir", dir, target, String(runs)], { stdio: "ignore" });
  const file = readdirSync(dir).find((name) => name.endsWith(".cpuprofile"));
  const profile = JSON.parse(readFileSync(join(dir, file), "utf8"));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const totals = new Map(STAGES.map(([name]) => [name, 0]));
  let all = 0;
  for (const [id, micros] of self) {
    all += micros;
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const frame = byId.get(cur).callFrame;
      for (const [name, pattern, url] of STAGES) {
        if (seen.has(name) || !pattern.test(frame.functionName || `(${frame.functionName})`) || (url && !frame.url.includes(url))) continue;
        seen.add(name);
        totals.set(name, totals.get(name) + micros);
      }
    }
  }
  const perDoc = (micros) => micros / 1000 / runs;
  const paginate = totals.get("pagination of the laid-out specs (layout/measure, text-width)");
  totals.set("lay out: format, body handlers, specs (excl. pagination)", totals.get("lay out: format, body handlers, specs (excl. pagination)") - paginate);
  return { runs, totalMsPerDoc: perDoc(all), stages: STAGES.map(([name]) => [name, perDoc(totals.get(name))]) };
}
