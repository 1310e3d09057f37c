import { z } from "zod";
import { circularDocument } from "./circular.js";
import { FIELD_DESCRIPTIONS } from "./descriptions.js";

/**
 * The data format as JSON Schema (draft 2020-12), generated from the zod model so it never drifts:
 * data files reference it, and editors complete and check fields as the clerk types.
 */
export function circularJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(circularDocument, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  describe(schema, "");
  return {
    ...schema,
    title: "考核情况通报数据文件 / assessment circular data file",
  };
}

type JsonSchema = { properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; description?: string };

/** Adds the field descriptions, walking objects, list items and union branches. */
function describe(node: JsonSchema, path: string): void {
  const text = FIELD_DESCRIPTIONS[path];
  if (text && path !== "") node.description = text;
  for (const [key, child] of Object.entries(node.properties ?? {})) describe(child, path === "" ? key : `${path}.${key}`);
  if (node.items) describe(node.items, `${path}[]`);
  for (const branch of node.anyOf ?? []) {
    for (const [key, child] of Object.entries(branch.properties ?? {})) describe(child, `${path}.${key}`);
    if (branch.items) describe(branch.items, `${path}[]`);
  }
}
