import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startServer, type RunningServer } from "../../src/serve/server.js";
import { tempDir } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";
import { call } from "./http.js";

/**
 * Save (and issue, which saves first) never overwrites what the editor has not seen: a file changed on
 * disk by another program or window since it was opened, one deleted meanwhile, or a file already
 * there under a new draft's name. Each is refused with 409 and the reason, Chinese first, and written
 * only when the request says to overwrite; what the disk held stays until then.
 */

let server: RunningServer;
let folder: string;
let host: string;

const post = (path: string, body: unknown) =>
  call(`${server.url}${path}`, { method: "POST", headers: { host, "content-type": "application/json", "x-gongwen-token": server.token }, body: JSON.stringify(body) });
const sampleText = () => readFileSync(SAMPLE, "utf8");
const edited = () => sampleText().replace("signedOn: 2022-01-27", "signedOn: 2022-01-28");

beforeAll(async () => {
  folder = tempDir("gongwen-conflict-");
  server = await startServer({ folder, warmOffice: false });
  host = new URL(server.url).host;
});

afterAll(async () => {
  await server?.close();
});

describe("saving over what the editor has not seen", () => {
  it("saves a file opened and unchanged on disk, and gives its new version", async () => {
    writeFileSync(join(folder, "same.yaml"), sampleText());
    const opened = (await post("api/start", { from: "file", file: "same.yaml" })).json();
    expect(opened.version).toMatch(/^[0-9a-f]{64}$/u);
    const saved = await post("api/save", { file: "same.yaml", text: edited(), base: opened.version });
    expect(saved.status).toBe(200);
    expect(readFileSync(join(folder, "same.yaml"), "utf8")).toBe(edited());
    // Saving again from the version just written needs no overwrite either.
    expect((await post("api/save", { file: "same.yaml", text: sampleText(), base: saved.json().version })).status).toBe(200);
  });

  it("refuses a file changed on disk since it was opened, until told to overwrite", async () => {
    writeFileSync(join(folder, "changed.yaml"), sampleText());
    const opened = (await post("api/start", { from: "file", file: "changed.yaml" })).json();
    writeFileSync(join(folder, "changed.yaml"), `${sampleText()}# another window's edit\n`);
    const refused = await post("api/save", { file: "changed.yaml", text: edited(), base: opened.version });
    expect(refused.status).toBe(409);
    expect(refused.json().zh).toContain("在打开后已被其他程序或窗口修改");
    expect(refused.json().en).toContain("changed by another program or window");
    expect(readFileSync(join(folder, "changed.yaml"), "utf8")).toContain("another window's edit");
    const forced = await post("api/save", { file: "changed.yaml", text: edited(), base: opened.version, overwrite: true });
    expect(forced.status).toBe(200);
    expect(readFileSync(join(folder, "changed.yaml"), "utf8")).toBe(edited());
  });

  it("refuses a file deleted since it was opened, and a new draft's name that a file took meanwhile", async () => {
    writeFileSync(join(folder, "gone.yaml"), sampleText());
    const opened = (await post("api/start", { from: "file", file: "gone.yaml" })).json();
    rmSync(join(folder, "gone.yaml"));
    const gone = await post("api/save", { file: "gone.yaml", text: edited(), base: opened.version });
    expect(gone.status).toBe(409);
    expect(gone.json().zh).toContain("已被删除或改名");

    const started = (await post("api/start", { from: "sample" })).json();
    expect(started.version).toBeNull();
    writeFileSync(join(folder, started.file), "kind: general\n");
    const taken = await post("api/save", { file: started.file, text: edited(), base: started.version });
    expect(taken.status).toBe(409);
    expect(taken.json().zh).toContain("已有");
    expect(readFileSync(join(folder, started.file), "utf8")).toBe("kind: general\n");
    // A new name nobody took is written without asking.
    expect((await post("api/save", { file: "brand-new.yaml", text: edited(), base: null })).status).toBe(200);
  });

  it("issue saves under the same rule: refused over a changed file, the archive untouched", async () => {
    writeFileSync(join(folder, "to-issue.yaml"), sampleText());
    const opened = (await post("api/start", { from: "file", file: "to-issue.yaml" })).json();
    writeFileSync(join(folder, "to-issue.yaml"), `${sampleText()}# changed elsewhere\n`);
    const refused = await post("api/issue", { file: "to-issue.yaml", text: edited(), base: opened.version, confirm: true });
    expect(refused.status).toBe(409);
    expect(readFileSync(join(folder, "to-issue.yaml"), "utf8")).toContain("changed elsewhere");
  });
});
