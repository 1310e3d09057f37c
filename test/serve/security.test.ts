import { mkdirSync, readFileSync, symlinkSync, writeFileSync, existsSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_BODY_BYTES, startServer, type RunningServer } from "../../src/serve/server.js";
import { tempDir } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";
import { call } from "./http.js";

/**
 * The editor is safe by default: it answers only its own page on this machine (Host, Origin, token),
 * reads and writes only inside its folder, limits request sizes, and no input brings it down.
 */

let server: RunningServer;
let folder: string;
let outside: string;
let host: string;

const json = (body: unknown, extra: Record<string, string> = {}) => ({
  method: "POST",
  headers: { host, "content-type": "application/json", "x-gongwen-token": server.token, ...extra },
  body: JSON.stringify(body),
});
const sampleText = () => readFileSync(SAMPLE, "utf8");

beforeAll(async () => {
  folder = tempDir("gongwen-serve-");
  outside = tempDir("gongwen-outside-");
  writeFileSync(join(folder, "draft.yaml"), sampleText());
  writeFileSync(join(outside, "secret.yaml"), "kind: general\n");
  symlinkSync(outside, join(folder, "link-out"));
  symlinkSync(join(outside, "secret.yaml"), join(folder, "secret-link.yaml"));
  mkdirSync(join(folder, "sub"));
  server = await startServer({ folder, warmOffice: false });
  host = new URL(server.url).host;
});

afterAll(async () => {
  await server?.close();
});

describe("who may talk to the editor", () => {
  it("listens on 127.0.0.1 only", () => {
    const address = server.server.address();
    expect(typeof address === "object" && address?.address).toBe("127.0.0.1");
  });

  it("refuses a request whose Host is not its own (DNS rebinding)", async () => {
    const answer = await call(`${server.url}api/info`, { headers: { host: `evil.example:${new URL(server.url).port}`, "x-gongwen-token": server.token } });
    expect(answer.status).toBe(403);
    expect(answer.json().zh).toContain("拒绝");
  });

  it("refuses a post from another origin, even with the token", async () => {
    const answer = await call(`${server.url}api/start`, json({ from: "sample" }, { origin: "http://evil.example" }));
    expect(answer.status).toBe(403);
    const crossSite = await call(`${server.url}api/info`, { headers: { host, "x-gongwen-token": server.token, "sec-fetch-site": "cross-site" } });
    expect(crossSite.status).toBe(403);
  });

  it("accepts its own origin with the token", async () => {
    const answer = await call(`${server.url}api/start`, json({ from: "sample" }, { origin: `http://${host}` }));
    expect(answer.status).toBe(200);
    expect(answer.json().data.kind).toBe("assessment-circular");
  });

  it("answers nothing without the token, and refuses a wrong one", async () => {
    expect((await call(`${server.url}api/info`, { headers: { host } })).status).toBe(401);
    expect((await call(server.url, { headers: { host } })).status).toBe(401);
    expect((await call(`${server.url}api/info`, { headers: { host, "x-gongwen-token": "0".repeat(48) } })).status).toBe(401);
    expect((await call(`${server.url}?token=wrong`, { headers: { host } })).status).toBe(403);
  });

  it("trades the printed address's token for an HttpOnly, SameSite=Strict cookie that then opens the page", async () => {
    const answer = await call(server.openUrl, { headers: { host } });
    expect(answer.status).toBe(303);
    const cookie = String(answer.headers["set-cookie"]);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Strict");
    const page = await call(server.url, { headers: { host, cookie: cookie.split(";")[0]! } });
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('<script src="/app.js">');
    expect(page.headers["content-security-policy"]).toContain("default-src 'self'");
  });

  it("makes a new token at each start", async () => {
    const other = await startServer({ folder, warmOffice: false });
    try {
      expect(other.token).not.toBe(server.token);
      expect(other.token).toMatch(/^[0-9a-f]{48}$/u);
    } finally {
      await other.close();
    }
  });
});

