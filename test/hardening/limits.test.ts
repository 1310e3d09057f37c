import { readDocxText } from "../../src/review/docx-text.js";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { MAX_INLINE_CHARS, MAX_LIST_ITEMS } from "../../src/model/primitives.js";
import { parseDocumentText } from "../../src/model/validate.js";
import { renderLoaded } from "../../src/pipeline.js";
import { gongwen } from "../helpers/cli.js";
import { sampleWith, writeTemp } from "../helpers/data.js";
import { diagnosticsOf, summary } from "./hardening-helpers.js";

const UNIT = "各公共资源交易中心强化制度建设，积极推进制度加流程模式，打造公平公正的公共资源交易环境。";
const chars = (n: number) => UNIT.repeat(Math.ceil(n / UNIT.length)).slice(0, n - 1) + "。";

describe("size limits: render or refuse clearly, never hang", () => {
  it("renders a 100,000-character paragraph in seconds, every character in the .docx", async () => {
    const closing = chars(100_000);
    const loaded = parseDocumentText(sampleWith([[["content", "results", "closing"], closing]]), "long.yaml");
    const started = performance.now();
    const { bytes, plan } = await renderLoaded(loaded);
    const ms = performance.now() - started;
    expect(ms).toBeLessThan(20_000); // ~1 s here; generous for a loaded CI machine
    expect(plan.totalPages).toBeGreaterThan(100);
    // The layout splits the last paragraph before its last two lines (they go with the 署名); read as one.
    expect(readDocxText(bytes).body.map((p) => p.text)).toContain(closing);
  });

  it(`refuses 5,000 points with the limit (${MAX_LIST_ITEMS} per list) named, quickly`, () => {
    const points = Array.from({ length: 5000 }, (_, i) => ({ title: `第${i + 1}条要点。`, text: "各中心设施齐全。" }));
    const started = performance.now();
    const diagnostics = diagnosticsOf(() => parseDocumentText(sampleWith([[["content", "baseline", "points"], points]]), "points.yaml"));
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(summary(diagnostics)).toEqual(["too-many @ content.baseline.points"]);
    expect(diagnostics[0]?.zh).toBe(`基本情况要点最多 ${MAX_LIST_ITEMS} 项`);
  });

  it(`renders ${MAX_LIST_ITEMS} points, the most a list may hold`, async () => {
    const points = Array.from({ length: MAX_LIST_ITEMS }, (_, i) => ({ title: `第${i + 1}条要点。`, text: "各中心设施齐全。" }));
    const loaded = parseDocumentText(sampleWith([[["content", "baseline", "points"], points]]), "points.yaml");
    const { bytes } = await renderLoaded(loaded);
    expect(strFromU8(unzipSync(bytes)["word/document.xml"] ?? new Uint8Array())).toContain("（一千）");
  });

  it(`refuses a one-line field over ${MAX_INLINE_CHARS} characters, and says a long title can be written as lines`, () => {
    const diagnostics = diagnosticsOf(() =>
      parseDocumentText(sampleWith([[["envelope", "title"], `${chars(200)}通报`], [["envelope", "addressees", 0], chars(101)]]), "long.yaml"),
    );
    expect(summary(diagnostics)).toEqual(["too-long @ envelope.title", "too-long @ envelope.addressees[0]"]);
    expect(diagnostics[0]?.zh).toContain("可分行写成列表");
  });

  it("breaks a title of the full 100 characters in bounded time", async () => {
    const title = `${Array.from({ length: 96 }, (_, i) => String.fromCodePoint(0x4e00 + ((i * 389) % 2000))).join("")}情况通报`;
    const loaded = parseDocumentText(sampleWith([[["envelope", "title"], title]]), "title.yaml");
    const started = performance.now();
    await renderLoaded(loaded);
    expect(performance.now() - started).toBeLessThan(20_000);
  });

  it("refuses through the CLI with exit 1 and the limit in the message", () => {
    const points = Array.from({ length: 1001 }, () => ({ title: "要点。", text: "正文。" }));
    const result = gongwen(["validate", writeTemp(sampleWith([[["content", "problems", "points"], points]]))]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(`存在问题最多 ${MAX_LIST_ITEMS} 项`);
  });
});
