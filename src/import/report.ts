/** The import report on the terminal: Chinese first, English beside; one line an element. */
import type { ReportItem, ReportStatus } from "./to-data.js";

const STATUS: Record<ReportStatus, string> = {
  recognised: "识别 recognised",
  guessed: "推断 guessed",
  body: "作正文 body text",
  changed: "改写 changed",
  attention: "注意 attention",
};

export function formatReport(items: readonly ReportItem[]): string {
  const lines = items.map((item) => {
    const where = item.paragraph !== undefined ? `第 ${item.paragraph} 段 ¶${item.paragraph}` : "";
    const message = item.zh ? `  ${item.zh} / ${item.en}` : "";
    return `  ${STATUS[item.status].padEnd(20)} ${item.element.padEnd(8, "　")} ${where.padEnd(12)} ${item.text}${message}`;
  });
  const count = (status: ReportStatus) => items.filter((i) => i.status === status).length;
  lines.push(
    `共识别 ${count("recognised")} 项，推断 ${count("guessed")} 项，作正文 ${count("body")} 项，改写 ${count("changed")} 项，需注意 ${count("attention")} 项 / ` +
      `${count("recognised")} recognised, ${count("guessed")} guessed, ${count("body")} kept as body text, ${count("changed")} changed, ${count("attention")} to check`,
  );
  return `${lines.join("\n")}\n`;
}
