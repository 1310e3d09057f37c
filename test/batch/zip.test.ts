import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import zlib, { gzipSync } from "node:zlib";
import { strFromU8, unzipSync, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { zipEntries, zipInternals } from "../../src/render/docx/zip.js";
import { crc32 } from "../../src/package/crc32.js";
import { renderFile } from "../../src/pipeline.js";
import { tempDir } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";

const entries = [
  { name: "[Content_Types].xml", data: '<?xml version="1.0"?><Types/>' },
  { name: "word/document.xml", data: `<w:document>${"青海省政务服务监督管理局".repeat(200)}</w:document>` },
  { name: "word/media/image1.png", data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
  { name: "docs/说明.xml", data: "<x>非 ASCII 文件名</x>" },
];

describe("the deterministic zip writer", () => {
  it("writes a zip that fflate and Info-ZIP read back exactly", () => {
    const zip = zipEntries(entries);
    const back = unzipSync(zip);
    expect(Object.keys(back)).toEqual(entries.map((e) => e.name));
    expect(strFromU8(back["word/document.xml"] ?? new Uint8Array())).toBe(entries[1]?.data);
    expect([...(back["word/media/image1.png"] ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    const file = join(tempDir(), "t.zip");
    writeFileSync(file, zip);
    // `unzip -t` checks every CRC and the central directory.
    expect(execFileSync("unzip", ["-t", file], { encoding: "utf8" })).toContain("No errors detected");
  });

  it("gives the bytes fflate's zipSync gave in UTC (the earlier output), whatever the time zone", () => {
    const reference = zipSync(
      Object.fromEntries(entries.map((e) => [e.name, typeof e.data === "string" ? new TextEncoder().encode(e.data) : e.data])),
      { level: 6, mtime: new Date(1980, 0, 1, 0, 0, 0) },
    );
    expect(Buffer.compare(Buffer.from(zipEntries(entries)), Buffer.from(reference))).toBe(0);
  });

  it("stamps every entry 1980-01-01 00:00 in DOS time", () => {
    const zip = zipEntries(entries);
    const view = new DataView(zip.buffer, zip.byteOffset);
    expect(view.getUint16(10, true)).toBe(0); // time
    expect(view.getUint16(12, true)).toBe(0x21); // date: 1980-01-01
  });

  it("reuses deflated parts by content without changing a byte", () => {
    zipInternals.clearCache();
    const cold = zipEntries(entries);
    expect(zipInternals.cacheSize()).toBeGreaterThan(0);
    const warm = zipEntries(entries);
    expect(Buffer.compare(Buffer.from(cold), Buffer.from(warm))).toBe(0);
  });

  it("keeps its cache bounded however many distinct parts pass through", () => {
    for (let i = 0; i < 500; i++) zipEntries([{ name: "a.xml", data: `<a>${i}</a>` }]);
    expect(zipInternals.cacheSize()).toBeLessThanOrEqual(96);
  });

  it("computes the same CRC-32 in JavaScript as zlib does", () => {
    const data = new TextEncoder().encode("青政务〔2022〕3号 The quick brown fox");
    expect(zipInternals.javascriptCrc32(data)).toBe(0xffffffff & Number.parseInt(crcOf(data), 16));
    // Every length around the eight-byte steps, and one past the switch to the native CRC.
    const bytes = Uint8Array.from({ length: 70_000 }, (_, i) => (i * 2_654_435_761) >>> 24);
    for (const length of [0, 1, 7, 8, 9, 15, 16, 17, 63, 64, 65, 1000, 70_000]) {
      const slice = bytes.subarray(3, 3 + length);
      expect(zipInternals.javascriptCrc32(slice), `length ${length}`).toBe(zlib.crc32(slice) >>> 0);
    }
    for (let i = 0; i < 20; i++) expect(crc32(bytes)).toBe(zlib.crc32(bytes) >>> 0);
  });

  it("renders the same .docx in Beijing, New York and UTC (zip times no longer follow the clock's zone)", () => {
    const script = `import("${join(process.cwd(), "dist", "pipeline.js")}").then(async (p) => { const r = await p.renderFile(${JSON.stringify(SAMPLE)}); process.stdout.write((await import("node:crypto")).createHash("sha256").update(r.bytes).digest("hex")); })`;
    const hashes = ["Asia/Shanghai", "America/New_York", "UTC"].map((TZ) =>
      execFileSync(process.execPath, ["-e", script], { env: { ...process.env, TZ }, encoding: "utf8" }),
    );
    expect(new Set(hashes).size).toBe(1);
  });

  it("packs a rendered circular that reads back as a docx", async () => {
    const { bytes } = await renderFile(SAMPLE);
    const parts = unzipSync(bytes);
    expect(Object.keys(parts)).toContain("word/document.xml");
    expect(strFromU8(parts["docProps/core.xml"] ?? new Uint8Array())).toContain("2022-01-27T00:00:00Z");
  });
});

function crcOf(data: Uint8Array): string {
  // zlib's own CRC, through gzip's trailer: independent of both implementations under test.
  const gz = gzipSync(data);
  return gz.readUInt32LE(gz.length - 8).toString(16);
}
