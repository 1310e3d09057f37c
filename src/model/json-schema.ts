import { z } from "zod";
import type { DocumentKind } from "../kinds/kind.js";
import { allKinds } from "../kinds/registry.js";

/**
 * The data format as JSON Schema (draft 2020-12), generated from each kind's zod schema so it never
 * drifts, with the kind's field descriptions: data files reference it, and editors complete and check
 * fields as the clerk types.
 */

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; description?: string };

/** One kind's data file. */
export function kindJsonSchema(kind: DocumentKind): Record<string, unknown> {
  const schema = z.toJSONSchema(kind.schema, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  describe(schema as JsonSchema, "", kind.descriptions);
  return { ...schema, title: `${kind.label.zh}数据文件 / ${kind.label.en} data file` };
}

/** Every kind's data file: the `kind` field tells which. */
export function dataJsonSchema(): Record<string, unknown> {
  const branches = allKinds().map((kind) => {
    const { $schema: _schema, ...rest } = kindJsonSchema(kind);
    return rest;
  });
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    title: "公文数据文件 / gongwen data file",
    oneOf: branches,
  };
}

/** Adds the field descriptions, walking objects, list items and union branches. */
function describe(node: JsonSchema, path: string, descriptions: Readonly<Record<string, string>>): void {
  const text = descriptions[path];
  if (text && path !== "") node.description = text;
  for (const [key, child] of Object.entries(node.properties ?? {})) describe(child, path === "" ? key : `${path}.${key}`, descriptions);
  if (node.items) describe(node.items, `${path}[]`, descriptions);
  for (const branch of node.anyOf ?? []) {
    for (const [key, child] of Object.entries(branch.properties ?? {})) describe(child, `${path}.${key}`, descriptions);
    if (branch.items) describe(branch.items, `${path}[]`, descriptions);
  }
}
