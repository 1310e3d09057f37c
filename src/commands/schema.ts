import { resolve } from "node:path";
import { writeFileAtomic } from "../output/atomic-write.js";
import { circularJsonSchema } from "../model/json-schema.js";

export async function schemaCommand(options: { readonly output?: string }): Promise<number> {
  const text = `${JSON.stringify(circularJsonSchema(), null, 2)}\n`;
  if (options.output) {
    await writeFileAtomic(resolve(options.output), text);
    process.stdout.write(`已写入 / written: ${resolve(options.output)}\n`);
  } else process.stdout.write(text);
  return 0;
}
