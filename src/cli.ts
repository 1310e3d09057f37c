import { Command, CommanderError, Option } from "commander";
import { EXIT, reportFailure, type FailureOptions } from "./commands/report.js";
import { currentHost } from "./platform/host.js";
import { useWordBoundaryCache } from "./platform/word-boundary-cache.js";

/**
 * The `gongwen` command line: thin. It parses arguments, calls the library, prints results and
 * errors (Chinese first, English beside). Each command's module is imported only when it runs, so
 * start-up stays fast.
 */

export { EXIT, printDiagnostics } from "./commands/report.js";

/** Commands that write files: their failure message says nothing was written. */
async function run(action: () => Promise<number | void>, options: FailureOptions = {}): Promise<void> {
  try {
    const code = await action();
    process.exitCode = code ?? EXIT.ok;
  } catch (error) {
    process.exitCode = reportFailure(error, options);
  }
}

export function buildProgram(): Command {
  const program = new Command("gongwen")
    .description("公文生成工具：结构化数据 → 符合 GB/T 9704-2012 的 .docx\nStructured findings → GB/T 9704-2012 official documents (.docx)")
    .helpOption("-h, --help", "显示帮助 / show help")
    .helpCommand("help [command]", "显示命令帮助 / help for a command")
    .version(process.env.npm_package_version ?? "0.1.0", "-V, --version", "显示版本 / show the version")
    .showHelpAfterError("（用 --help 查看用法 / see --help）")
    // Inherited by every command defined below: usage errors come back to main() instead of exiting.
    .exitOverride()
    // Before or after the command's name. Passed to the library as GONGWEN_SOFFICE, which every PDF
    // path (render, batch, preview, issue) and batch worker reads.
    .option("--soffice <path>", "LibreOffice 的 soffice 程序位置（或环境变量 GONGWEN_SOFFICE）/ where soffice is (or GONGWEN_SOFFICE)")
    .hook("preAction", (command) => {
      const soffice = command.opts<{ soffice?: string }>().soffice;
      if (soffice) process.env.GONGWEN_SOFFICE = soffice;
    });

  program
    .command("render")
    .description("生成 .docx（不带参数时生成内置样例）/ render a .docx (the built-in sample when no file is given)")
    // Shown as [data]; several files or folders make a batch (their names arrive as command.args).
    .argument("[data]", "数据文件（YAML），可多个，或文件夹：批量生成 / data file (YAML); several, or folders: a batch")
    .allowExcessArguments(true)
    .option("-o, --output <path>", "输出文件，默认 output/<发文字号>.docx；批量时为输出文件夹 / output file; for a batch, the output folder")
    .option("-t, --templates <dir>", "自定义模板文件夹 / your own template folder")
    .addOption(new Option("-f, --fonts <profile>", "字体方案 / font profile").choices(["default", "gbk"]))
    .option("--pdf", "用 LibreOffice 排版核验并在旁边生成 PDF / lay out with LibreOffice, verify, and write the PDF beside it")
    .option("--pdf-timeout <seconds>", "每次 LibreOffice 转换的时限（秒）/ time limit of one LibreOffice run, in seconds")
    .option("-q, --quiet", "只报告错误 / print errors only")
    .action((_data: string | undefined, options, command: Command) =>
      run(async () => (await import("./commands/render.js")).renderCommand(command.args, options), { writes: true }));

  program
    .command("validate")
    .description("检查数据文件，列出全部问题 / check a data file and list every problem")
    .argument("<data...>", "数据文件 / data file(s)")
    .action((files: string[]) => run(async () => (await import("./commands/validate.js")).validateCommand(files)));

  program
    .command("new")
    .description("新建数据文件：默认为样例，或某类公文的起始文件，或由上一年的文件生成下一年的草稿 / start a data file (the sample, a starter, or next year's from this year's)")
    .option("--from <data>", "以此文件为基础，年份、日期和序号顺延 / base on this file, moving the year, dates and serial on")
    .option("-s, --starter <name>", "起始文件：circular 考核通报、notice 通知、letter 函、minutes 纪要、request 请示、bulletin 通报、order 令 / a starter file")
    .option("-o, --output <file>", "新文件路径 / path of the new file", "data/new-circular.yaml")
    .option("--force", "覆盖已存在的文件 / overwrite an existing file")
    .action((options) => run(async () => (await import("./commands/new.js")).newCommand(options), { writes: true }));

  program
    .command("schema")
    .description("输出数据格式的 JSON Schema（供编辑器补全和检查）/ print the data format as JSON Schema")
    .option("-o, --output <file>", "写入文件而非标准输出 / write to a file")
    .option("-k, --kind <kind>", "只输出一种文件的格式（如 assessment-circular、general）/ only this kind's format")
    .action((options) => run(async () => (await import("./commands/schema.js")).schemaCommand(options), { writes: options.output !== undefined }));

  program
    .command("text")
    .description("输出纯文本（数据文件或 .docx），可用作 git textconv / print the plain text of a data file or .docx")
    .argument("<file>", "数据文件或 .docx / data file or .docx")
    .option("-t, --templates <dir>", "自定义模板文件夹 / your own template folder")
    .action((file: string, options) => run(async () => (await import("./commands/text.js")).textCommand(file, options)));

  program
    .command("diff")
    .description("比较两稿（数据文件或 .docx，可混用）/ compare two drafts (data files or .docx, mixed)")
    .argument("<old>", "旧稿 / old draft")
    .argument("<new>", "新稿 / new draft")
    .option("--json", "输出 JSON，供其他工具使用 / print JSON for tools")
    .option("-t, --templates <dir>", "自定义模板文件夹（数据文件按它排出正文）/ your own template folder")
    .option("--redline <file>", "生成带修订标记的 .docx / write a .docx with tracked changes")
    .option("--author <name>", "修订作者 / author of the tracked changes")
    .option("--date <iso>", "修订时间（ISO 日期）/ date of the tracked changes")
    .option("--no-color", "不使用颜色 / no colours")
    .addHelpText("after", "\n退出码 / exit status: 0 两稿相同 identical, 1 有差异 different, ≥2 出错 trouble (like diff(1))")
    // diff(1)'s convention reserves 1 for "different": usage errors must not exit 1 too.
    .exitOverride((error) => process.exit(error.exitCode === 1 ? EXIT.usage : error.exitCode))
    .action((oldFile: string, newFile: string, options) =>
      run(async () => (await import("./commands/diff.js")).diffCommand(oldFile, newFile, options), { writes: options.redline !== undefined }));

  program
    .command("check")
    .description("按 GB/T 9704 检查任意 .docx（Word、WPS、LibreOffice 等所作），列出每处不合规及条款 / check any .docx against GB/T 9704, listing each deviation with its clause")
    .argument("<docx...>", ".docx 文件，可多个 / .docx file(s)")
    .option("--json", "输出 JSON，供其他工具使用 / print JSON for tools")
    .option("--no-layout", "不经 LibreOffice 排版，只查文件本身 / skip the layout checks through LibreOffice")
    .addHelpText("after", "\n退出码 / exit status: 0 未发现问题 clean, 1 有不合规 findings, ≥2 出错 trouble (2 无法读取的文件 unusable input, 3 缺少 LibreOffice, 4 转换失败, 66 找不到文件)")
    // Like diff: 1 is reserved for "findings", so usage errors must not exit 1 too.
    .exitOverride((error) => process.exit(error.exitCode === 1 ? EXIT.usage : error.exitCode))
    .action((files: string[], options) => run(async () => (await import("./commands/check.js")).checkCommand(files, options)));

  program
    .command("import")
    .description("一键排版：识别 .docx 草稿中的公文要素，生成数据文件（通用类 general）/ recognise the elements of a .docx draft and write a data file of the general kind")
    .argument("<docx>", ".docx 草稿 / the draft")
    .option("-o, --output <file>", "数据文件路径，省略时输出到标准输出 / data file to write (stdout if omitted)")
    .option("--force", "覆盖已存在的文件 / overwrite an existing file")
    .option("--json", "以 JSON 输出导入报告和数据 / print the report and data as JSON")
    .addHelpText("after", "\n导入报告列出每个要素是识别、推断还是作为正文，以及需要核对之处 / the report lists what was recognised, guessed or kept as body text, and what to check")
    .action((file: string, options) => run(async () => (await import("./commands/import.js")).importCommand(file, options)));

  program
    .command("preview")
    .description("生成 PDF 和逐页 PNG 预览及缩略总览图 / PDF, PNG pages and a contact sheet")
    .argument("<file>", "数据文件或 .docx / data file or .docx")
    .option("-o, --output <dir>", "输出文件夹 / output folder", "output/preview")
    .option("--dpi <n>", "分辨率 / resolution", "100")
    .action((file: string, options) => run(async () => (await import("./commands/preview.js")).previewCommand(file, options), { writes: true }));

  program
    .command("doctor")
    .description("检查本机：Node、LibreOffice、poppler 和字体方案中的每种字体 / check this machine: Node, LibreOffice, poppler and each face of a font profile")
    .addOption(new Option("-f, --fonts <profile>", "字体方案 / font profile").choices(["default", "gbk"]).default("default"))
    .option("--json", "输出 JSON / print JSON")
    .addHelpText("after", "\n退出码 / exit status: 0 具备 render --pdf 所需的一切 everything --pdf needs is here, 3 缺少程序或字体 something is missing")
    .action((options, command: Command) =>
      run(async () => (await import("./commands/doctor.js")).doctorCommand({ ...options, soffice: command.optsWithGlobals<{ soffice?: string }>().soffice })));

  program
    .command("serve")
    .description("网页编辑器：在浏览器中填写、预览、保存、导出（仅本机）/ the web editor in your browser (this machine only)")
    .argument("[folder]", "读写的文件夹，默认当前文件夹 / the folder to read and write (default: here)")
    .option("-p, --port <n>", "端口，默认任选空闲端口 / port (default: any free one)")
    .option("--no-open", "不自动打开浏览器 / do not open the browser")
    .action((folder: string | undefined, options) => run(async () => (await import("./commands/serve.js")).serveCommand(folder, options)));
  program
    .command("edit")
    .description("在网页编辑器中打开一个数据文件 / open a data file in the web editor")
    .argument("<file>", "数据文件 / data file")
    .option("-p, --port <n>", "端口 / port")
    .option("--no-open", "不自动打开浏览器 / do not open the browser")
    .action((file: string, options) => run(async () => (await import("./commands/serve.js")).serveCommand(undefined, options, file)));

  const archiveOption = () =>
    new Option("--archive <dir>", "档案库位置（默认 output/archive 或 $GONGWEN_ARCHIVE）/ archive root").env("GONGWEN_ARCHIVE");

  program
    .command("issue")
    .description("签发归档：生成 .docx 与 PDF/A，只写一次存入档案库 / issue: render, convert to PDF/A and archive write-once")
    .argument("<data>", "数据文件 / data file")
    .addOption(archiveOption())
    .option("--reissue", "同一发文字号内容不同时重新签发（保留旧版）/ reissue with different content, keeping the old version")
    .option("--reason <text>", "重新签发的原因 / why it is reissued")
    .option("--retention <term>", "保管期限：永久、定期30年、定期10年（默认 定期30年）/ retention period (default 定期30年)")
    .action((data: string, options) => run(async () => (await import("./commands/archive.js")).issueCommand(data, options), { writes: true }));

  const archive = program.command("archive").description("档案库：归档、校验、目录、建立登记簿 / the archive: add, verify, list, catalog, adopt");
  archive
    .command("add")
    .description("同 gongwen issue / same as gongwen issue")
    .argument("<data>", "数据文件 / data file")
    .addOption(archiveOption())
    .option("--reissue", "重新签发 / reissue")
    .option("--reason <text>", "重新签发的原因 / why")
    .option("--retention <term>", "保管期限，默认 定期30年 / retention period (default 定期30年)")
    .action((data: string, options) => run(async () => (await import("./commands/archive.js")).issueCommand(data, options), { writes: true }));
  archive
    .command("verify")
    .description("重算哈希，检查每件是否完整、未被改动 / recompute hashes; report tampered, missing or unexpected files")
    .argument("[path]", "只校验这一件或这一年 / only this entry or year")
    .addOption(archiveOption())
    .option("--head <sha256>", "此前记下的登记簿末行哈希：登记簿必须仍含此行 / a register head noted earlier: the register must still contain it")
    .action((path: string | undefined, options) => run(async () => (await import("./commands/archive.js")).verifyCommand(path, options)));
  archive
    .command("adopt")
    .description("为建于登记簿之前的档案库建立登记簿（先校验）/ give an archive made before registers its register (verified first)")
    .addOption(archiveOption())
    .action((options) => run(async () => (await import("./commands/archive.js")).adoptCommand(options)));
  archive
    .command("list")
    .description("列出已归档公文 / list archived documents")
    .addOption(archiveOption())
    .option("--year <year>", "年度 / year")
    .option("--number <docno>", "发文字号 / document number")
    .option("--title <words>", "题名中的词 / words of the title")
    .action((options) => run(async () => (await import("./commands/archive.js")).listCommand(options)));
  archive
    .command("catalog")
    .description("归档文件目录（DA/T 22），并报告文号空缺 / archive catalogue (DA/T 22) with serial gaps")
    .addOption(archiveOption())
    .option("--year <year>", "年度 / year")
    .option("--csv [file]", "输出 CSV / write CSV")
    .action((options) => run(async () => (await import("./commands/archive.js")).catalogCommand(options)));

  return program;
}

let wordBoundaryCacheInstalled = false;

export async function main(argv: string[]): Promise<void> {
  // Titles seen in earlier runs skip building ICU's word segmenter (src/platform/word-boundary-cache.ts).
  if (!wordBoundaryCacheInstalled && !process.env.GONGWEN_NO_WORD_CACHE) {
    wordBoundaryCacheInstalled = true;
    useWordBoundaryCache(currentHost());
  }
  try {
    await buildProgram().parseAsync(argv);
  } catch (error) {
    // commander has printed its message; an unknown option or a missing argument is a usage error (64),
    // kept apart from 1, which means the data was invalid.
    if (!(error instanceof CommanderError)) throw error;
    process.exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
  }
}
