import { readDraft } from "../review/paragraphs.js";
import { writeStdout } from "../review/stdout.js";

/**
 * Plain text of a data file or a .docx, one paragraph per line, no blank lines: stable, so it serves
 * as a git textconv driver (`git config diff.gongwen.textconv "gongwen text"`). The kind is told by
 * the content, since git passes temporary files.
 */
export async function textCommand(file: string, options: { readonly templates?: string } = {}): Promise<number> {
  const draft = await readDraft(file, { ...(options.templates ? { templateDir: options.templates } : {}) });
  await writeStdout(draft.lines.length > 0 ? `${draft.lines.join("\n")}\n` : "");
  return 0;
}
