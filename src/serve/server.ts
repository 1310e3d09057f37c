import { readFile, rm } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { z } from "zod";
import { resolveArchiveRoot } from "../archive/layout.js";
import { STARTER_FILES } from "../commands/new.js";
import { isGongwenError, type Diagnostic } from "../errors.js";
import { allKinds, findKind } from "../kinds/registry.js";
import { kindJsonSchema } from "../model/json-schema.js";
import { writeFileAtomic } from "../output/atomic-write.js";
import { OfficeClosedError, WarmOffice } from "../pdf/warm-office.js";
import { composeLoaded, PACKAGE_ROOT, renderFile, renderLoaded, SAMPLE_DATA_FILE, suggestedFileName } from "../pipeline.js";
import { compareDrafts } from "../review/compare.js";
import { toJson } from "../review/format-json.js";
import { documentLines, readDraft, type Draft } from "../review/paragraphs.js";
import { applyData, dataOf, evaluateDraft, loadDraft } from "./draft.js";
import { diskVersion, versionOfBytes } from "./disk-version.js";
import { Folder } from "./folder.js";
import { Guard } from "./guard.js";
import { layOutOnOffice } from "./office-layout.js";
import { FORMATS, StartError, StartRequest, startDraft } from "./sources.js";

/**
 * `gongwen serve`: the local web editor. Node's own http server (a dozen routes need no framework),
 * bound to 127.0.0.1, guarded by guard.ts, reading and writing only inside one folder (folder.ts).
 * The page (web/, bundled to dist/web) asks; this answers with the library's own results: the
 * validator's messages, the laid-out pages, the .docx, LibreOffice's PDF, the diff, the archive.
 */

export interface ServeOptions {
  readonly folder: string;
  readonly port?: number;
  /** Where the bundled page is; default dist/web of the package. */
  readonly webDir?: string;
  /** Start LibreOffice at once so that the first true layout is warm (default true). */
  readonly warmOffice?: boolean;
}

export interface RunningServer {
  readonly url: string;
  /** The address with the start's token: what the browser opens. */
  readonly openUrl: string;
  readonly token: string;
  readonly folder: string;
  readonly server: Server;
  close(): Promise<void>;
}

/** Largest request body: a data file with a few tables is well under 1 MB. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly zh: string,
    readonly en: string,
    readonly diagnostics: readonly Diagnostic[] = [],
  ) {
    super(en);
  }
}

const DraftRequest = z.object({
  file: z.string().min(1).max(1000),
  text: z.string().max(MAX_BODY_BYTES),
  data: z.unknown().optional(),
});
/**
 * A write: `base` is what the editor last saw on disk under `file` (a version, or null: no file);
 * when the disk holds something else the write is refused with 409 until `overwrite` says so.
 * Without `base` (a script calling the API) nothing is compared.
 */
const WriteRequest = DraftRequest.extend({
  base: z.string().max(100).nullable().optional(),
  overwrite: z.boolean().optional(),
});
type DraftRequest = z.infer<typeof DraftRequest>;

async function readBody(request: IncomingMessage): Promise<unknown> {
  const declared = Number(request.headers["content-length"] ?? 0);
  if (declared > MAX_BODY_BYTES) throw new HttpError(413, "请求过大", "request too large");
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "请求过大", "request too large");
    chunks.push(chunk as Buffer);
  }
  if (size === 0) return {};
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8")) as unknown;
  } catch {
    throw new HttpError(400, "请求不是有效的 JSON", "the request is not valid JSON");
  }
}

function parse<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new HttpError(400, "请求内容不符合要求", `bad request: ${parsed.error.issues[0]?.message ?? "invalid"}`);
  return parsed.data;
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", "content-length": Buffer.byteLength(text) });
  response.end(text);
}

