import type { Db, Tx } from "../db/database";
import type { Actor } from "./actor";
import type { Locale } from "./messages";

/** What a service needs from the request: who acts, from where, in which language, and the database. */
export interface Ctx {
  db: Db;
  actor: Actor;
  ip: string | null;
  locale: Locale;
}

/** Runs `work` in one transaction: the change and its audit event commit together or not at all. */
export function inTransaction<T>(ctx: Ctx, work: (tx: Tx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(work);
}
