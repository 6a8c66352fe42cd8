import { and, asc, eq, inArray, lt } from "drizzle-orm";
import type { Db } from "../../db/database";
import { exportChunks, exportJobs } from "../../db/schema";

export type ExportRow = typeof exportJobs.$inferSelect;

export async function insert(tx: Db, row: typeof exportJobs.$inferInsert): Promise<void> {
  await tx.insert(exportJobs).values(row);
}

/** The requester's own export; null for anyone else's, which reads as not found. */
export async function findOwn(db: Db, userId: string, id: string): Promise<ExportRow | null> {
  const [row] = await db
    .select()
    .from(exportJobs)
    .where(and(eq(exportJobs.id, id), eq(exportJobs.userId, userId)));
  return row ?? null;
}

/** The writer takes an export that waits (or that a writer which died left running). */
export async function claim(db: Db, id: string, now: Date): Promise<ExportRow | null> {
  const [row] = await db
    .update(exportJobs)
    .set({ status: "running", rowsDone: 0, rowsTotal: null, updatedAt: now })
    .where(and(eq(exportJobs.id, id), inArray(exportJobs.status, ["queued", "running"])))
    .returning();
  return row ?? null;
}

export async function update(db: Db, id: string, values: Partial<typeof exportJobs.$inferInsert>, now: Date) {
  await db
    .update(exportJobs)
    .set({ ...values, updatedAt: now })
    .where(eq(exportJobs.id, id));
}

export async function deleteChunks(db: Db, id: string): Promise<void> {
  await db.delete(exportChunks).where(eq(exportChunks.exportId, id));
}

export async function insertChunk(db: Db, exportId: string, index: number, data: Buffer): Promise<void> {
  await db.insert(exportChunks).values({ exportId, index, data });
}

export async function chunkIndexes(db: Db, exportId: string): Promise<number[]> {
  const rows = await db
    .select({ index: exportChunks.index })
    .from(exportChunks)
    .where(eq(exportChunks.exportId, exportId))
    .orderBy(asc(exportChunks.index));
  return rows.map((row) => row.index);
}

export async function readChunk(db: Db, exportId: string, index: number): Promise<Buffer> {
  const [row] = await db
    .select({ data: exportChunks.data })
    .from(exportChunks)
    .where(and(eq(exportChunks.exportId, exportId), eq(exportChunks.index, index)));
  if (!row) throw new Error(`export ${exportId} lost chunk ${index}`);
  return Buffer.from(row.data);
}

/** Deletes exports kept past their time, with their files (chunks cascade); returns how many. */
export async function deleteExpired(db: Db, now: Date): Promise<number> {
  const rows = await db
    .delete(exportJobs)
    .where(lt(exportJobs.expiresAt, now))
    .returning({ id: exportJobs.id });
  return rows.length;
}

/** Exports that no writer finished in time (its job lost or out of retries) are marked failed. */
export async function failStale(db: Db, before: Date, expiresAt: Date, now: Date): Promise<number> {
  const rows = await db
    .update(exportJobs)
    .set({ status: "failed", error: "export_failed", expiresAt, updatedAt: now })
    .where(and(inArray(exportJobs.status, ["queued", "running"]), lt(exportJobs.updatedAt, before)))
    .returning({ id: exportJobs.id });
  return rows.length;
}
