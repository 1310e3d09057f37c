import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default (cores − 1) runs one file at a time on a 2-core CI machine, where most of the
    // suite's time is LibreOffice and child processes waiting, not this process's CPU: two files at
    // once took 461 s against 635–689 s one at a time, all tests passing (AMD EPYC, 2 cores).
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
