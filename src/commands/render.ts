import { resolve } from "node:path";
import { printDiagnostics } from "../cli.js";
import { writeFileAtomic } from "../output/atomic-write.js";
import { renderFile, SAMPLE_DATA_FILE } from "../pipeline.js";

export interface RenderCommandOptions {
  readonly output?: string;
  readonly templates?: string;
  readonly fonts?: string;
  readonly quiet?: boolean;
}

const PLACEMENT_TEXT = {
  "same-page": "版记在末页底部 / colophon at the foot of the last page",
  "next-page": "版记另起一页（偶数页）/ colophon on the next (even) page",
  "blank-then-page": "空白页后排版记（两页不编页码）/ blank page, then the colophon page (both unnumbered)",
} as const;

export async function renderCommand(data: string | undefined, options: RenderCommandOptions): Promise<number> {
  const file = data ?? SAMPLE_DATA_FILE;
  const result = await renderFile(file, { templateDir: options.templates, fonts: options.fonts });
  printDiagnostics(result.loaded.warnings);
  const target = resolve(options.output ?? `output/${result.suggestedFileName}`);
  await writeFileAtomic(target, result.bytes);
  if (!options.quiet) {
    const { plan } = result;
    process.stdout.write(
      `已生成 / written: ${target}\n` +
        `  约 ${plan.totalPages} 页（按版心网格估算）/ about ${plan.totalPages} page(s) (grid estimate); ${PLACEMENT_TEXT[plan.placement]}\n`,
    );
  }
  return 0;
}
