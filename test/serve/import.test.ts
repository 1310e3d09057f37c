/**
 * Importing a Word draft in the editor: the server reads a .docx of the folder (or an upload) with the
 * same import as `gongwen import`, answers the general-kind data file, its evaluation and the import
 * report, suggests a free name beside the .docx, and refuses unusable input with the CLI's message.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderFile } from "../../src/pipeline.js";
import { startServer, type RunningServer } from "../../src/serve/server.js";
import { gongwen } from "../helpers/cli.js";
import { tempDir } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";
import { call } from "./http.js";

let server: RunningServer;
let folder: string;
let host: string;
let docx: Uint8Array;

const json = (body: unknown) => ({
  method: "POST",
  headers: { host, "content-type": "application/json", "x-gongwen-token": server.token },
  body: JSON.stringify(body),
});

beforeAll(async () => {
  folder = tempDir("gongwen-serve-import-");
  // A real Word draft: the sample rendered by the tool itself.
  docx = (await renderFile(SAMPLE)).bytes;
  writeFileSync(join(folder, "通报草稿.docx"), docx);
  // The name beside the .docx is taken: the suggestion must not overwrite it.
  writeFileSync(join(folder, "旧稿.docx"), docx);
  writeFileSync(join(folder, "旧稿.yaml"), "kind: general\n");
  writeFileSync(join(folder, "not-a-draft.docx"), strToU8("青海省政务服务监督管理局文件\n"));
  writeFileSync(join(folder, "~$通报草稿.docx"), strToU8("lock"));
  server = await startServer({ folder, warmOffice: false });
  host = new URL(server.url).host;
});

afterAll(async () => {
  await server?.close();
});

describe("importing a Word draft in the editor", () => {
  it("lists the folder's .docx drafts (not Word's lock files)", async () => {
    const info = (await call(`${server.url}api/info`, { headers: { host, "x-gongwen-token": server.token } })).json();
    expect(info.drafts).toEqual(["not-a-draft.docx", "旧稿.docx", "通报草稿.docx"]);
  });

  it("imports a .docx of the folder as gongwen import does, with its report and a name beside it", async () => {
    const answer = await call(`${server.url}api/import`, json({ file: "通报草稿.docx" }));
    expect(answer.status, answer.body.toString()).toBe(200);
    const started = answer.json();
    expect(started.file).toBe("通报草稿.yaml");
    expect(started.existing).toBe(false);
    expect(existsSync(join(folder, "通报草稿.yaml"))).toBe(false);
    // Byte for byte what the CLI writes for the same draft.
    const cli = gongwen(["import", join(folder, "通报草稿.docx")]);
    expect(cli.status, cli.stderr).toBe(0);
    expect(started.text).toBe(cli.stdout);
    expect(started.data.kind).toBe("general");
    expect(JSON.stringify(started.data.envelope.title)).toContain("考核情况通报");
    const statuses = new Set(started.report.map((item: { status: string }) => item.status));
    expect(statuses.has("recognised")).toBe(true);
    expect(started.report.find((item: { element: string }) => item.element === "标题")?.text).toContain("青海省政务服务监督管理局");
    // The imported draft loads and previews in the editor.
    expect(started.diagnostics.filter((d: { severity: string }) => d.severity === "error")).toEqual([]);
    const text = started.preview.pages.flatMap((page: { items: { spans?: { text: string }[] }[] }) => page.items.flatMap((item) => item.spans?.map((span) => span.text) ?? [])).join("");
    expect(text).toContain("考核情况通报");
  });

  it("never suggests a name that exists", async () => {
    const started = (await call(`${server.url}api/start`, json({ from: "word", file: "旧稿.docx" }))).json();
    expect(started.file).toBe("旧稿-2.yaml");
    expect(readFileSync(join(folder, "旧稿.yaml"), "utf8")).toBe("kind: general\n");
  });

  it("imports an upload (base64) under its own name only", async () => {
    const answer = await call(`${server.url}api/start`, json({ from: "word", file: "../../上传稿.docx", content: Buffer.from(docx).toString("base64") }));
    expect(answer.status, answer.body.toString()).toBe(200);
    expect(answer.json().file).toBe("上传稿.yaml");
    expect(answer.json().report.length).toBeGreaterThan(0);
  });

  it("refuses a file that is no .docx with the CLI's message, and keeps serving", async () => {
    const answer = await call(`${server.url}api/import`, json({ file: "not-a-draft.docx" }));
    expect(answer.status).toBe(422);
    const cli = gongwen(["import", join(folder, "not-a-draft.docx")]);
    expect(cli.status).not.toBe(0);
    expect(answer.json().zh).toMatch(/不是 \.docx 文件/u);
    expect(answer.json().en).toMatch(/not a \.docx file/u);
    expect(cli.stderr).toContain(answer.json().zh);
    const upload = await call(`${server.url}api/start`, json({ from: "word", file: "x.docx", content: Buffer.from("%PDF-1.7\n").toString("base64") }));
    expect(upload.status).toBe(422);
    expect(upload.json().zh).toMatch(/PDF/u);
    expect((await call(`${server.url}api/info`, { headers: { host, "x-gongwen-token": server.token } })).status).toBe(200);
  });

  it("refuses an encrypted .docx and a zip bomb uploaded, and keeps serving", async () => {
    const encrypted = new Uint8Array(4096);
    encrypted.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    [..."EncryptedPackage"].forEach((c, i) => (encrypted[1024 + i * 2] = c.charCodeAt(0)));
    const bomb = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": new Uint8Array(80 * 1024 * 1024) });
    const upload = (bytes: Uint8Array) => call(`${server.url}api/start`, json({ from: "word", file: "x.docx", content: Buffer.from(bytes).toString("base64") }));
    const locked = await upload(encrypted);
    expect(locked.status).toBe(422);
    expect(`${locked.json().zh} / ${locked.json().en}`).toMatch(/文件已加密.*encrypted/su);
    const exploded = await upload(bomb);
    expect(exploded.status).toBe(422);
    expect(`${exploded.json().zh} ${exploded.json().en}`).toMatch(/上限|压缩炸弹|limit|bomb/u);
    expect((await call(`${server.url}api/info`, { headers: { host, "x-gongwen-token": server.token } })).status).toBe(200);
  });

  it("refuses a .docx outside the folder", async () => {
    expect((await call(`${server.url}api/import`, json({ file: "../elsewhere.docx" }))).status).toBe(403);
  });
});
