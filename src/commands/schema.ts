import { resolve } from "node:path";
import { diagnostic, GongwenError } from "../errors.js";
import { allKinds, findKind } from "../kinds/registry.js";
import { dataJsonSchema, kindJsonSchema } from "../model/json-schema.js";
import { writeFileAtomic } from "../output/atomic-write.js";

/** Prints or writes the JSON Schema: of every kind (the default), or of one (`--kind`). */
export async function schemaCommand(options: { readonly output?: string; readonly kind?: string }): Promise<number> {
  let schema: Record<string, unknown>;
  if (options.kind === undefined) schema = dataJsonSchema();
  else {
    const kind = findKind(options.kind);
    if (!kind) {
      const known = allKinds().map((k) => k.id);
      throw new GongwenError([diagnostic({ zh: `未知的种类“${options.kind}”，可选：${known.join("、")}`, en: `unknown kind "${options.kind}"; choose one of: ${known.join(", ")}`, rule: "kind" })], 64);
    }
    schema = kindJsonSchema(kind);
  }
  const text = `${JSON.stringify(schema, null, 2)}\n`;
  if (options.output) {
    await writeFileAtomic(resolve(options.output), text);
    process.stdout.write(`已写入 / written: ${resolve(options.output)}\n`);
  } else process.stdout.write(text);
  return 0;
}
