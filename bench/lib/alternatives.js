import { execFileSync, spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { parseDocumentText } from "../../dist/model/validate.js";
import { renderLoaded, SAMPLE_DATA_FILE } from "../../dist/pipeline.js";
import { documentLines } from "../../dist/render/text.js";
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

const inline = (spans) => spans.map((span) => span.text).join("");
const titleText = (title) => (typeof title === "string" ? title : title.join(""));

/** Body nodes as pandoc Markdown: headings as headings (a run-in heading in bold), lists and paragraphs as paragraphs, tables as pipe tables. */
function bodyMarkdown(nodes, out) {
  for (const node of nodes) {
    switch (node.type) {
      case "heading":
        if (node.text) out.push(`**${md(node.number + inline(node.title))}**${md(inline(node.text))}`);
        else out.push(`${"#".repeat(node.level + 1)} ${md(node.number + inline(node.title))}`);
        break;
      case "paragraph":
        out.push(md(inline(node.content)));
        break;
      case "list":
        for (const item of node.items) out.push(`${item.title ? `**${md(item.number + inline(item.title))}**` : md(item.number)}${md(inline(item.content))}`);
        break;
      case "table": {
        const row = (cells) => `| ${cells.map((cell) => cell.paragraphs.map((p) => md(inline(p))).join(" ")).join(" | ")} |`;
        const header = node.header[0] ?? node.columns.map(() => ({ paragraphs: [[{ text: " " }]] }));
        out.push([row(header), `|${node.columns.map(() => " --- |").join("")}`, ...node.header.slice(1).map(row), ...node.rows.map(row)].join("\n"));
        break;
      }
      case "div":
        bodyMarkdown(node.children, out);
        break;
    }
  }
}

/** The composed document as pandoc Markdown: 版头 lines, title, 主送, body, 附件说明, signature, 附注, attachments, 版记. */
export function toMarkdown(document) {
  const { frame } = document;
  const out = [];
  out.push(md(frame.mark.names.join(" ") + frame.mark.suffix));
  if (frame.docNumber) out.push(md(frame.docNumber));
  if (frame.title) out.push(`# ${md(titleText(frame.title))}`);
  if (frame.addressees) out.push(md(frame.addressees));
  bodyMarkdown(document.body, out);
  for (const [index, item] of (frame.attachmentNote ?? []).entries()) out.push(md(`${index === 0 ? "附件：" : ""}${item}`));
  const signature = frame.signature;
  if (signature?.kind === "organ") out.push(...signature.names.map(md), md(signature.date));
  if (signature?.kind === "signer") out.push(...signature.signers.map((signer) => md(`${signer.title ?? ""} ${signer.name}`)), md(signature.date));
  out.push(...frame.notes.map(md));
  for (const attachment of document.attachments) {
    if (attachment.label) out.push(md(attachment.label));
    out.push(`# ${md(titleText(attachment.title))}`);
    bodyMarkdown(attachment.body, out);
  }
  for (const line of frame.colophon?.lines ?? []) out.push(md(line.text));
  if (frame.colophon?.printer) out.push(md(`${frame.colophon.printer} ${frame.colophon.printDate ?? ""}`));
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
  const data = { paragraphs: documentLines(document).filter((line) => line.trim() !== "").map((text) => ({ text })) };
  const fill = () => {
    const doc = new Docxtemplater(new PizZip(template), { paragraphLoop: true, linebreaks: true });
    doc.render(data);
    return doc.getZip().generate({ type: "uint8array", compression: "DEFLATE" });
  };
  const times = await timeRuns(fill, { runs, warmup });
  const version = (await import("docxtemplater/package.json", { with: { type: "json" } }).catch(() => ({ default: {} }))).default.version;
  return { perDocMs: median(times), version, bytes: fill().length };
}
