import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext } from "playwright-core";
import { ROOT } from "./paths.js";
import { onCi } from "../pdf/requires-libreoffice.js";

/**
 * Debian's chromium (apt: chromium; .ci/run installs it), driven by playwright-core: nothing is
 * downloaded. Headless, no sandbox (CI runs as root), no background traffic, a fresh profile each time,
 * and the bureau faces by the documents' names as LibreOffice finds them (fonts/fonts.conf).
 */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const chromiumAvailable = existsSync(CHROMIUM);
/** Skipped only on a developer machine without chromium; on CI its absence fails the tests. */
export const skipChromium = !chromiumAvailable && !onCi;

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
] as const;

export function launchChromium(viewport = { width: 1400, height: 900 }): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "gongwen-chromium-")), {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS],
    viewport,
    acceptDownloads: true,
    env: { ...process.env, FONTCONFIG_FILE: join(ROOT, "fonts", "fonts.conf") },
  });
}
