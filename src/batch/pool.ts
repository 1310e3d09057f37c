import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { diagnostic } from "../errors.js";
import type { Claim, RenderTask, TaskResult } from "./task.js";
import type { FromWorker, ToWorker } from "./worker.js";

/**
 * A fixed pool of renderers: the main thread and `size - 1` worker threads (one per core in all). Each
 * renderer holds a few tasks (`capacity` in all), so that many documents are in flight whatever the
 * batch size: the queue is the list of file names, nothing more. A worker that dies fails its tasks
 * and is replaced.
 *
 * Why the main thread renders too: it has nothing else to do but answer name claims and draw the
 * progress bar, and it has the code loaded already. A worker costs a thread start, its own copy of
 * the bundle and a cold first document (~280 ms of one core before its first document is done,
 * measured); on two cores the third thread only took turns with the other two. Measured side by side
 * on 1,000 circulars, 2 cores: see bench/compare-results.md.
 */

export interface Pool {
  /** Renderers: the main thread and the worker threads. */
  readonly size: number;
  /** Worker threads besides the main thread (0: everything renders on the main thread). */
  readonly workers: number;
  /** Tasks the renderers hold at once: what a caller keeps in flight to keep them all busy. */
  readonly capacity: number;
  /** "threads", or "in-process" where the compiled worker is not available (tests run from src/) or one core is all there is. */
  readonly mode: "threads" | "in-process";
  run(task: RenderTask, claim: Claim): Promise<TaskResult>;
  close(): Promise<void>;
}

/**
 * bin/batch-worker.js, which runs the bundle (code cache, prebuilt package shells: a worker starts in
 * a fraction of the time the modules take) or else the modules; without it, dist/batch/worker-main.js
 * beside this file, or, when running from src/ (vitest), the built one.
 */
export function workerFile(): string | undefined {
  const candidates = [
    new URL("../../bin/batch-worker.js", import.meta.url),
    new URL("./worker-main.js", import.meta.url),
    new URL("../../dist/batch/worker-main.js", import.meta.url),
  ];
  for (const candidate of candidates) {
    const path = fileURLToPath(candidate);
    if (existsSync(path)) return path;
  }
  return undefined;
}

