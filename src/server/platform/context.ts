import type { Db, Tx } from "../db/database";
import type { Actor } from "./actor";
import type { Clock } from "./clock";
import type { ContactCipher } from "./contact-cipher";
import type { JobSender } from "./jobs";
import type { Locale } from "./messages";

/**
 * What a service needs from the request: who acts, from where, in which language, and the
 * dependencies it must not reach for itself (the database, the time, the contact cipher, the job
 * queue), so that a test hands in its own (a clock at a set time) instead of mocking modules.
 */
export interface Ctx extends Deps {
  actor: Actor;
  ip: string | null;
  locale: Locale;
}

/** The process's dependencies, built once where the app (or a job runner, or a command) starts. */
export interface Deps {
  db: Db;
  clock: Clock;
  cipher: ContactCipher;
  jobs: JobSender;
}

/** Runs `work` in one transaction: the change and its audit event commit together or not at all. */
export function inTransaction<T>(ctx: Ctx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(work);
}
