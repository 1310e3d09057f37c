/// <reference lib="dom" />
import { copyFileSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/serve/server.js";
import { launchChromium, skipChromium } from "../helpers/chromium.js";
import { tempDir } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";
import { STARTERS } from "../helpers/starters.js";
import { NEEDS_LIBREOFFICE, skipLibreOffice } from "../pdf/requires-libreoffice.js";

/**
 * The editor in a real browser (Debian's chromium through playwright-core): start from the sample,
 * edit a field and a body line and see the preview change, see an error appear at its field and go
 * when fixed, download the .docx and read its text, compare with another draft; then a Markdown body.
 */

let server: RunningServer;
let browser: BrowserContext;
let page: Page;
let folder: string;

/** The text the preview draws, all pages. */
const previewText = (p: Page) => p.locator(".pv-pages").innerText();
const waitForPreview = (p: Page, text: string) =>
  p.waitForFunction((wanted) => (document.querySelector(".pv-pages") as HTMLElement | null)?.innerText.replace(/\s+/gu, "").includes(wanted) ?? false, text, { timeout: 20_000 });

beforeAll(async () => {
  if (skipChromium) return;
  folder = tempDir("gongwen-browser-");
  copyFileSync(SAMPLE, join(folder, "previous.yaml"));
  server = await startServer({ folder, warmOffice: false });
  browser = await launchChromium();
  page = browser.pages()[0] ?? (await browser.newPage());
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe.skipIf(skipChromium)("the editor in chromium", () => {
  it("starts from the sample: the form and paginated A4 pages", async () => {
    await page.goto(server.openUrl);
    await page.click("#start-sample");
    await page.waitForSelector(".pv-page");
    expect(await page.locator(".pv-page").count()).toBeGreaterThan(1);
    // The page count is even: the 版记 stands on an even last page.
    expect((await page.locator(".pv-page").count()) % 2).toBe(0);
    expect(await previewText(page)).toContain("青海省政务服务监督管理局文件");
    expect(await page.locator('.form-pane [data-path="envelope.title"]').count()).toBe(1);
    // Help from the schema's bilingual descriptions.
    expect(await page.locator('[data-path="envelope.signedOn"] .help').innerText()).toContain("成文日期");
    expect(await page.locator('[data-path="envelope.signedOn"] input').getAttribute("type")).toBe("date");
  });

  it("an edited field shows in the preview", async () => {
    await page.fill('[data-path="envelope.signedOn"] input', "2022-01-28");
    await waitForPreview(page, "2022年1月28日");
  });

  it("an edited body line shows in the preview", async () => {
    await page.fill('[data-path="content.assessment.subjects"] input', "全省9个公共资源交易中心");
    await waitForPreview(page, "对全省9个公共资源交易");
  });

  it("an error appears at its field with validate's message and goes when fixed", async () => {
    const year = '[data-path="envelope.docNumber.year"]';
    await page.fill(`${year} input`, "1800");
    const problem = page.locator(`${year} .problems li.error`);
    await problem.waitFor({ timeout: 20_000 });
    expect(await problem.innerText()).toMatch(/1949/u);
    expect(await page.locator("#summary").innerText()).toContain("错误");
    await page.fill(`${year} input`, "2022");
    await problem.waitFor({ state: "detached", timeout: 20_000 });
    expect(await page.locator("#summary").innerText()).toContain("通过");
  });

  it("clicking a preview line finds its field", async () => {
    await page.locator(".pv-line", { hasText: "2022年1月28日" }).first().click();
    const focused = await page.evaluate(() => (document.activeElement?.closest("[data-path]") as HTMLElement | null)?.dataset.path);
    expect(focused).toBe("envelope.signedOn");
    expect(await page.locator(".pv-line.hl").count()).toBeGreaterThan(0);
  });

  it("downloads the .docx with the edits in its text", async () => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click("#download-docx")]);
    expect(download.suggestedFilename()).toBe("青政务〔2022〕3号.docx");
    const files = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
    const xml = strFromU8(files["word/document.xml"]!);
    const text = xml.replace(/<[^>]+>/gu, "");
    expect(text).toContain("2022年1月28日");
    expect(text).toContain("对全省9个公共资源交易中心");
  });

  it("saves the file in the CLI's format, comments kept", async () => {
    await page.fill("#file-name", "edited.yaml");
    await page.click("#save");
    await page.locator("#status", { hasText: "已保存" }).waitFor();
    const saved = readFileSync(join(folder, "edited.yaml"), "utf8");
    expect(saved).toContain("signedOn: 2022-01-28");
    expect(saved).toContain("# 考核情况通报 数据文件（样例：青政务〔2022〕3号）");
    expect(saved.split("\n").length).toBe(readFileSync(SAMPLE, "utf8").split("\n").length);
  });

  it("asks before saving over a file changed on disk meanwhile, and overwrites only when told", async () => {
    writeFileSync(join(folder, "edited.yaml"), `${readFileSync(join(folder, "edited.yaml"), "utf8")}# edited in another window\n`);
    await page.fill('[data-path="envelope.signedOn"] input', "2022-01-29");
    await waitForPreview(page, "2022年1月29日");
    await page.click("#save");
    await page.locator("#conflict", { hasText: "在打开后已被其他程序或窗口修改" }).waitFor();
    expect(readFileSync(join(folder, "edited.yaml"), "utf8")).toContain("# edited in another window");
    await page.click("#conflict-overwrite");
    await page.locator("#status", { hasText: "已保存" }).waitFor();
    expect(await page.locator("#conflict").count()).toBe(0);
    const saved = readFileSync(join(folder, "edited.yaml"), "utf8");
    expect(saved).toContain("signedOn: 2022-01-29");
    expect(saved).not.toContain("# edited in another window");
    // Saved from what it wrote itself, the next save asks nothing.
    await page.click("#save");
    await page.locator("#status", { hasText: "已保存" }).waitFor();
    expect(await page.locator("#conflict").count()).toBe(0);
  });

  it("compares with another draft: the diff view", async () => {
    await page.click("#tab-diff");
    await page.selectOption("#diff-other", "previous.yaml");
    await page.click("#run-diff");
    const diff = page.locator(".diff");
    await diff.waitFor({ timeout: 20_000 });
    const text = await diff.innerText();
    expect(text).toContain("envelope.signedOn");
    expect(text).toContain("2022-01-27");
    expect(await diff.locator(".ins", { hasText: "9" }).count()).toBeGreaterThan(0);
    const [redline] = await Promise.all([page.waitForEvent("download"), page.click("#download-redline")]);
    const xml = strFromU8(unzipSync(new Uint8Array(readFileSync((await redline.path())!)))["word/document.xml"]!);
    expect(xml).toMatch(/<w:ins\b/u);
    expect(xml).toMatch(/<w:del\b/u);
  });

  it.skipIf(skipLibreOffice)(`true layout: LibreOffice's pages as images with the verify loop's findings; the PDF download ${NEEDS_LIBREOFFICE}`, async () => {
    await page.click("#tab-preview");
    await page.waitForSelector(".pv-page");
    const previewPages = await page.locator(".pv-page").count();
    await page.click("#tab-true");
    await page.locator(".true-pages img").first().waitFor({ timeout: 180_000 });
    expect(await page.locator(".true-pages img").count()).toBe(previewPages);
    expect(await page.locator("#findings").innerText()).toMatch(/排版核验/u);
    const [pdf] = await Promise.all([page.waitForEvent("download", { timeout: 180_000 }), page.click("#download-pdf")]);
    expect(pdf.suggestedFilename()).toBe("青政务〔2022〕3号.pdf");
    expect(readFileSync((await pdf.path())!).subarray(0, 5).toString()).toBe("%PDF-");
    await page.click("#tab-preview");
  }, 400_000);

  it("a Markdown body (a 函 from its starter): a line edited, its error shown by line, the preview line finds its line", async () => {
    copyFileSync(STARTERS.letter, join(folder, "letter.yaml"));
    await page.goto(server.url);
    await page.selectOption("#existing-file", "letter.yaml");
    await page.click("#open-file");
    const area = page.locator('[data-path="body"] textarea');
    await area.waitFor();
    const body = await area.inputValue();
    await area.fill(body.replace("感谢贵厅", "衷心感谢贵厅"));
    await waitForPreview(page, "衷心感谢贵厅");
    // A block quote has no place in a 公文 body: the error is shown at its line of the body.
    const lines = body.replace(/\n+$/u, "").split("\n");
    await area.fill(`${lines.join("\n")}\n\n> 引文\n`);
    const problem = page.locator('[data-path="body"] .problems li.error');
    await problem.first().waitFor({ timeout: 20_000 });
    expect(await problem.first().getAttribute("data-body-line")).toBe(String(lines.length + 2));
    expect(await problem.first().innerText()).toContain("引用块");
    await area.fill(body);
    await problem.first().waitFor({ state: "detached", timeout: 20_000 });
    await page.locator(".pv-line", { hasText: "感谢贵厅" }).first().click();
    const selected = await area.evaluate((element: HTMLTextAreaElement) => element.value.slice(element.selectionStart, element.selectionEnd));
    expect(selected).toContain("感谢贵厅对我局工作的大力支持");
  });
});
