import { defineConfig } from "vitest/config";

/** Browser tests: a real server on a fresh database, driven in Chromium by playwright-core. */
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["e2e/global-setup.ts"],
    pool: "forks",
    // One browser at a time: the machine has two cores and the server needs one.
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