export function defaultPoolSize(): number {
  const fromEnv = Number(process.env.GONGWEN_WORKERS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return Math.max(1, availableParallelism());
}

export interface PoolOptions {
  /**
   * false: the main thread only hands out tasks and `size` worker threads render (a host whose main
   * thread must stay responsive, or a test that must see the worker at work). Default true.
   */
  readonly mainThread?: boolean;
}

export function createPool(size = defaultPoolSize(), options: PoolOptions = {}): Pool {
  const file = workerFile();
  const mainThread = options.mainThread !== false;
  if (!file || size < 1 || (mainThread && size === 1)) return inProcessPool();
  return threadPool(file, mainThread ? size - 1 : size, mainThread);
}

let renderer: Promise<typeof import("./task.js")> | undefined;
/** Renders on this thread; the renderer is imported on first use. */
const runHere = async (task: RenderTask, claim: Claim): Promise<TaskResult> => (await (renderer ??= import("./task.js"))).runTask(task, claim);

function inProcessPool(): Pool {
  return { size: 1, workers: 0, capacity: TASKS_ON_MAIN_THREAD, mode: "in-process", run: runHere, close: async () => undefined };
}

interface Job {
  readonly task: RenderTask;
  readonly claim: Claim;
  readonly done: (result: TaskResult) => void;
}

interface Slot {
  /** undefined: the main thread. */
  readonly worker?: Worker;
  readonly jobs: Map<number, Job>;
  /** A worker takes tasks once it says its code is loaded (~120 ms after it starts, measured). */
  ready: boolean;
}

/** Tasks the main thread holds at once: one rendering while another's file is flushed to disk. */
export const TASKS_ON_MAIN_THREAD = 2;
/**
 * Tasks a worker holds at once. Each of its tasks needs the main thread twice (the name claim, the
 * result), and the main thread answers only between the synchronous parts of its own renders (~5 ms
 * each): with more tasks in hand a worker keeps rendering meanwhile. 1,000 circulars, 4 interleaved
 * rounds: 2 tasks 5.52-6.54 s (median 5.53), 4 tasks 5.00-5.76 s (median 5.08), 6 tasks 4.83-6.32 s.
 */
export const TASKS_PER_WORKER = 4;

function threadPool(file: string, workers: number, mainThread: boolean): Pool {
  const main: Slot = { jobs: new Map(), ready: mainThread };
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextJob = 0;
  let closing = false;

  const finished = (slot: Slot, id: number, result: TaskResult) => {
    const job = slot.jobs.get(id);
    if (!job) return;
    slot.jobs.delete(id);
    job.done(result);
    feed(slot);
  };

  const feed = (slot: Slot) => {
    while (!closing && slot.ready && slot.jobs.size < (slot.worker ? TASKS_PER_WORKER : TASKS_ON_MAIN_THREAD) && queue.length > 0) {
      const job = queue.shift() as Job;
      const id = nextJob++;
      slot.jobs.set(id, job);
      if (slot.worker) slot.worker.postMessage({ type: "task", job: id, task: job.task } satisfies ToWorker);
      else void runHere(job.task, job.claim).then((result) => finished(slot, id, result));
    }
  };

  const start = (): Slot => {
    const worker = new Worker(file, { resourceLimits: workerLimits() });
    const slot: Slot = { worker, jobs: new Map(), ready: false };
    worker.on("message", (message: FromWorker) => {
      if (message.type === "ready") {
        slot.ready = true;
        feed(slot);
        return;
      }
      const job = slot.jobs.get(message.job);
      if (!job) return;
      if (message.type === "claim") {
        void job.claim(message.name).then((answer) => worker.postMessage({ type: "claimed", job: message.job, answer } satisfies ToWorker));
        return;
      }
      finished(slot, message.job, message.result);
    });
    const died = (reason: string) => {
      const index = slots.indexOf(slot);
      if (index < 0) return;
      slots.splice(index, 1);
      for (const job of slot.jobs.values()) job.done(crashed(job.task, reason));
      slot.jobs.clear();
      if (closing) return;
      // A worker that died while loading its code would die again: it is not replaced, and with no
      // renderer left the waiting tasks fail rather than wait for ever.
      if (slot.ready) feed(start());
      else if (!main.ready && slots.length === 0) for (const job of queue.splice(0)) job.done(crashed(job.task, reason));
    };
    worker.on("error", (error) => died(error.message));
    worker.on("exit", (code) => {
      if (!closing) died(`worker exited with code ${code}`);
    });
    slots.push(slot);
    return slot;
  };

  for (let i = 0; i < workers; i++) start();

  return {
    size: workers + (mainThread ? 1 : 0),
    workers,
    capacity: workers * TASKS_PER_WORKER + (mainThread ? TASKS_ON_MAIN_THREAD : 0),
    mode: "threads",
    run(task, claim) {
      return new Promise((done) => {
        queue.push({ task, claim, done });
        // The least busy renderer takes it; on a tie the main thread, whose code is loaded and warm.
        const slot = [main, ...slots].filter((candidate) => candidate.ready).sort((a, b) => a.jobs.size - b.jobs.size)[0];
        if (slot) feed(slot);
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((slot) => slot.worker?.terminate()));
    },
  };
}

/**
 * A worker's heap: the young generation bounded (its default grows to 3 × 16 MB per thread, most of
 * a batch's resident memory), the old one capped so a runaway document fails alone. Measured on
 * 2 workers: 8 MB → ~98/s at 156–178 MB peak; 16 MB → ~110/s but 177–200 MB from run to run, too close
 * to the 200 MB budget; 32 MB → 111/s at 212 MB, over it.
 */
export function workerLimits(): { maxYoungGenerationSizeMb: number; maxOldGenerationSizeMb: number } {
  const young = Number(process.env.GONGWEN_WORKER_YOUNG_MB);
  return { maxYoungGenerationSizeMb: Number.isFinite(young) && young > 0 ? young : 8, maxOldGenerationSizeMb: 512 };
}

function crashed(task: RenderTask, reason: string): TaskResult {
  return {
    id: task.id,
    ok: false,
    file: task.file,
    diagnostics: [diagnostic({ file: task.file, zh: `渲染进程异常退出：${reason}`, en: `the rendering worker died: ${reason}`, rule: "internal" })],
    exitCode: 70,
    ms: 0,
  };
}
