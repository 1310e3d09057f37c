/** Small statistics helpers for the benchmark: medians and percentiles of timings in ms. */

export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index];
}

export const median = (values) => percentile(values, 50);

/** Times `fn` `runs` times after `warmup` untimed runs; returns the timings in ms. */
export async function timeRuns(fn, { runs, warmup = 0 }) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await fn(warmup + i);
    times.push(performance.now() - started);
  }
  return times;
}

export const ms = (value) => (value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2));
