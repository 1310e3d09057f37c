import { describe, expect, it } from "vitest";
import { applyData, dataOf, evaluateDraft } from "../../src/serve/draft.js";
import { loadDocumentFile } from "../../src/model/validate.js";
import { sampleText } from "../helpers/data.js";
import { SAMPLE } from "../helpers/paths.js";
import { STARTERS } from "../helpers/starters.js";
import { readFileSync } from "node:fs";

/** The editor writes form edits into the clerk's file: comments, order and block scalars stay. */

describe("edits written into the data file", () => {
  it("changes only the edited field; every comment stays", () => {
    const text = sampleText();
    const data = dataOf(text, SAMPLE) as { envelope: { signedOn: string } };
    const edited = applyData(text, { ...data, envelope: { ...data.envelope, signedOn: "2022-01-28" } });
    const before = text.split("\n");
    const after = edited.split("\n");
    const comments = (lines: string[]) => lines.filter((line) => line.trim().startsWith("#"));
    expect(comments(after)).toEqual(comments(before));
    // Every other line exactly as the clerk wrote it.
    expect(after.filter((line, index) => line !== before[index])).toEqual(["  signedOn: 2022-01-28"]);
    expect((dataOf(edited, SAMPLE) as { envelope: { signedOn: string } }).envelope.signedOn).toBe("2022-01-28");
  });

  it("returns the text unchanged when the data is the same", () => {
    const text = sampleText();
    expect(applyData(text, dataOf(text, SAMPLE))).toBe(text);
  });

  it("keeps a Markdown body a block scalar (|) when a line of it is edited", () => {
    const text = readFileSync(STARTERS.letter, "utf8");
    const data = dataOf(text, STARTERS.letter) as { body: string };
    const edited = applyData(text, { ...data, body: data.body.replace("感谢贵厅", "衷心感谢贵厅") });
    expect(edited).toMatch(/^body: \|/mu);
    expect(edited).toContain("  衷心感谢贵厅对我局工作的大力支持。");
    expect(edited.split("\n").filter((line) => line.startsWith("#"))).toEqual(text.split("\n").filter((line) => line.startsWith("#")));
  });

  it("adds and removes list items and fields", () => {
    const text = readFileSync(STARTERS.letter, "utf8");
    const data = dataOf(text, STARTERS.letter) as { envelope: Record<string, unknown> & { addressees: string[] } };
    const more = applyData(text, { ...data, envelope: { ...data.envelope, addressees: [...data.envelope.addressees, "省发展改革委"], urgency: "加急" } });
    expect((dataOf(more, "x") as typeof data).envelope.addressees).toEqual(["省财政厅", "省发展改革委"]);
    expect((dataOf(more, "x") as typeof data).envelope.urgency).toBe("加急");
    const { note: _note, ...rest } = data.envelope;
    const fewer = applyData(text, { ...data, envelope: rest });
    expect(fewer).not.toContain("联系人");
    // A change of structure re-writes the file through the Document API: the comments stay.
    const comments = (t: string) => t.split("\n").filter((line) => line.trim().startsWith("#")).map((line) => line.trim());
    expect(comments(more)).toEqual(comments(text));
    expect(comments(fewer)).toEqual(comments(text));
  });
});

describe("evaluation as validate sees it", () => {
  it("reports the same problems as loading the file, each with its path", async () => {
    const text = sampleText().replace("signedOn: 2022-01-27", "signedOn: 2022-02-30");
    const evaluation = await evaluateDraft(text, SAMPLE);
    expect(evaluation.preview).toBeUndefined();
    const paths = evaluation.diagnostics.filter((d) => d.severity === "error").map((d) => d.path?.join("."));
    expect(paths).toContain("envelope.signedOn");
  });

  it("paginates a valid draft as the .docx is paginated", async () => {
    const evaluation = await evaluateDraft(sampleText(), SAMPLE);
    const loaded = await loadDocumentFile(SAMPLE);
    expect(evaluation.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(evaluation.pages).toBeGreaterThan(1);
    expect(evaluation.bodyLine).toBeUndefined();
    expect(loaded.kind.id).toBe("assessment-circular");
    // 版记 on an even last page (§7.4), page numbers on numbered pages.
    const last = evaluation.preview!.pages[evaluation.preview!.pages.length - 1]!;
    expect(last.number % 2).toBe(0);
    expect(evaluation.preview!.pages[0]!.pageNumber?.text).toBe("— 1 —");
  });
});
