import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseDocument, isScalar, visit } from "yaml";
import { describe, expect, it } from "vitest";
import { parseDocumentText, validateData } from "../../src/model/validate.js";
import { gongwen } from "../helpers/cli.js";
import { sampleText, tempDir, writeTemp } from "../helpers/data.js";
import { diagnosticsOf, expectBilingual, summary } from "./hardening-helpers.js";

const parse = (text: string) => parseDocumentText(text, "hostile.yaml");

describe("malformed and truncated YAML", () => {
  it.each([
    ["an unclosed quote", 'kind: "assessment-circular\nfonts: default\n'],
    ["an unclosed flow list", "kind: assessment-circular\nenvelope: [\n"],
    ["tab indentation", sampleText().replace("  issuers:", "\tissuers:")],
    ["a duplicate key", sampleText().replace("fonts: default", "fonts: default\nfonts: gbk")],
    ["two documents in one file", `${sampleText()}\n---\nkind: x\n`],
    ["nesting 20,000 deep", `a: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`],
  ])("refuses %s with a YAML error at its line and column", (_name, text) => {
    const diagnostics = diagnosticsOf(() => parse(text));
    expect(diagnostics.length).toBeGreaterThan(0);
    expect(diagnostics[0]?.rule).toBe("yaml-syntax");
    expect(diagnostics[0]?.line).toBeGreaterThan(0);
    expectBilingual(diagnostics);
  });

  it("refuses every truncation of the sample with positioned diagnostics, never a crash", () => {
    const text = sampleText();
    for (let cut = 0; cut < text.length; cut += Math.ceil(text.length / 60)) {
      const diagnostics = diagnosticsOf(() => parse(text.slice(0, cut)));
      expect(diagnostics.length, `cut at ${cut}`).toBeGreaterThan(0);
    }
  });

  it("refuses an alias bomb (billion laughs) without expanding it", () => {
    const bomb = ["a: &a [x,x,x,x,x,x,x,x,x]", ...["b", "c", "d", "e", "f", "g"].map((k, i, all) => `${k}: &${k} [${`*${i === 0 ? "a" : all[i - 1]},`.repeat(9)}]`)].join("\n");
    const started = performance.now();
    expect(diagnosticsOf(() => parse(bomb)).map((d) => d.rule)).toEqual(["yaml-alias"]);
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it("refuses through the CLI with exit 1 and writes nothing", () => {
    const cwd = tempDir();
    const result = gongwen(["render", writeTemp("kind: assessment-circular\nenvelope:\n  title: [\n")], { cwd });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/:\d+:\d+ {2}错误 error {2}YAML 语法错误/);
    expect(existsSync(join(cwd, "output"))).toBe(false);
  });
});

describe("wrong types everywhere", () => {
  /** Every scalar leaf of the sample, by path. */
  function leafPaths(): Array<Array<string | number>> {
    const paths: Array<Array<string | number>> = [];
    const document = parseDocument(sampleText());
    visit(document, {
      Scalar(key, node, path) {
        if (key === "key") return;
        const fields: Array<string | number> = [];
        let child: unknown = node;
        for (const ancestor of [...path].reverse()) {
          const a = ancestor as { key?: unknown; items?: unknown[] };
          if (a.key !== undefined && isScalar(a.key)) fields.unshift(String(a.key.value));
          else if (Array.isArray(a.items) && a.key === undefined && !("value" in (ancestor as object))) {
            const index = a.items.indexOf(child);
            if (index >= 0 && (ancestor as { constructor: { name: string } }).constructor.name === "YAMLSeq") fields.unshift(index);
          }
          child = ancestor;
        }
        paths.push(fields);
      },
    });
    return paths.filter((p) => p.length > 0 && p[0] !== "$schema");
  }

  it("reports each wrong value at its own path, for a number, a list, a map and null in place of every field", () => {
    const paths = leafPaths();
    expect(paths.length).toBeGreaterThan(60);
    const base = parseDocument(sampleText()).toJS() as Record<string, unknown>;
    for (const path of paths) {
      for (const wrong of [12345, ["x"], { x: 1 }, null, true]) {
        const data = structuredClone(base);
        let parent = data as Record<string | number, unknown>;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        const last = path[path.length - 1] as string | number;
        const original = parent[last];
        if (typeof original === typeof wrong && !Array.isArray(wrong) && wrong !== null) continue;
        parent[last] = wrong;
        const { document, diagnostics } = validateData(data);
        const errors = diagnostics.filter((d) => d.severity !== "warning");
        // Some fields take more than one type (seal: manual or {image}; docNumber: parts or text).
        if (errors.length === 0) {
          expect(document, `${path.join(".")} = ${JSON.stringify(wrong)}`).toBeDefined();
          continue;
        }
        const prefix = path.join(".");
        expect(
          errors.some((d) => (d.path ?? []).join(".").startsWith(prefix) || prefix.startsWith((d.path ?? []).join("."))),
          `${prefix} = ${JSON.stringify(wrong)}: ${summary(errors).join("; ")}`,
        ).toBe(true);
        expectBilingual(errors);
      }
    }
  });

  it("refuses a document that is empty, a bare value or a list", () => {
    for (const text of ["", "~\n", "42\n", "- 1\n- 2\n", "'just text'\n"]) expect(diagnosticsOf(() => parse(text)).length).toBeGreaterThan(0);
  });
});

describe("__proto__ and constructor keys", () => {
  it.each([
    ["at the top", `__proto__:\n  polluted: true\n${sampleText()}`, "__proto__"],
    ["in the envelope", sampleText().replace("envelope:\n", "envelope:\n  __proto__:\n    polluted: true\n"), "envelope.__proto__"],
    ["as constructor.prototype", sampleText().replace("envelope:\n", "envelope:\n  constructor:\n    prototype:\n      polluted: true\n"), "envelope.constructor"],
    ["in a list item", sampleText().replace('    - title: "强化标准', '    - __proto__: { polluted: true }\n      title: "强化标准'), "content.baseline.points[0].__proto__"],
  ])("refuses them %s as unknown fields and pollutes no prototype", (_where, text, path) => {
    const diagnostics = diagnosticsOf(() => parse(text));
    expect(summary(diagnostics)).toContain(`unknown-field @ ${path}`);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty("polluted");
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it("rejects unknown keys in every strict object, including a typo", () => {
    const text = sampleText().replace("  signedOn: 2022-01-27", "  signedOn: 2022-01-27\n  signedon: 2022-01-27").replace("    printer:", "    extra: 1\n    printer:");
    expect(summary(diagnosticsOf(() => parse(text)))).toEqual(expect.arrayContaining(["unknown-field @ envelope.signedon", "unknown-field @ envelope.colophon.extra"]));
  });
});
