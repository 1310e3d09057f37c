#!/usr/bin/env node
/**
 * The web editor's two latencies, measured in the browser (Debian's chromium via playwright-core):
 * - keystroke → preview: from a key's keydown in a form field of the sample to the next frame after
 *   the preview has been redrawn with the answer (target ≤ 100 ms);
 * - true layout: from asking to the LibreOffice pages shown, on the warm LibreOffice (target ≤ 3 s).
 * Writes bench/editor-results.md. Run after `npm run build`:  node bench/editor.js [--runs 40]
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { describeMachine, loadNow } from "./lib/machine.js";
import { median, ms, percentile } from "./lib/stats.js";

const root = fileURLToPath(new URL("..", import.meta.url));
const runsArg = process.argv.indexOf("--runs");
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 40;
const log = (text) => process.stderr.write(`${text}\n`);

const { startServer } = await import(join(root, "dist", "serve", "server.js"));
const server = await startServer({ folder: mkdtempSync(join(tmpdir(), "gongwen-bench-editor-")) });
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "gongwen-chromium-")), {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  env: { ...process.env, FONTCONFIG_FILE: join(root, "fonts", "fonts.conf") },
});
const machine = describeMachine();
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(server.openUrl);
  await page.click("#start-sample");
  await page.waitForSelector(".pv-page");

  // keydown → the frame after the preview was redrawn (data-preview-version changes after each answer).
  await page.evaluate(() => {
    window.__latencies = [];
    let started = 0;
    document.addEventListener("keydown", () => (started = performance.now()), true);
    new MutationObserver(() => {
      if (started === 0) return;
      const from = started;
      started = 0;
      requestAnimationFrame(() => setTimeout(() => window.__latencies.push(performance.now() - from), 0));
    }).observe(document.body, { attributes: true, attributeFilter: ["data-preview-version"] });
  });
  const field = page.locator('[data-path="content.assessment.subjects"] input');
  await field.click();
  await page.keyboard.press("End");
  for (let i = 0; i < RUNS + 5; i++) {
    await page.keyboard.press(i % 2 === 0 ? "1" : "Backspace");
    await page.waitForFunction((count) => window.__latencies.length >= count, i + 1);
  }
  const keystrokes = (await page.evaluate(() => window.__latencies)).slice(5);
  log(`keystroke → preview: median ${ms(median(keystrokes))} ms, p95 ${ms(percentile(keystrokes, 95))} ms over ${keystrokes.length}`);

  // True layout: the first one (LibreOffice warmed at server start), then after edits.
  const trueLayout = [];
  await page.click("#tab-true");
  for (let i = 0; i < 5; i++) {
    if (i > 0) {
      await page.click("#tab-preview");
      await field.click();
      await page.keyboard.press(i % 2 === 1 ? "1" : "Backspace");
      await page.waitForTimeout(300);
      await page.click("#tab-true");
    }
    const started = Date.now();
    await page.click("#run-true").catch(() => undefined);
    await page.waitForFunction(() => !document.querySelector("#run-true")?.hasAttribute("disabled") && document.querySelectorAll(".true-pages img").length > 0);
    await page.waitForFunction(() => [...document.querySelectorAll(".true-pages img")].every((img) => img.complete));
    trueLayout.push(Date.now() - started);
  }
  log(`true layout: ${trueLayout.map((t) => `${(t / 1000).toFixed(2)} s`).join(", ")}`);

  const report = [
    "# Web editor latency / 网页编辑器延迟",
    "",
    `${new Date().toISOString().slice(0, 16)}Z · ${machine.cpu}, ${machine.cores} cores, Node ${machine.node}, load ${loadNow()} · chromium headless`,
    "",
    "| measure | target | median | p95 | runs |",
    "|---|---|---|---|---|",
    `| keystroke → preview redrawn (sample) | ≤ 100 ms | ${ms(median(keystrokes))} ms | ${ms(percentile(keystrokes, 95))} ms | ${keystrokes.length} |`,
    `| true layout (LibreOffice PDF → PNG pages, findings), warm | ≤ 3 s | ${(median(trueLayout) / 1000).toFixed(2)} s | ${(Math.max(...trueLayout) / 1000).toFixed(2)} s (max) | ${trueLayout.length} |`,
    "",
    `True-layout runs: ${trueLayout.map((t) => `${(t / 1000).toFixed(2)} s`).join(", ")}.`,
    "",
  ].join("\n");
  writeFileSync(join(root, "bench", "editor-results.md"), report);
  log("written: bench/editor-results.md");
} finally {
  await browser.close();
  await server.close();
}
