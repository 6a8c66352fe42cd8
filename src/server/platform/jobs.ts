import PgBoss from "pg-boss";
import type { Database } from "../db/database";

/**
 * Background work (ARCHITECTURE.md: SMS sending, escalations, sweeps) on pg-boss, in the database
 * itself: on PostgreSQL through the app's pool, on PGlite through its one connection. Each job is a
 * plain function; pg-boss runs it on a schedule, at most one at a time across every server process
 * (a "stately" queue), and again soon when something asks for it (`nudge`). API tests call the
 * functions directly and run no scheduler.
 */
export interface JobDefinition {
  name: string;
  /** Cron schedule (pg-boss's smallest step is a minute), in UTC. */
  cron: string;
  run(): Promise<unknown>;
}

export interface JobRunner {
  /** Ask for a run of this job soon (after a commit that gave it work); never throws. */
  nudge(name: string): void;
  stop(): Promise<void>;
}

/** For processes that run no jobs (API tests, one-off commands): nudges go nowhere. */
export const noJobs: JobRunner = { nudge() {}, stop: async () => {} };

/** Nudges closer together than this are one: a burst of inbound SMS wakes the sender once. */
const NUDGE_GAP_MS = 500;

export async function startJobs(
  database: Database,
  definitions: JobDefinition[],
  log: (message: string, error?: unknown) => void,
): Promise<JobRunner> {
  const boss = new PgBoss({ db: database.sqlExecutor, schema: "pgboss" });
  boss.on("error", (error) => log("job runner error", error));
  await boss.start();
  for (const job of definitions) {
    // A run must end inside the expiry (sendDueSms stops claiming after 4 minutes): an expired job
    // lets pg-boss start another while the first still runs.
    await boss.createQueue(job.name, {
      name: job.name,
      policy: "stately",
      retryLimit: 0,
      expireInSeconds: 15 * 60,
    });
    await boss.schedule(job.name, job.cron);
    await boss.work(job.name, { pollingIntervalSeconds: 2 }, async () => {
      try {
        await job.run();
      } catch (error) {
        log(`job ${job.name} failed`, error);
        throw error;
      }
    });
  }
  const lastNudge = new Map<string, number>();
  return {
    nudge(name) {
      const now = Date.now();
      if (now - (lastNudge.get(name) ?? 0) < NUDGE_GAP_MS) return;
      lastNudge.set(name, now);
      boss.send(name, {}).catch((error: unknown) => log(`could not nudge ${name}`, error));
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
