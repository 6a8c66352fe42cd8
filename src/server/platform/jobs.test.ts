import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import type { Database } from "../db/database";
import { openTestDatabase } from "../test/test-database";
import { defineJob, handle, type JobRunner, startJobs } from "./jobs";

/**
 * The job runner (pg-boss) on the test's database, PGlite or PostgreSQL: a nudge runs the job soon,
 * a burst of nudges runs it once or twice rather than once each, and a failing run is reported and
 * does not stop later runs. A queued job gets its payload, checked by its schema, and pg-boss runs
 * a failed one again after its delay, up to its limit.
 */

const echoJob = defineJob({
  name: "test.echo",
  payload: z.object({ word: z.string().min(1) }),
  retry: { limit: 2, delaySeconds: 1, backoff: false },
  expireInSeconds: 30,
});
/** Runs of test.echo, by word; a word starting with "fail" fails every run. */
const echoes: string[] = [];

let database: Database;
let runner: JobRunner;
let runs = 0;
let failNext = false;
const logged: string[] = [];

beforeAll(async () => {
  database = await openTestDatabase();
  runner = await startJobs(
    database,
    {
      queued: [
        handle(echoJob, async ({ word }) => {
          echoes.push(word);
          if (word.startsWith("fail")) throw new Error(word);
        }),
      ],
      scheduled: [
        {
          name: "test.count",
          cron: "0 0 1 1 *",
          run: async () => {
            runs += 1;
            if (failNext) {
              failNext = false;
              throw new Error("boom");
            }
          },
        },
      ],
    },
    (message) => logged.push(message),
  );
}, 60_000);
afterAll(async () => {
  await runner.stop();
  await database.close();
});

async function until(condition: () => boolean, ms = 15_000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("jobs", () => {
  it("runs a job soon after a nudge", async () => {
    runner.nudge("test.count");
    await until(() => runs === 1);
  });

  it("folds a burst of nudges into one run", async () => {
    const before = runs;
    for (let i = 0; i < 50; i++) runner.nudge("test.count");
    await new Promise((resolve) => setTimeout(resolve, 600));
    runner.nudge("test.count");
    await until(() => runs >= before + 1);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(runs - before).toBeLessThanOrEqual(2);
  });

  it("reports a failed run and runs again at the next nudge", async () => {
    failNext = true;
    await new Promise((resolve) => setTimeout(resolve, 600));
    const before = runs;
    runner.nudge("test.count");
    await until(() => logged.includes("job test.count failed"));
    await new Promise((resolve) => setTimeout(resolve, 600));
    runner.nudge("test.count");
    await until(() => runs === before + 2);
  });

  it("runs a queued job with its payload, and refuses a payload its schema does not take", async () => {
    await runner.send(echoJob, { word: "hello" });
    await until(() => echoes.includes("hello"));
    await expect(runner.send(echoJob, { word: "" })).rejects.toThrow();
    await expect(runner.send(echoJob, { other: 1 } as never)).rejects.toThrow();
  });

  it("lets pg-boss run a failed job again, up to its retry limit", async () => {
    await runner.send(echoJob, { word: "fail" });
    await until(() => echoes.filter((word) => word === "fail").length === 3, 20_000);
    // Once and twice more (retry.limit), then no more.
    await new Promise((resolve) => setTimeout(resolve, 4_000));
    expect(echoes.filter((word) => word === "fail")).toHaveLength(3);
    expect(logged.filter((message) => message === "job test.echo failed")).toHaveLength(3);
  });
}, 60_000);
