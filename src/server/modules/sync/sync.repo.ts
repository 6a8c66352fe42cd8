import { eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { syncCommands } from "../../db/schema";
import { queryRows } from "../../db/sql";

export type LedgerRow = typeof syncCommands.$inferSelect;

/** The ledger entry of a command id, whoever pushed it. */
export async function find(db: Db, id: string): Promise<LedgerRow | null> {
  const [row] = await db.select().from(syncCommands).where(eq(syncCommands.id, id));
  return row ?? null;
}

/** The ledger entries of these command ids, whoever pushed them, by id (one query for a whole push). */
export async function findMany(db: Db, ids: string[]): Promise<Map<string, LedgerRow>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(syncCommands).where(inArray(syncCommands.id, ids));
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Records commands' first outcomes in one insert; false when any id is already in the ledger (a
 * concurrent push): the caller then rolls back its savepoint and answers from the ledger.
 */
export async function record(db: Db, values: (typeof syncCommands.$inferInsert)[]): Promise<boolean> {
  const inserted = await db
    .insert(syncCommands)
    .values(values)
    .onConflictDoNothing({ target: syncCommands.id })
    .returning({ id: syncCommands.id });
  return inserted.length === values.length;
}

/**
 * Waits, up to `maxMillis`, until every transaction that was running when it was called has ended
 * (the oldest running transaction id has passed the next id then). A pull reads only changes below
 * the oldest running transaction (scorecards.pull.repo.ts), so this lets it include what committed
 * just before it, unless a writer that began earlier is still busy; then it is read on the next pull.
 */
export async function awaitEarlierWriters(db: Db, maxMillis = 1000): Promise<void> {
  const deadline = Date.now() + maxMillis;
  const [start] = await queryRows<{ next: string; settled: boolean }>(
    db,
    sql`select pg_snapshot_xmax(s)::text as next, pg_snapshot_xmin(s) = pg_snapshot_xmax(s) as settled
      from pg_current_snapshot() s`,
  );
  if (start!.settled) return;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 10));
    const [now] = await queryRows<{ settled: boolean }>(
      db,
      sql`select pg_snapshot_xmin(pg_current_snapshot()) >= ${start!.next}::xid8 as settled`,
    );
    if (now!.settled) return;
  }
}
