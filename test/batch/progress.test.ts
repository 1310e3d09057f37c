import { describe, expect, it } from "vitest";
import { formatDuration, formatProgress, ProgressBar } from "../../src/batch/progress.js";

describe("the progress bar", () => {
  it("shows counts, failures, rate and time left", () => {
    const line = formatProgress({ done: 600, failed: 2, total: 1000, elapsedMs: 2000 }, 100);
    expect(line).toMatch(/^\[█+░+\] 600\/1000 失败 2 {2}300 篇\/秒 {2}剩余 0:01$/);
  });

  it("fits a narrow terminal and knows no rate before the first document", () => {
    const line = formatProgress({ done: 0, failed: 0, total: 10, elapsedMs: 0 }, 30);
    expect(line).toContain("剩余 --:--");
    expect(line.startsWith(`[${"░".repeat(10)}]`)).toBe(true);
  });

  it("formats durations as m:ss or h:mm:ss", () => {
    expect(formatDuration(59_400)).toBe("0:59");
    expect(formatDuration(3_725_000)).toBe("1:02:05");
  });

  it("writes nothing when stderr is not a terminal", () => {
    const written: string[] = [];
    const bar = new ProgressBar({ isTTY: false, write: (t: string) => written.push(t) }, false);
    bar.update(1, 0, 2, true);
    bar.clear();
    expect(written).toEqual([]);
  });

  it("redraws in place on a terminal and clears itself", () => {
    const written: string[] = [];
    const bar = new ProgressBar({ isTTY: true, columns: 80, write: (t: string) => written.push(t) }, true);
    bar.update(1, 0, 2, true);
    bar.update(2, 0, 2); // within 100 ms: skipped
    bar.update(2, 0, 2, true);
    bar.clear();
    expect(written).toHaveLength(3);
    expect(written[0]?.startsWith("\r[")).toBe(true);
    expect(written[2]).toBe("\r\u001b[K");
  });
});
