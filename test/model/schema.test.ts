import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { assessmentCircular } from "../../src/kinds/assessment-circular/index.js";
import { general } from "../../src/kinds/general/index.js";
import type { DocumentKind } from "../../src/kinds/kind.js";
import { dataJsonSchema, kindJsonSchema } from "../../src/model/json-schema.js";
import { ROOT } from "../helpers/paths.js";

type Node = { properties?: Record<string, Node>; items?: Node; anyOf?: Node[]; description?: string; required?: string[]; additionalProperties?: boolean };

function paths(node: Node, path = "", out = new Map<string, Node>()): Map<string, Node> {
  if (path) out.set(path, node);
  for (const [key, child] of Object.entries(node.properties ?? {})) paths(child, path ? `${path}.${key}` : key, out);
  if (node.items) paths(node.items, `${path}[]`, out);
  for (const branch of node.anyOf ?? []) {
    for (const [key, child] of Object.entries(branch.properties ?? {})) paths(child, `${path}.${key}`, out);
    if (branch.items) paths(branch.items, `${path}[]`, out);
  }
  return out;
}

describe.each([
  ["assessment-circular", assessmentCircular as unknown as DocumentKind, ["envelope", "envelope.colophon", "content", "content.assessment"]],
  ["general", general as unknown as DocumentKind, ["envelope", "envelope.attendance"]],
] as const)("the JSON Schema of %s data files", (_name, kind, groups) => {
  const schema = kindJsonSchema(kind) as Node;
  const all = paths(schema);

  it("describes only fields that exist", () => {
    for (const path of Object.keys(kind.descriptions)) expect(all.has(path), path).toBe(true);
  });

  it("describes every field of its main groups, Chinese first", () => {
    for (const group of groups) {
      for (const key of Object.keys(all.get(group)?.properties ?? {})) {
        const description = all.get(`${group}.${key}`)?.description;
        expect(description, `${group}.${key}`).toMatch(/^[\u4E00-\u9FFF].* \/ [A-Za-z]/u);
      }
    }
  });

  it("rejects unknown fields", () => {
    expect(schema.additionalProperties).toBe(false);
  });
});

describe("what the kinds require", () => {
  it("the circular requires 文号, 主送 and 版记, as every circular so far had them", () => {
    const envelope = paths(kindJsonSchema(assessmentCircular as unknown as DocumentKind) as Node).get("envelope");
    expect(envelope?.required).toEqual(expect.arrayContaining(["issuers", "docNumber", "title", "addressees", "signedOn", "colophon"]));
  });

  it("the general kind requires only what every 公文 has", () => {
    const all = paths(kindJsonSchema(general as unknown as DocumentKind) as Node);
    expect([...(all.get("envelope")?.required ?? [])].sort()).toEqual(["issuers", "signedOn"]);
    expect([...((kindJsonSchema(general as unknown as DocumentKind) as Node).required ?? [])].sort()).toEqual(["body", "docType", "envelope", "kind"]);
  });
});

describe("the schema files shipped in data/", () => {
  it("are the schemas the model makes (regenerate with gongwen schema)", () => {
    const text = (schema: unknown) => `${JSON.stringify(schema, null, 2)}\n`;
    expect(readFileSync(join(ROOT, "data", "circular.schema.json"), "utf8")).toBe(text(kindJsonSchema(assessmentCircular as unknown as DocumentKind)));
    expect(readFileSync(join(ROOT, "data", "gongwen.schema.json"), "utf8")).toBe(text(dataJsonSchema()));
  });
});
