import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { convertToPdf } from "../../src/pdf/libreoffice.js";
import { compareDrafts } from "../../src/review/compare.js";
import { docxToPlainText } from "../../src/review/docx-text.js";
import { readDraft } from "../../src/review/paragraphs.js";
import { buildRedline } from "../../src/review/redline.js";
import { findAll, openDocx } from "../helpers/xml.js";
import { NEEDS_LIBREOFFICE, skipLibreOffice } from "../pdf/requires-libreoffice.js";
import { cli, ensureBuilt } from "./helpers/cli.js";
import { secondAndThirdDrafts, type DraftFiles } from "./helpers/drafts.js";
import { LibreOfficeMacros } from "./helpers/libreoffice-macro.js";

/**
 * LibreOffice as the independent judge: documents it saved must diff like ours, and its own
 * Accept All / Reject All on our redline must give exactly the new / old text.
 */

const plain = (bytes: Uint8Array, view?: "accepted" | "rejected") => docxToPlainText(bytes, { dropEmptyLines: true, ...(view ? { view } : {}) });
const text = (file: string) => plain(readFileSync(file));

describe.skipIf(skipLibreOffice)(`drafts through LibreOffice ${NEEDS_LIBREOFFICE}`, () => {
  let lo: LibreOfficeMacros;
  let dir: string;
  let second: DraftFiles;
  let third: DraftFiles;
  /** Our 2nd draft, opened and saved by LibreOffice without changes. */
  let roundTrip: string;
  /** Our 2nd draft with one phrase replaced in LibreOffice (Find & Replace, saved as .docx). */
  let edited: string;

  beforeAll(async () => {
    ensureBuilt();
    ({ dir, second, third } = await secondAndThirdDrafts());
    lo = await LibreOfficeMacros.create();
    roundTrip = join(dir, "draft2-libreoffice.docx");
    edited = join(dir, "draft2-edited-in-libreoffice.docx");
    await lo.resave(second.docx, roundTrip);
    await lo.replace(second.docx, edited, "加强业务学习", "加强政策法规学习");
  }, 240_000);
  afterAll(() => lo?.dispose());

  it("diffs a round trip through LibreOffice as identical to ours, and to the data file", () => {
    expect(Buffer.compare(readFileSync(roundTrip), readFileSync(second.docx))).not.toBe(0);
    for (const ours of [second.docx, second.yaml]) {
      const result = cli(["diff", ours, roundTrip]);
      expect(result.status, result.stdout + result.stderr).toBe(0);
    }
    expect(cli(["text", roundTrip]).stdout).toBe(cli(["text", second.yaml]).stdout);
  });

  it("shows exactly the edit made in LibreOffice, inside its paragraph", async () => {
    const comparison = compareDrafts(await readDraft(second.docx), await readDraft(edited));
    expect(comparison.paragraphs).toHaveLength(1);
    const [change] = comparison.paragraphs;
    expect(change).toMatchObject({ change: "changed", old: { line: 12 }, new: { line: 12 } });
    expect(change && "segments" in change && change.segments.filter((s) => s.op !== "equal")).toEqual([
      { op: "delete", text: "业务" },
      { op: "insert", text: "政策法规" },
    ]);
    const cliResult = cli(["diff", second.yaml, edited]);
    expect(cliResult.status).toBe(1);
    expect(cliResult.stdout).toContain("加强[-业务-]{+政策法规+}学习");
  });

  it("has LibreOffice Accept All give the new text and Reject All the old, on our redline", async () => {
    const redline = join(dir, "redline.docx");
    expect(cli(["diff", second.yaml, third.yaml, "--redline", redline]).status).toBe(1);
    const accepted = join(dir, "redline-accepted.docx");
    const rejected = join(dir, "redline-rejected.docx");
    await lo.resave(redline, accepted, "accept");
    await lo.resave(redline, rejected, "reject");
    expect(text(accepted)).toBe(text(third.docx));
    expect(text(rejected)).toBe(text(second.docx));
    for (const file of [accepted, rejected]) {
      const xml = openDocx(readFileSync(file)).part("word/document.xml");
      expect([...findAll(xml, "w:ins"), ...findAll(xml, "w:del")]).toEqual([]);
    }
  });

  it("keeps the tracked changes when LibreOffice saves the redline unchanged", async () => {
    const redline = join(dir, "redline-kept.docx");
    cli(["diff", second.docx, third.docx, "--redline", redline]);
    const resaved = join(dir, "redline-resaved.docx");
    await lo.resave(redline, resaved);
    const bytes = readFileSync(resaved);
    expect(findAll(openDocx(bytes).part("word/document.xml"), "w:ins").length).toBeGreaterThan(0);
    expect(plain(bytes, "accepted")).toBe(text(third.docx));
    expect(plain(bytes, "rejected")).toBe(text(second.docx));
  });

  it("opens the redline and lays it out (PDF)", async () => {
    const redline = join(dir, "redline-pdf.docx");
    cli(["diff", second.yaml, third.yaml, "--redline", redline]);
    const [result] = await convertToPdf([redline], join(dir, "pdf"));
    expect(result?.pages).toBeGreaterThanOrEqual(7);
  });

  it("redlines against LibreOffice's XML on either side, and LibreOffice agrees", async () => {
    const cases: Array<[string, Uint8Array, Uint8Array]> = [
      ["old edited in LibreOffice", readFileSync(edited), readFileSync(third.docx)],
      ["new edited in LibreOffice", readFileSync(second.docx), readFileSync(edited)],
    ];
    for (const [name, older, newer] of cases) {
      const bytes = buildRedline(older, newer, { author: "审核", date: "2022-01-28T00:00:00Z" }).bytes;
      expect(plain(bytes, "accepted"), name).toBe(plain(newer));
      expect(plain(bytes, "rejected"), name).toBe(plain(older));
      const file = join(dir, `${name.replace(/ /g, "-")}.docx`);
      writeFileSync(file, bytes);
      await lo.resave(file, `${file}.accepted.docx`, "accept");
      await lo.resave(file, `${file}.rejected.docx`, "reject");
      expect(text(`${file}.accepted.docx`), name).toBe(plain(newer));
      expect(text(`${file}.rejected.docx`), name).toBe(plain(older));
    }
    const onlyEdit = buildRedline(readFileSync(second.docx), readFileSync(edited), { author: "审核" }).bytes;
    const xml = openDocx(onlyEdit).part("word/document.xml");
    expect(findAll(xml, "w:delText").map((t) => t.text)).toEqual(["业务"]);
    expect(findAll(xml, "w:ins").flatMap((i) => findAll(i, "w:t")).map((t) => t.text)).toEqual(["政策法规"]);
  });
});