function sendFile(response: ServerResponse, bytes: Uint8Array, type: string, name: string): void {
  const ascii = name.replace(/[^\x20-\x7e]/gu, "_").replace(/["\\]/gu, "_");
  response.writeHead(200, {
    "content-type": type,
    "cache-control": "no-store",
    "content-length": bytes.length,
    "content-disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  });
  response.end(bytes);
}

const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
  // Everything is served from here; no CDN, no web fonts, no inline script.
  "content-security-policy": "default-src 'self'; img-src 'self' data: blob:; style-src 'self' 'unsafe-inline'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'",
} as const;

const STATIC: Readonly<Record<string, { file: string; type: string }>> = {
  "/": { file: "index.html", type: "text/html; charset=utf-8" },
  "/app.js": { file: "app.js", type: "text/javascript; charset=utf-8" },
  "/app.css": { file: "app.css", type: "text/css; charset=utf-8" },
};

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const folder = new Folder(options.folder);
  const guard = new Guard();
  const office = new WarmOffice();
  const webDir = options.webDir ?? join(PACKAGE_ROOT, "dist", "web");
  const archiveRoot = resolveArchiveRoot(undefined, folder.root);

  /** The draft's text with the form's data written in, as it would be saved. */
  const textOf = (draft: DraftRequest): string => {
    if (draft.data === undefined) return draft.text;
    try {
      return applyData(draft.text, draft.data);
    } catch {
      throw new HttpError(400, "数据文件文本无法解析，无法写入修改", "the data file's text does not parse; the edit cannot be written into it");
    }
  };
  const pathOf = async (name: string): Promise<string> => {
    const path = await folder.resolve(name);
    if (!path) throw new HttpError(403, `不能读写所选文件夹以外的文件：${name}`, `only files inside the chosen folder can be read or written: ${name}`);
    return path;
  };
  /** Loads the draft as the CLI would; unusable data is answered 422 with every problem. */
  const loadedOf = async (draft: DraftRequest) => {
    const text = textOf(draft);
    const file = await pathOf(draft.file);
    const { loaded, diagnostics } = loadDraft(text, file);
    if (!loaded) throw new HttpError(422, "数据有错误，请先改正", "the data has errors; correct them first", diagnostics);
    return { loaded, text, file };
  };

  /** 409 when the disk under `file` is not what the editor last saw there, unless told to overwrite. */
  const refuseOverwrite = async (request: z.infer<typeof WriteRequest>, file: string): Promise<void> => {
    if (request.base === undefined || request.overwrite) return;
    const onDisk = await diskVersion(file);
    if (onDisk === request.base) return;
    const name = folder.nameOf(file);
    if (request.base === null) {
      throw new HttpError(409, `文件夹中已有 ${name}，保存会覆盖它`, `${name} already exists in the folder; saving would overwrite it`);
    }
    if (onDisk === null) throw new HttpError(409, `${name} 在打开后已被删除或改名，保存会重新建立它`, `${name} was deleted or renamed since it was opened; saving creates it again`);
    throw new HttpError(409, `${name} 在打开后已被其他程序或窗口修改，保存会覆盖这些修改`, `${name} was changed by another program or window since it was opened; saving would overwrite those changes`);
  };

  const api: Record<string, (body: unknown) => Promise<unknown | ((response: ServerResponse) => void)>> = {
    "/api/start": async (body) => {
      const started = await startDraft(folder, parse(StartRequest, body));
      const evaluation = await evaluateDraft(started.text, join(folder.root, started.file));
      return { ...started, data: dataOf(started.text, started.file), ...evaluation };
    },
    // A Word draft (a .docx of the folder, or an upload as base64): the same answer as /api/start.
    "/api/import": async (body) => api["/api/start"]!({ ...(typeof body === "object" && body !== null ? body : {}), from: "word" }),
    "/api/check": async (body) => {
      const draft = parse(DraftRequest, body);
      const text = textOf(draft);
      const started = performance.now();
      const evaluation = await evaluateDraft(text, join(folder.root, draft.file));
      return { text, ms: performance.now() - started, ...evaluation };
    },
    "/api/save": async (body) => {
      const draft = parse(WriteRequest, body);
      const text = textOf(draft);
      const file = await pathOf(draft.file);
      if (!/\.ya?ml$/iu.test(file)) throw new HttpError(400, "只能保存为 .yaml 文件", "only .yaml files can be saved");
      await refuseOverwrite(draft, file);
      await writeFileAtomic(file, text);
      return { saved: folder.nameOf(file), text, version: versionOfBytes(text) };
    },
    "/api/docx": async (body) => {
      const { loaded } = await loadedOf(parse(DraftRequest, body));
      const result = await renderLoaded(loaded);
      return (response: ServerResponse) => sendFile(response, result.bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", result.suggestedFileName);
    },
    "/api/pdf": async (body) => {
      const { loaded } = await loadedOf(parse(DraftRequest, body));
      const laidOut = await layOutOnOffice(loaded, office);
      await rm(laidOut.pdfPath, { force: true });
      return (response: ServerResponse) => sendFile(response, laidOut.pdf, "application/pdf", suggestedFileName(loaded).replace(/\.docx$/u, ".pdf"));
    },
    "/api/true-layout": async (body) => {
      const { loaded } = await loadedOf(parse(DraftRequest, body));
      const started = performance.now();
      const laidOut = await layOutOnOffice(loaded, office, { images: true });
      const images = laidOut.images ?? [];
      await rm(laidOut.pdfPath, { force: true });
      return {
        ms: performance.now() - started,
        conversionMs: laidOut.conversionMs,
        pages: images.map((png) => `data:image/png;base64,${Buffer.from(png).toString("base64")}`),
        verified: laidOut.verified,
        findings: laidOut.findings,
      };
    },
    "/api/diff": async (body) => {
      const request = parse(DraftRequest.extend({ other: z.string().min(1).max(1000) }), body);
      const { current, other } = await draftsOf(request);
      return toJson(compareDrafts(other, current));
    },
    "/api/redline": async (body) => {
      const request = parse(DraftRequest.extend({ other: z.string().min(1).max(1000) }), body);
      const { current, other } = await draftsOf(request);
      const [{ buildRedline }, { revisionAuthor }] = await Promise.all([import("../review/redline.js"), import("../review/redline-defaults.js")]);
      const bytesOf = async (draft: Draft) => (draft.kind === "docx" ? draft.bytes : (await renderLoaded(draft.loaded!)).bytes);
      const [oldBytes, newBytes] = await Promise.all([bytesOf(other), bytesOf(current)]);
      const result = buildRedline(oldBytes, newBytes, { author: revisionAuthor(other, current, undefined), oldFileName: other.file, newFileName: current.file });
      return (response: ServerResponse) => sendFile(response, result.bytes, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", "修订稿-redline.docx");
    },
    "/api/issue": async (body) => {
      const request = parse(WriteRequest.extend({ confirm: z.literal(true) }), body);
      const { text, file } = await loadedOf(request);
      // What is issued is what is saved: the file on disk, as `gongwen issue <file>` reads it.
      await refuseOverwrite(request, file);
      await writeFileAtomic(file, text);
      const { issue } = await import("../archive/store.js");
      const outcome = await issue(file, { root: archiveRoot });
      return { status: outcome.status, docNumber: outcome.docNumber, dir: outcome.dir, version: outcome.metadata.version, saved: folder.nameOf(file), diskVersion: versionOfBytes(text) };
    },
  };

  async function draftsOf(request: DraftRequest & { other: string }): Promise<{ current: Draft; other: Draft }> {
    const { loaded, text, file } = await loadedOf(request);
    const document = composeLoaded(loaded);
    const current: Draft = { file: folder.nameOf(file), kind: "data", bytes: Buffer.from(text), lines: documentLines(document), loaded, document };
    const otherPath = await pathOf(request.other);
    try {
      const other = await readDraft(otherPath);
      return { current, other: { ...other, file: request.other } };
    } catch (error) {
      if (isGongwenError(error)) throw new HttpError(422, `无法读取要比较的稿件：${request.other}`, `cannot read the draft to compare: ${request.other}`, error.diagnostics);
      throw error;
    }
  }

  const info = async () => ({
    folder: folder.root,
    files: await folder.dataFiles(),
    drafts: await folder.wordDrafts(),
    kinds: allKinds().map((kind) => ({ id: kind.id, label: kind.label })),
    formats: FORMATS,
    starters: Object.entries(STARTER_FILES).map(([name, value]) => ({ name, zh: value.zh })),
    officeAvailable: (await import("../pdf/libreoffice.js")).isLibreOfficeAvailable(),
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
    const refusal = guard.refusal(request);
    if (refusal) return sendJson(response, 403, { zh: "拒绝：请求不是来自本机的编辑器页面", en: `refused: not from this editor's page (${refusal})` });
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const method = request.method ?? "GET";

    // The printed address carries the token once; the page keeps it as a cookie.
    const offered = url.searchParams.get("token");
    if (method === "GET" && url.pathname === "/" && offered !== null) {
      if (!guard.matches(offered)) return sendJson(response, 403, { zh: "口令无效，请使用启动时打印的地址", en: "invalid token; open the address printed at start" });
      url.searchParams.delete("token");
      response.writeHead(303, { location: `/${url.search}`, "set-cookie": guard.cookie() });
      return void response.end();
    }
    if (!guard.authorised(request)) return sendJson(response, 401, { zh: "未授权：请使用启动时打印的地址打开", en: "unauthorised: open the address printed at start" });

    if (method === "GET") {
      const asset = STATIC[url.pathname];
      if (asset) {
        const bytes = await readFile(join(webDir, asset.file)).catch(() => undefined);
        if (!bytes) return sendJson(response, 500, { zh: "编辑器页面未构建（npm run build）", en: "the editor page is not built (npm run build)" });
        response.writeHead(200, { "content-type": asset.type, "cache-control": "no-store" });
        return void response.end(bytes);
      }
      if (url.pathname === "/api/info") return sendJson(response, 200, await info());
      if (url.pathname === "/api/schema") {
        const kind = findKind(url.searchParams.get("kind") ?? "");
        if (!kind) return sendJson(response, 404, { zh: "未知的种类", en: "unknown kind" });
        return sendJson(response, 200, kindJsonSchema(kind));
      }
      return sendJson(response, 404, { zh: "没有这个地址", en: "not found" });
    }
    if (method !== "POST") return sendJson(response, 405, { zh: "不支持的请求方法", en: "method not allowed" });
    const route = api[url.pathname];
    if (!route) return sendJson(response, 404, { zh: "没有这个地址", en: "not found" });
    const type = request.headers["content-type"] ?? "";
    // JSON only: a form post from another page (text/plain, form encodings) cannot reach a route.
    if (!type.startsWith("application/json")) return sendJson(response, 415, { zh: "请求须为 JSON", en: "requests must be JSON" });
    const result = await route(await readBody(request));
    if (typeof result === "function") return (result as (response: ServerResponse) => void)(response);
    return sendJson(response, 200, result);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (response.headersSent) return void response.destroy();
      if (error instanceof HttpError) return sendJson(response, error.status, { zh: error.zh, en: error.en, diagnostics: error.diagnostics });
      if (error instanceof StartError) return sendJson(response, error.status, { zh: error.zh, en: error.en, diagnostics: error.diagnostics });
      if (error instanceof OfficeClosedError) return sendJson(response, 503, { zh: "编辑器正在关闭", en: "the editor is shutting down" });
      if (isGongwenError(error)) return sendJson(response, 422, { zh: "无法完成", en: "could not be done", diagnostics: error.diagnostics });
      // Never a stack trace to the page; one line for whoever runs the server.
      process.stderr.write(`内部错误 / internal error: ${(error as Error)?.message ?? String(error)}\n`);
      sendJson(response, 500, { zh: "内部错误", en: "internal error" });
    });
  });
  server.requestTimeout = 120_000;
  server.headersTimeout = 20_000;
  // A malformed request line or header: answer 400 and carry on.
  server.on("clientError", (_error, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
    else socket.destroy();
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => resolvePromise());
  });
  const port = (server.address() as AddressInfo).port;
  guard.listening(port);
  if (options.warmOffice !== false && (await import("../pdf/libreoffice.js")).isLibreOfficeAvailable()) {
    // In the background: the page is usable at once.
    void renderFile(SAMPLE_DATA_FILE).then((result) => office.warm(result.bytes), () => undefined);
  }
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    openUrl: `${url}?token=${guard.token}`,
    token: guard.token,
    folder: folder.root,
    server,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
      await office.close();
    },
  };
}
