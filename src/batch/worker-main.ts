import { serveBatchTasks } from "./worker.js";

// The batch worker's entry when running from the compiled modules (no bundle).
serveBatchTasks();
