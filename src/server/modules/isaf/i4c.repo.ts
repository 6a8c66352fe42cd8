import { and, asc, desc, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/database";
import { cycles, i4cItems, i4cSessionPhotos, i4cSessions } from "../../db/schema";

/** The I4C pack of a cycle: its items, and its dissemination sessions. Callers check the cycle's scope first. */
export type I4cItemRow = typeof i4cItems.$inferSelect;
export type I4cSessionRow = typeof i4cSessions.$inferSelect;

export function itemsOf(db: Db, cycleId: string): Promise<I4cItemRow[]> {
  return db.select().from(i4cItems).where(eq(i4cItems.cycleId, cycleId)).orderBy(asc(i4cItems.position));
}

export async function replaceItems(
  db: Db,
  cycleId: string,
  items: Omit<typeof i4cItems.$inferInsert, "cycleId">[],
) {
  await db.delete(i4cItems).where(eq(i4cItems.cycleId, cycleId));
  if (items.length) await db.insert(i4cItems).values(items.map((item) => ({ ...item, cycleId })));
}

/** The pack columns of the cycle, read without scope (for the public module, which checks publication). */
export async function packOf(db: Db, cycleId: string) {
  const [row] = await db
    .select({
      budgetSummary: cycles.i4cBudgetSummary,
      notes: cycles.i4cNotes,
      publishedAt: cycles.i4cPublishedAt,
    })
    .from(cycles)
    .where(eq(cycles.id, cycleId));
  return row;
}

export function sessionsOf(db: Db, cycleId: string): Promise<I4cSessionRow[]> {
  return db
    .select()
    .from(i4cSessions)
    .where(eq(i4cSessions.cycleId, cycleId))
    .orderBy(desc(i4cSessions.heldOn), asc(i4cSessions.id));
}

export async function findSession(db: Db, cycleId: string, id: string): Promise<I4cSessionRow | undefined> {
  const [row] = await db
    .select()
    .from(i4cSessions)
    .where(and(eq(i4cSessions.cycleId, cycleId), eq(i4cSessions.id, id)));
  return row;
}

/** True when a session has this id, in whichever cycle (a device-chosen id used twice). */
export async function sessionExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db.select({ id: i4cSessions.id }).from(i4cSessions).where(eq(i4cSessions.id, id));
  return row !== undefined;
}

export async function insertSession(
  db: Db,
  row: typeof i4cSessions.$inferInsert,
  now: Date,
): Promise<I4cSessionRow> {
  // Timestamps in milliseconds, so that updatedAt round-trips exactly as the edit token.
  const [inserted] = await db
    .insert(i4cSessions)
    .values({ ...row, createdAt: now, updatedAt: now })
    .returning();
  return inserted;
}

/** Updates when the session is as the caller last read it (updatedAt); undefined otherwise. */
export async function updateSession(
  db: Db,
  id: string,
  readAt: Date,
  values: Partial<typeof i4cSessions.$inferInsert>,
  now: Date,
): Promise<I4cSessionRow | undefined> {
  const [row] = await db
    .update(i4cSessions)
    .set({ ...values, updatedAt: now })
    .where(and(eq(i4cSessions.id, id), eq(i4cSessions.updatedAt, readAt)))
    .returning();
  return row;
}

export async function deleteSession(db: Db, id: string, readAt: Date): Promise<boolean> {
  const rows = await db
    .delete(i4cSessions)
    .where(and(eq(i4cSessions.id, id), eq(i4cSessions.updatedAt, readAt)))
    .returning({ id: i4cSessions.id });
  return rows.length > 0;
}

/** The photos (their media ids) of these sessions, in the order they were attached. */
export async function photosOf(
  db: Db,
  sessionIds: readonly string[],
): Promise<{ sessionId: string; mediaId: string }[]> {
  if (sessionIds.length === 0) return [];
  return db
    .select({ sessionId: i4cSessionPhotos.sessionId, mediaId: i4cSessionPhotos.mediaId })
    .from(i4cSessionPhotos)
    .where(inArray(i4cSessionPhotos.sessionId, [...sessionIds]))
    .orderBy(asc(i4cSessionPhotos.createdAt), asc(i4cSessionPhotos.mediaId));
}

/** The session a photo belongs to, if any. */
export async function sessionOfPhoto(db: Db, mediaId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ sessionId: i4cSessionPhotos.sessionId })
    .from(i4cSessionPhotos)
    .where(eq(i4cSessionPhotos.mediaId, mediaId));
  return row?.sessionId;
}

/** Links the photo to the session; false when the photo was linked meanwhile (a concurrent attach). */
export async function insertPhoto(db: Db, values: typeof i4cSessionPhotos.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(i4cSessionPhotos)
    .values(values)
    .onConflictDoNothing({ target: i4cSessionPhotos.mediaId })
    .returning({ id: i4cSessionPhotos.mediaId });
  return rows.length > 0;
}