describe("only inside the chosen folder", () => {
  const draft = (file: string) => ({ file, text: sampleText() });

  it("saves inside the folder", async () => {
    const answer = await call(`${server.url}api/save`, json(draft("sub/saved.yaml")));
    expect(answer.status).toBe(200);
    expect(readFileSync(join(folder, "sub", "saved.yaml"), "utf8")).toBe(sampleText());
  });

  for (const name of ["../escape.yaml", "sub/../../escape.yaml", "/tmp/escape.yaml", "link-out/escape.yaml", "secret-link.yaml", "a\0b.yaml"]) {
    it(`refuses to write ${JSON.stringify(name)}`, async () => {
      const answer = await call(`${server.url}api/save`, json(draft(name)));
      expect(answer.status).toBe(403);
      expect(answer.json().zh).toContain("文件夹以外");
      expect(readFileSync(join(outside, "secret.yaml"), "utf8")).toBe("kind: general\n");
      expect(existsSync(join(outside, "escape.yaml"))).toBe(false);
    });
  }

  it("refuses to read a file out of the folder (by name or by a link)", async () => {
    for (const file of ["../x.yaml", "link-out/secret.yaml", "secret-link.yaml"]) {
      const answer = await call(`${server.url}api/start`, json({ from: "file", file }));
      expect(answer.status, file).toBe(403);
    }
    const diff = await call(`${server.url}api/diff`, json({ ...draft("draft.yaml"), other: "link-out/secret.yaml" }));
    expect(diff.status).toBe(403);
  });

  it("lists only the folder's data files, not what links lead to", async () => {
    const info = (await call(`${server.url}api/info`, { headers: { host, "x-gongwen-token": server.token } })).json();
    expect(info.files).toContain("draft.yaml");
    expect(info.files).not.toContain("link-out/secret.yaml");
  });

  it("saves only .yaml files", async () => {
    const answer = await call(`${server.url}api/save`, json(draft("notes.txt")));
    expect(answer.status).toBe(400);
  });
});

describe("bad input never brings it down", () => {
  it("refuses a body over the size limit", async () => {
    const answer = await call(`${server.url}api/check`, json({ file: "a.yaml", text: "x".repeat(MAX_BODY_BYTES + 10) }));
    expect(answer.status).toBe(413);
  });

  it("answers broken JSON, wrong shapes, wrong types and unknown routes with 4xx", async () => {
    const headers = { host, "content-type": "application/json", "x-gongwen-token": server.token };
    expect((await call(`${server.url}api/check`, { method: "POST", headers, body: "{not json" })).status).toBe(400);
    expect((await call(`${server.url}api/check`, { method: "POST", headers, body: JSON.stringify({ file: 3 }) })).status).toBe(400);
    expect((await call(`${server.url}api/start`, { method: "POST", headers, body: JSON.stringify({ from: "nowhere" }) })).status).toBe(400);
    expect((await call(`${server.url}api/check`, { method: "POST", headers: { ...headers, "content-type": "text/plain" }, body: "{}" })).status).toBe(415);
    expect((await call(`${server.url}api/nothing`, { method: "POST", headers, body: "{}" })).status).toBe(404);
    expect((await call(`${server.url}api/check`, { method: "PUT", headers, body: "{}" })).status).toBe(405);
  });

  it("reports invalid data as validate does, and unparsable YAML as a YAML error", async () => {
    const bad = await call(`${server.url}api/check`, json({ file: "a.yaml", text: sampleText().replace("signedOn: 2022-01-27", "signedOn: 2022-13-45") }));
    expect(bad.status).toBe(200);
    expect(bad.json().diagnostics.some((d: { path: string[] }) => d.path?.join(".") === "envelope.signedOn")).toBe(true);
    const broken = await call(`${server.url}api/check`, json({ file: "a.yaml", text: "kind: [unclosed" }));
    expect(broken.status).toBe(200);
    expect(broken.json().diagnostics[0].rule).toBe("yaml-syntax");
    // Data written into text that does not parse: refused, not crashed.
    const patch = await call(`${server.url}api/check`, json({ file: "a.yaml", text: "kind: [unclosed", data: { kind: "general" } }));
    expect(patch.status).toBe(400);
    const docx = await call(`${server.url}api/docx`, json({ file: "a.yaml", text: "kind: general\n" }));
    expect(docx.status).toBe(422);
    expect(docx.json().diagnostics.length).toBeGreaterThan(0);
  });

  it("answers a malformed request line with 400 and keeps serving", async () => {
    const port = Number(new URL(server.url).port);
    const reply = await new Promise<string>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => socket.write("GARBAGE \x00\x01 HTTP/9\r\n\r\n"));
      let text = "";
      socket.on("data", (chunk) => (text += chunk.toString()));
      socket.on("close", () => resolve(text));
      socket.on("error", () => resolve(text));
    });
    expect(reply).toContain("400");
    expect((await call(`${server.url}api/info`, { headers: { host, "x-gongwen-token": server.token } })).status).toBe(200);
  });
});
