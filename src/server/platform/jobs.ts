import PgBoss from "pg-boss";
import type { z } from "zod";
import type { Database } from "../db/database";

/**
 * Background work (ARCHITECTURE.md: SMS sending, exports, escalations, sweeps) on pg-boss, in the
 * database itself: on PostgreSQL through the app's pool, on PGlite through its one connection.
 *
 * Two kinds of job:
 * - a queued job (`defineJob`) carries a payload that its zod schema checks when it is sent and
 *   again when it runs; a run that throws is run again by pg-boss itself (`retry`: limit, delay,
 *   exponential backoff), so no module writes its own retries;
 * - a scheduled job (`ScheduledJob`) has no payload; pg-boss runs it on a cron schedule and soon
 *   after a `nudge`, at most one at a time across every server process (a "stately" queue).
 *
 * A module declares its queued jobs (name, schema, retries) where anyone may import them to send
 * one; src/server/jobs.ts binds each to its handler. API tests run no runner and call handlers
 * directly.
 */
export interface JobDeclaration<P> {
  name: string;
  payload: z.ZodType<P>;
  /** pg-boss's retries: after the nth failure, a wait of about delaySeconds × 2^(n-1) (jittered). */
  retry: { limit: number; delaySeconds: number; backoff: boolean };
  /** A run that lasts longer counts as failed (and is retried): keep it above the slowest run. */
  expireInSeconds: number;
  /** "short": at most one waiting job per key (a second send with the same key is dropped). */
  policy?: "short" | "standard";
}

/** Declares a queued job; the declaration is all a sender needs (`jobs.send(declaration, payload)`). */
export function defineJob<P>(declaration: JobDeclaration<P>): JobDeclaration<P> {
  return declaration;
}

/** A queued job bound to what runs it (src/server/jobs.ts). */
export interface QueuedJob {
  declaration: JobDeclaration<unknown>;
  run(payload: unknown): Promise<unknown>;
}

/** Binds a declaration to its handler, keeping the payload's type between the two. */
export function handle<P>(declaration: JobDeclaration<P>, run: (payload: P) => Promise<unknown>): QueuedJob {
  return { declaration: declaration as JobDeclaration<unknown>, run: (payload) => run(payload as P) };
}

export interface ScheduledJob {
  name: string;
  /** Cron schedule (pg-boss's smallest step is a minute), in UTC. */
  cron: string;
  /** One run; `jobs` is the runner, to queue work that the run found. */
  run(jobs: JobSender): Promise<unknown>;
}

export interface JobDefinitions {
  queued: QueuedJob[];
  scheduled: ScheduledJob[];
}

export interface JobSender {
  /**
   * Queues one run of a job with this payload (checked against its schema first; a bad payload is
   * a programming error and throws). `key` names the work, for a "short" job's de-duplication.
   */
  send<P>(declaration: JobDeclaration<P>, payload: P, options?: { key?: string }): Promise<void>;
  /** Asks for a run of a scheduled job soon (after a commit that gave it work); never throws. */
  nudge(name: string): void;
}

export interface JobRunner extends JobSender {
  stop(): Promise<void>;
}

/** For processes that run no jobs (API tests, one-off commands): nothing is sent or nudged. */
export const noJobs: JobRunner = {
  async send(declaration, payload) {
    declaration.payload.parse(payload);
  },
  nudge() {},
  stop: async () => {},
};

/** Nudges closer together than this are one: a burst of inbound SMS wakes the sender once. */
const NUDGE_GAP_MS = 500;
/** A scheduled run must end inside this; an expired run lets pg-boss start another beside it. */
const SCHEDULED_EXPIRY_S = 15 * 60;

export async function startJobs(
  database: Database,
  jobs: JobDefinitions,
  log: (message: string, error?: unknown) => void,
): Promise<JobRunner> {
  const boss = new PgBoss({ db: database.sqlExecutor, schema: "pgboss" });
  boss.on("error", (error) => log("job runner error", error));
  await boss.start();
  const logged = (name: string, run: () => Promise<unknown>) => async () => {
    try {
      await run();
    } catch (error) {
      log(`job ${name} failed`, error);
      throw error;
    }
  };
  for (const { declaration: job, run } of jobs.queued) {
    await boss.createQueue(job.name, {
      name: job.name,
      policy: job.policy ?? "standard",
      retryLimit: job.retry.limit,
      retryDelay: job.retry.delaySeconds,
      retryBackoff: job.retry.backoff,
      expireInSeconds: job.expireInSeconds,
    });
    await boss.work<unknown>(job.name, { pollingIntervalSeconds: 2 }, async ([claimed]) => {
      if (claimed) await logged(job.name, () => run(job.payload.parse(claimed.data)))();
    });
  }
  const lastNudge = new Map<string, number>();
  const runner: JobRunner = {
    async send(declaration, payload, options) {
      const data = declaration.payload.parse(payload) as object;
      await boss.send(declaration.name, data, options?.key ? { singletonKey: options.key } : {});
    },
    nudge(name) {
      const now = Date.now();
      if (now - (lastNudge.get(name) ?? 0) < NUDGE_GAP_MS) return;
      lastNudge.set(name, now);
      boss.send(name, {}).catch((error: unknown) => log(`could not nudge ${name}`, error));
    },
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
  for (const job of jobs.scheduled) {
    await boss.createQueue(job.name, {
      name: job.name,
      policy: "stately",
      retryLimit: 0,
      expireInSeconds: SCHEDULED_EXPIRY_S,
    });
    await boss.schedule(job.name, job.cron);
    await boss.work(
      job.name,
      { pollingIntervalSeconds: 2 },
      logged(job.name, () => job.run(runner)),
    );
  }
  return runner;
}
