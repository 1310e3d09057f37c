import { z } from "zod";
import { circularDocument } from "./circular.js";

/**
 * The data format as JSON Schema (draft 2020-12), generated from the zod model so it never drifts:
 * data files reference it, and editors complete and check fields as the clerk types.
 */
export function circularJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(circularDocument, { io: "input", unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  return {
    ...schema,
    title: "考核情况通报数据文件 / assessment circular data file",
  };
}
