import { existsSync } from "node:fs";
import { availableParallelism } from "node:os";
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import { diagnostic } from "../errors.js";
import type { Claim, RenderTask, TaskResult } from "./task.js";
import type { FromWorker, ToWorker } from "./worker.js";

/**
 * A fixed pool of worker threads (one per core) that renders tasks. Each worker holds at most two
 * tasks, so at most 2 × `size` documents are in flight whatever the batch size: the queue is the list
 * of file names, nothing more. A worker that dies fails its tasks and is replaced.
 */

export interface Pool {
  readonly size: number;
  /** "threads", or "in-process" where the compiled worker is not available (tests run from src/). */
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

export function createPool(size = defaultPoolSize()): Pool {
  const file = workerFile();
  if (!file || size < 1) return inProcessPool();
  return threadPool(file, size);
}

function inProcessPool(): Pool {
  // Imported on first use: the main thread of a threaded batch never loads the renderer.
  return { size: 1, mode: "in-process", run: async (task, claim) => (await import("./task.js")).runTask(task, claim), close: async () => undefined };
}

interface Job {
  readonly task: RenderTask;
  readonly claim: Claim;
  readonly done: (result: TaskResult) => void;
}

interface Slot {
  readonly worker: Worker;
  readonly jobs: Map<number, Job>;
}

/** Tasks a worker holds at once: one rendering while another's file is flushed to disk. */
export const TASKS_PER_WORKER = 2;

function threadPool(file: string, size: number): Pool {
  const slots: Slot[] = [];
  const queue: Job[] = [];
  let nextJob = 0;
  let closing = false;

  const feed = (slot: Slot) => {
    while (slot.jobs.size < TASKS_PER_WORKER && queue.length > 0) {
      const job = queue.shift() as Job;
      const id = nextJob++;
      slot.jobs.set(id, job);
      slot.worker.postMessage({ type: "task", job: id, task: job.task } satisfies ToWorker);
    }
  };

  const start = (): Slot => {
    const slot: Slot = { worker: new Worker(file, { resourceLimits: workerLimits() }), jobs: new Map() };
    slot.worker.on("message", (message: FromWorker) => {
      const job = slot.jobs.get(message.job);
      if (!job) return;
      if (message.type === "claim") {
        void job.claim(message.name).then((answer) => slot.worker.postMessage({ type: "claimed", job: message.job, answer } satisfies ToWorker));
        return;
      }
      slot.jobs.delete(message.job);
      job.done(message.result);
      feed(slot);
    });
    const died = (reason: string) => {
      const index = slots.indexOf(slot);
      if (index < 0) return;
      slots.splice(index, 1);
      for (const job of slot.jobs.values()) job.done(crashed(job.task, reason));
      slot.jobs.clear();
      if (!closing) feed(start());
    };
    slot.worker.on("error", (error) => died(error.message));
    slot.worker.on("exit", (code) => {
      if (!closing) died(`worker exited with code ${code}`);
    });
    slots.push(slot);
    return slot;
  };

  for (let i = 0; i < size; i++) start();

  return {
    size,
    mode: "threads",
    run(task, claim) {
      return new Promise((done) => {
        queue.push({ task, claim, done });
        // The least busy worker takes it.
        const slot = [...slots].sort((a, b) => a.jobs.size - b.jobs.size)[0];
        if (slot) feed(slot);
      });
    },
    async close() {
      closing = true;
      await Promise.all(slots.map((slot) => slot.worker.terminate()));
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
