import { parentPort } from "node:worker_threads";
import { loadDocumentFile } from "../model/validate.js";
import { renderLoaded, SAMPLE_DATA_FILE } from "../pipeline.js";
import { runTask, type ClaimAnswer, type RenderTask, type TaskResult } from "./task.js";

/**
 * Worker thread of a batch: renders the tasks the main thread sends and writes each document itself.
 * It holds several tasks at once (pool.ts, TASKS_PER_WORKER), so it renders while others wait for
 * their name claim or for their file to reach the disk.
 * Messages, each tagged with the pool's job number: main → worker `task`, `claimed`; worker → main
 * `ready` (once, when it is warm: the main thread renders everything until then), `claim`, `done`.
 */

export type ToWorker =
  | { readonly type: "task"; readonly job: number; readonly task: RenderTask }
  | { readonly type: "claimed"; readonly job: number; readonly answer: ClaimAnswer };
export type FromWorker =
  | { readonly type: "ready" }
  | { readonly type: "claim"; readonly job: number; readonly name: string }
  | { readonly type: "done"; readonly job: number; readonly result: TaskResult };

/** Serves the pool's tasks on this thread's port (the worker's entry calls it: the bundle's or dist/batch/worker-main.js). */
export function serveBatchTasks(): void {
  const port = parentPort;
  if (!port) throw new Error("serveBatchTasks: not in a worker thread");
  const pending = new Map<number, (answer: ClaimAnswer) => void>();
  port.on("message", (message: ToWorker) => {
    if (message.type === "claimed") {
      pending.get(message.job)?.(message.answer);
      pending.delete(message.job);
      return;
    }
    const { job, task } = message;
    void runTask(task, (name) => {
      port.postMessage({ type: "claim", job, name } satisfies FromWorker);
      return new Promise((answer) => pending.set(job, answer));
    }).then((result) => port.postMessage({ type: "done", job, result } satisfies FromWorker));
  });
  void warmUp().then(() => port.postMessage({ type: "ready" } satisfies FromWorker));
}

/**
 * A worker's first document runs cold: ~130 ms, then ~30 ms for the next few, against ~5 ms warm
 * (measured on the sample). A batch given to a cold worker waited for its first two documents long
 * after the main thread had finished the rest, so the worker renders the built-in sample once, in
 * memory, before it takes tasks. Nothing is written; a failure only means no warm-up.
 */
async function warmUp(): Promise<void> {
  try {
    await renderLoaded(await loadDocumentFile(SAMPLE_DATA_FILE, { warnings: false }));
  } catch {
    // the first real task pays the cold start instead
  }
}
