import { execFileSync, spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { parseDocumentText } from "../../dist/model/validate.js";
import { renderLoaded, SAMPLE_DATA_FILE } from "../../dist/pipeline.js";
import { renderText } from "../../dist/render/text.js";
import { median, timeRuns } from "./stats.js";
import { sampleText, tempDir } from "./data.js";

/**
 * The same circular made by the alternatives a bureau might use instead: pandoc (Markdown of the same
 * content, styled by our .docx as its reference document) and docxtemplater (a Word template with the
 * same paragraphs filled in). Neither does GB/T 9704 layout; they set a floor for "make a .docx".
 */

/** pandoc on PATH, installed from Debian's package when missing and allowed (never in CI). */
export function ensurePandoc() {
  const has = () => spawnSync("pandoc", ["--version"], { stdio: "ignore" }).status === 0;
  if (has()) return true;
  if (process.env.CI || process.getuid?.() !== 0) return false;
  try {
    execFileSync("apt-get", ["install", "-y", "-qq", "pandoc"], { stdio: "ignore" });
  } catch {
    try {
      execFileSync("apt-get", ["update", "-qq"], { stdio: "ignore" });
      execFileSync("apt-get", ["install", "-y", "-qq", "pandoc"], { stdio: "ignore" });
    } catch {
      return false;
    }
  }
  return has();
}

const MD_SPECIAL = /([\\`*_{}[\]()#+\-.!<>|~^])/g;
const md = (text) => text.replace(MD_SPECIAL, "\\$1");

/** The block tree as pandoc Markdown: headings, run-in points in bold, one paragraph per block. */
export function toMarkdown(document) {
  const out = [];
  for (const block of document.blocks) {
    switch (block.type) {
      case "title":
        out.push(`# ${block.lines.map(md).join("")}`);
        break;
      case "heading":
        out.push(`${"#".repeat(block.level + 1)} ${md(block.number + block.text)}`);
        break;
      case "point":
        out.push(`**${md(block.number + block.title)}**${md(block.text)}`);
        break;
      default:
        for (const line of renderText({ meta: document.meta, blocks: [block] }).trimEnd().split("\n")) out.push(md(line.replace(/\t/g, " ")));
    }
  }
  return `${out.join("\n\n")}\n`;
}

export async function benchPandoc({ runs = 15, parallelDocs = 20 } = {}) {
  if (!ensurePandoc()) return undefined;
  const version = execFileSync("pandoc", ["--version"], { encoding: "utf8" }).split("\n")[0];
  const dir = tempDir("gongwen-pandoc-");
  const result = await renderLoaded(parseDocumentText(sampleText(), SAMPLE_DATA_FILE));
  const reference = join(dir, "reference.docx");
  writeFileSync(reference, result.bytes);
  const input = join(dir, "circular.md");
  writeFileSync(input, toMarkdown(result.document));
  const args = (i) => ["-f", "markdown", "-t", "docx", "--reference-doc", reference, "-o", join(dir, `out${i}.docx`), input];
  const single = await timeRuns((i) => void execFileSync("pandoc", args(i)), { runs, warmup: 2 });
  // Its best throughput here: one process per document, two at a time on two cores.
  const started = performance.now();
  let next = 0;
  const lane = () =>
    new Promise((resolve, reject) => {
      const go = () => {
        if (next >= parallelDocs) return resolve();
        const child = spawn("pandoc", args(1000 + next++), { stdio: "ignore" });
        child.on("exit", (code) => (code === 0 ? go() : reject(new Error(`pandoc exited ${code}`))));
      };
      go();
    });
  await Promise.all([lane(), lane()]);
  const parallelSeconds = (performance.now() - started) / 1000;
  return { version, perDocMs: median(single), perSecondParallel: parallelDocs / parallelSeconds };
}

/** A Word template with the same paragraphs as tags, filled in-process by docxtemplater. */
export async function benchDocxtemplater({ runs = 300, warmup = 60 } = {}) {
  let Docxtemplater;
  let PizZip;
  try {
    Docxtemplater = (await import("docxtemplater")).default;
    PizZip = (await import("pizzip")).default;
  } catch {
    return undefined;
  }
  const template = await Packer.toBuffer(
    new Document({ sections: [{ children: ["{#paragraphs}", "{text}", "{/paragraphs}"].map((text) => new Paragraph({ text })) }] }),
  );
  const loaded = parseDocumentText(sampleText(), SAMPLE_DATA_FILE);
  const { document } = await renderLoaded(loaded);
  const data = { paragraphs: renderText(document).trimEnd().split("\n").map((text) => ({ text })) };
  const fill = () => {
    const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
    doc.render(data);
    return doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" });
  };
  const times = await timeRuns(fill, { runs, warmup });
  const version = (await import("docxtemplater/package.json", { with: { type: "json" } }).catch(() => ({ default: {} }))).default.version;
  return { perDocMs: median(times), version, bytes: fill().length };
}
