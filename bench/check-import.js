#!/usr/bin/env node
/**
 * `node bench/check-import.js`: how long `check` takes with and without the layout, how long `import`
 * takes, and how many findings each draft gets; drafts of the sample circular made by pandoc and by
 * LibreOffice, and this tool's own rendering. Writes bench/check-import-results.md. Imports dist/
 * (run `npm run build` first); needs pandoc and soffice.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { checkDocx } from "../dist/check/check-docx.js";
import { readDraft } from "../dist/draft/read-draft.js";
import { importDraft } from "../dist/import/to-data.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const dir = mkdtempSync(join(tmpdir(), "gongwen-bench-check-"));
const run = (cmd, args) => {
  const result = spawnSync(cmd, args, { encoding: "utf8", timeout: 180_000 });
  if (result.status !== 0) throw new Error(`${cmd} failed: ${result.stderr}`);
};
const fixtures = join(root, "test", "fixtures", "drafts");
const profile = mkdtempSync(join(tmpdir(), "gongwen-bench-lo-"));
run("pandoc", ["-f", "markdown", "-t", "docx", "-o", join(dir, "pandoc.docx"), join(fixtures, "circular-draft.md")]);
run("soffice", [`-env:UserInstallation=${pathToFileURL(profile).href}`, "--headless", "--infilter=Text (encoded):UTF8,LF,,,", "--convert-to", "docx", "--outdir", dir, join(fixtures, "circular-draft.txt")]);
run(process.execPath, [join(root, "bin", "gongwen.js"), "render", join(root, "data", "qingzhengwu-2022-3.yaml"), "-o", join(dir, "rendered.docx"), "-q"]);
rmSync(profile, { recursive: true, force: true });

const drafts = { "pandoc (Markdown)": "pandoc.docx", "LibreOffice (plain text)": "circular-draft.docx", "gongwen render (sample)": "rendered.docx" };
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const rows = [];
for (const [name, fileName] of Object.entries(drafts)) {
  const file = join(dir, fileName);
  const bytes = readFileSync(file);
  const xml = [];
  let xmlFindings = 0;
  for (let i = 0; i < 15; i++) {
    const started = performance.now();
    xmlFindings = (await checkDocx(bytes, file, { layout: false })).findings.length;
    xml.push(performance.now() - started);
  }
  const full = [];
  let fullFindings = 0;
  for (let i = 0; i < 3; i++) {
    const started = performance.now();
    fullFindings = (await checkDocx(bytes, file, { layout: true })).findings.length;
    full.push(performance.now() - started);
  }
  const imports = [];
  let report;
  for (let i = 0; i < 15; i++) {
    const started = performance.now();
    report = importDraft(readDraft(bytes, file)).report;
    imports.push(performance.now() - started);
  }
  rows.push({ name, xmlMs: median(xml), fullMs: median(full), importMs: median(imports), xmlFindings, fullFindings, recognised: report.filter((r) => r.status === "recognised").length });
  process.stderr.write(`${name}: check --no-layout ${median(xml).toFixed(1)} ms, check ${median(full).toFixed(0)} ms, import ${median(imports).toFixed(1)} ms\n`);
}
rmSync(dir, { recursive: true, force: true });

const lines = [
  "# check / import — measured",
  "",
  `${new Date().toISOString().slice(0, 10)}, Node ${process.version}, load ${(await import("node:os")).loadavg()[0].toFixed(1)}. Medians: 15 runs in-process without layout and for import, 3 with layout (one LibreOffice conversion each).`,
  "",
  "| draft | check --no-layout | check (LibreOffice layout) | import | findings (no layout / layout) | elements recognised |",
  "| --- | ---: | ---: | ---: | ---: | ---: |",
  ...rows.map((r) => `| ${r.name} | ${r.xmlMs.toFixed(1)} ms | ${(r.fullMs / 1000).toFixed(2)} s | ${r.importMs.toFixed(1)} ms | ${r.xmlFindings} / ${r.fullFindings} | ${r.recognised} |`),
  "",
];
writeFileSync(join(root, "bench", "check-import-results.md"), `${lines.join("\n")}\n`);
process.stdout.write(`${lines.join("\n")}\n`);
