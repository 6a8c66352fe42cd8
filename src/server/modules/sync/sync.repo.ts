import { eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/database";
import { syncCommands } from "../../db/schema";

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
