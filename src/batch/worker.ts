import { parentPort } from "node:worker_threads";
import { runTask, type ClaimAnswer, type RenderTask, type TaskResult } from "./task.js";

/**
 * Worker thread of a batch: renders the tasks the main thread sends and writes each document itself.
 * It may hold two tasks at once, so one renders while the other waits for its file to reach the disk.
 * Messages, each tagged with the pool's job number: main → worker `task`, `claimed`; worker → main
 * `claim`, `done`.
 */

export type ToWorker =
  | { readonly type: "task"; readonly job: number; readonly task: RenderTask }
  | { readonly type: "claimed"; readonly job: number; readonly answer: ClaimAnswer };
export type FromWorker =
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
}
