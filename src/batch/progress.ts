/**
 * A one-line progress bar for a terminal: counts, rate and time left, redrawn in place on stderr at
 * most every 100 ms. Silent when stderr is not a terminal (piped into a log, CI) or with --quiet, so
 * logs hold only results and messages.
 */

export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

export interface ProgressCounts {
  readonly done: number;
  readonly failed: number;
  readonly total: number;
  readonly elapsedMs: number;
}

const REDRAW_MS = 100;

export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mmss = `${String(m).padStart(h > 0 ? 2 : 1, "0")}:${String(s).padStart(2, "0")}`;
  return h > 0 ? `${h}:${mmss}` : mmss;
}

/** `[██████░░░░] 600/1000 失败 2  300 篇/秒  剩余 0:02`, fitted to the terminal width. */
export function formatProgress(counts: ProgressCounts, columns = 80): string {
  const { done, failed, total, elapsedMs } = counts;
  const rate = elapsedMs > 0 ? (done / elapsedMs) * 1000 : 0;
  const left = rate > 0 ? ((total - done) / rate) * 1000 : undefined;
  const tail =
    ` ${done}/${total}` +
    (failed > 0 ? ` 失败 ${failed}` : "") +
    `  ${rate >= 10 ? Math.round(rate) : rate.toFixed(1)} 篇/秒` +
    `  剩余 ${left === undefined ? "--:--" : formatDuration(left)}`;
  // CJK characters take two columns.
  const tailWidth = [...tail].reduce((width, ch) => width + (/[\u2E80-\uFFEF]/u.test(ch) ? 2 : 1), 0);
  const barWidth = Math.max(10, Math.min(40, columns - tailWidth - 3));
  const filled = total > 0 ? Math.round((done / total) * barWidth) : barWidth;
  return `[${"█".repeat(filled)}${"░".repeat(barWidth - filled)}]${tail}`;
}

export class ProgressBar {
  private lastDraw = 0;
  private shown = false;
  private readonly started = performance.now();

  constructor(
    private readonly stream: ProgressStream,
    private readonly enabled: boolean,
  ) {}

  static forStderr(quiet: boolean): ProgressBar {
    return new ProgressBar(process.stderr, !quiet && process.stderr.isTTY === true && process.env.TERM !== "dumb");
  }

  update(done: number, failed: number, total: number, force = false): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (!force && now - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = now;
    this.shown = true;
    this.stream.write(`\r${formatProgress({ done, failed, total, elapsedMs: now - this.started }, this.stream.columns || 80)}\u001b[K`);
  }

  /** Clears the bar so a message can be printed on a clean line; the next update redraws it. */
  clear(): void {
    if (this.enabled && this.shown) this.stream.write("\r\u001b[K");
    this.shown = false;
  }
}
