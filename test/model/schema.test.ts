import { describe, expect, it } from "vitest";
import { FIELD_DESCRIPTIONS } from "../../src/model/descriptions.js";
import { circularJsonSchema } from "../../src/model/json-schema.js";

type Node = { properties?: Record<string, Node>; items?: Node; anyOf?: Node[]; description?: string; required?: string[] };

function paths(node: Node, path = "", out = new Map<string, Node>()): Map<string, Node> {
  if (path) out.set(path, node);
  for (const [key, child] of Object.entries(node.properties ?? {})) paths(child, path ? `${path}.${key}` : key, out);
  if (node.items) paths(node.items, `${path}[]`, out);
  for (const branch of node.anyOf ?? []) {
    for (const [key, child] of Object.entries(branch.properties ?? {})) paths(child, `${path}.${key}`, out);
  }
  return out;
}

describe("the JSON Schema of data files", () => {
  const schema = circularJsonSchema() as Node;
  const all = paths(schema);

  it("describes only fields that exist", () => {
    for (const path of Object.keys(FIELD_DESCRIPTIONS)) expect(all.has(path), path).toBe(true);
  });

  it("describes every field of the envelope, the colophon and the assessment, Chinese first", () => {
    for (const group of ["envelope", "envelope.colophon", "content", "content.assessment"]) {
      for (const key of Object.keys(all.get(group)?.properties ?? {})) {
        const description = all.get(`${group}.${key}`)?.description;
        expect(description, `${group}.${key}`).toMatch(/^[\u4E00-\u9FFF].* \/ [A-Za-z]/u);
      }
    }
  });

  it("requires what the documents need and rejects unknown fields", () => {
    expect(all.get("envelope")?.required).toEqual(expect.arrayContaining(["issuers", "docNumber", "title", "addressees", "signedOn", "colophon"]));
    expect((schema as { additionalProperties?: boolean }).additionalProperties).toBe(false);
  });
});
