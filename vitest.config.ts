import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts"],
    globalSetup: ["src/server/test/global-setup.ts"],
    pool: "forks",
    maxWorkers: 2,
    testTimeout: 30_000,
    // A file's beforeAll clones the database and signs users in: on the shared 2-core CI machine,
    // under load, that took more than a minute (hook timeouts skipped whole files).
    hookTimeout: 180_000,
  },
});
