import { eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import { syncCommands } from "../../db/schema";

export type LedgerRow = typeof syncCommands.$inferSelect;

/** The ledger entry of a command id, whoever pushed it. */
export async function find(db: Db, id: string): Promise<LedgerRow | null> {
  const [row] = await db.select().from(syncCommands).where(eq(syncCommands.id, id));
  return row ?? null;
}

/** Records a command's first outcome; false when the id is already in the ledger (a concurrent push). */
export async function record(db: Db, values: typeof syncCommands.$inferInsert): Promise<boolean> {
  const inserted = await db
    .insert(syncCommands)
    .values(values)
    .onConflictDoNothing({ target: syncCommands.id })
    .returning({ id: syncCommands.id });
  return inserted.length === 1;
}
