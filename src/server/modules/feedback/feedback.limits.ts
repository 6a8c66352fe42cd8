import { eq } from "drizzle-orm";
import {
  DEFAULT_TIME_LIMITS,
  LIMIT_SCOPES,
  type LimitScope,
  type TimeLimits,
} from "../../../domain/feedback/time-limits";
import type { Db } from "../../db/database";
import { feedbackTimeLimits } from "../../db/schema";
import { audit } from "../../platform/audit";

/**
 * The time limits table (feedback_time_limits), read on every new message: kept for a minute in
 * memory, so that a change by an administrator reaches every server process within a minute.
 */
type LimitsTable = Partial<Record<string, TimeLimits>>;

const CACHE_MS = 60_000;
let cached: { table: LimitsTable; at: number } | null = null;

export async function currentLimits(db: Db): Promise<LimitsTable> {
  if (cached && Date.now() - cached.at < CACHE_MS) return cached.table;
  const rows = await db.select().from(feedbackTimeLimits);
  const table: LimitsTable = {};
  for (const row of rows)
    table[row.scope] = {
      acknowledgeDays: row.acknowledgeDays,
      answerDays: row.answerDays,
      escalationDays: row.escalationDays,
    };
  cached = { table, at: Date.now() };
  return table;
}

/** The limits a new installation starts with (seedReferenceData); existing rows are left alone. */
export async function seedTimeLimits(db: Db) {
  const rows = Object.entries(DEFAULT_TIME_LIMITS).map(([scope, limits]) => ({ scope, ...limits }));
  await db.insert(feedbackTimeLimits).values(rows).onConflictDoNothing();
}

export class LimitsError extends Error {}

/** Sets the limits of one scope (the command line's `feedback-limits set`), audited. */
export async function setLimits(db: Db, scope: string, limits: TimeLimits, now: Date) {
  if (!LIMIT_SCOPES.includes(scope as LimitScope))
    throw new LimitsError(`the scope is one of ${LIMIT_SCOPES.join(", ")}`);
  for (const [name, days] of Object.entries(limits))
    if (!Number.isInteger(days) || days < 1 || days > 60)
      throw new LimitsError(`${name} must be a whole number of working days from 1 to 60`);
  await db.transaction(async (tx) => {
    const [before] = await tx.select().from(feedbackTimeLimits).where(eq(feedbackTimeLimits.scope, scope));
    await tx
      .insert(feedbackTimeLimits)
      .values({ scope, ...limits })
      .onConflictDoUpdate({ target: feedbackTimeLimits.scope, set: { ...limits, updatedAt: now } });
    await audit(
      tx,
      { actor: null, ip: null },
      {
        action: "feedback_limits.set",
        entityType: "feedback_time_limits",
        entityId: scope,
        changes: Object.fromEntries(
          Object.entries(limits).map(([name, days]) => [
            name,
            { from: before ? before[name as keyof TimeLimits] : null, to: days },
          ]),
        ),
      },
    );
  });
  cached = null;
}
