/// <reference lib="dom" />
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderFile } from "../../src/pipeline.js";
import { startServer, type RunningServer } from "../../src/serve/server.js";
import { launchChromium, skipChromium } from "../helpers/chromium.js";
import { tempDir } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";

/**
 * Importing a Word draft from the editor's start screen in a real browser: a .docx of the folder opens
 * as an unsaved draft with its preview and the import report; an upload that is no .docx is refused
 * on the start screen with the CLI's message.
 */

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let folder: string;

beforeAll(async () => {
  if (skipChromium) return;
  folder = tempDir("gongwen-browser-import-");
  writeFileSync(join(folder, "通报草稿.docx"), (await renderFile(SAMPLE)).bytes);
  writeFileSync(join(folder, "not-a-draft.txt"), "青海省政务服务监督管理局文件\n");
  server = await startServer({ folder, warmOffice: false });
  browser = await launchChromium();
  page = browser.pages()[0] ?? (await browser.newPage());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(skipChromium)("importing a Word draft in chromium", () => {
  it("refuses an upload that is no .docx on the start screen, Chinese and English", async () => {
    await page.goto(server.openUrl);
    await page.setInputFiles("#upload-word", join(folder, "not-a-draft.txt"));
    const banner = page.locator(".error-banner");
    await banner.waitFor({ timeout: 20_000 });
    expect(await banner.innerText()).toMatch(/不是 \.docx 文件.*not a \.docx file/su);
  });

  it("imports a .docx of the folder: the preview shows its title, the report panel shows", async () => {
    expect(await page.locator("#word-file").inputValue()).toBe("通报草稿.docx");
    await page.click("#import-word");
    await page.waitForFunction(() => (document.querySelector(".pv-pages") as HTMLElement | null)?.innerText.replace(/\s+/gu, "").includes("考核情况通报") ?? false, undefined, { timeout: 20_000 });
    expect(await page.locator("#file-name").inputValue()).toBe("通报草稿.yaml");
    expect(await page.locator("#save").innerText()).toContain("*");
    const report = page.locator("#import-report");
    expect(await report.innerText()).toMatch(/导入报告 \/ import report/u);
    expect(await report.innerText()).toMatch(/识别 recognised/u);
    expect(await report.innerText()).toContain("青海省政务服务监督管理局");
  });
});
