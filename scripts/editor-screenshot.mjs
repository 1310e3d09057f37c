/**
 * The README's picture of the editor: starts `gongwen serve` on a scratch folder, opens it in Debian's
 * chromium (headless, through playwright-core; no browser is downloaded), starts from the sample and
 * saves docs/editor.png. Run after `npm run build`: node scripts/editor-screenshot.mjs
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const root = fileURLToPath(new URL("..", import.meta.url));
const { startServer } = await import(join(root, "dist", "serve", "server.js"));
const folder = mkdtempSync(join(tmpdir(), "gongwen-shot-"));
const server = await startServer({ folder, warmOffice: false });
// A fresh profile each time (playwright passes it as --user-data-dir).
const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "gongwen-chromium-")), {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  viewport: { width: 1400, height: 900 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  // The bureau faces by the names the documents use, as LibreOffice finds them (fonts/fonts.conf).
  env: { ...process.env, FONTCONFIG_FILE: join(root, "fonts", "fonts.conf") },
});
try {
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(server.openUrl);
  await page.click("#start-sample");
  await page.waitForSelector(".pv-page");
  await page.waitForTimeout(500);
  await page.screenshot({ path: join(root, "docs", "editor.png") });
  process.stdout.write(`written: ${join(root, "docs", "editor.png")}\n`);
} finally {
  await browser.close();
  await server.close();
}
