import { and, asc, eq } from "drizzle-orm";
import type { Db } from "../../db/database";
import { uploadChunks, uploadSessions } from "../../db/schema";

/**
 * Upload sessions and their chunks. An upload's scope is its owner: every read takes the user id,
 * so another user's upload is never loaded (and reads as not found).
 */
export type UploadRow = typeof uploadSessions.$inferSelect;

/**
 * The upload if it is the user's; `lock` holds its row until the transaction ends (chunks vs complete).
 * scoped: to its uploader (user_id), whose alone an upload is.
 */
export async function findOwn(
  db: Db,
  userId: string,
  id: string,
  lock = false,
): Promise<UploadRow | undefined> {
  const query = db
    .select()
    .from(uploadSessions)
    .where(and(eq(uploadSessions.id, id), eq(uploadSessions.userId, userId)));
  const [row] = lock ? await query.for("update") : await query;
  return row;
}

/** Inserts the upload; false when the id was taken meanwhile (a concurrent start). */
export async function insert(db: Db, values: typeof uploadSessions.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(uploadSessions)
    .values(values)
    .onConflictDoNothing({ target: uploadSessions.id })
    .returning({ id: uploadSessions.id });
  return rows.length > 0;
}

/** Indexes of the chunks held, ascending. */
export async function receivedIndexes(db: Db, uploadId: string): Promise<number[]> {
  const rows = await db
    .select({ index: uploadChunks.index })
    .from(uploadChunks)
    .where(eq(uploadChunks.uploadId, uploadId))
    .orderBy(asc(uploadChunks.index));
  return rows.map((row) => row.index);
}

/**
 * Stores a chunk at `now` (the service's clock: the sweep decides by these times); a chunk sent again
 * replaces the first copy (same index, same bytes expected).
 */
export async function putChunk(
  db: Db,
  uploadId: string,
  index: number,
  data: Buffer,
  now: Date,
): Promise<void> {
  await db
    .insert(uploadChunks)
    .values({ uploadId, index, data, createdAt: now, updatedAt: now })
    .onConflictDoUpdate({
      target: [uploadChunks.uploadId, uploadChunks.index],
      set: { data, updatedAt: now },
    });
  await db.update(uploadSessions).set({ updatedAt: now }).where(eq(uploadSessions.id, uploadId));
}

/** Every chunk's bytes, in order. */
export async function chunkData(db: Db, uploadId: string): Promise<Buffer[]> {
  const rows = await db
    .select({ data: uploadChunks.data })
    .from(uploadChunks)
    .where(eq(uploadChunks.uploadId, uploadId))
    .orderBy(asc(uploadChunks.index));
  return rows.map((row) => row.data);
}

export async function deleteChunks(db: Db, uploadId: string): Promise<void> {
  await db.delete(uploadChunks).where(eq(uploadChunks.uploadId, uploadId));
}

export async function markComplete(db: Db, id: string, mediaId: string, now: Date): Promise<void> {
  await db
    .update(uploadSessions)
    .set({ mediaId, completedAt: now, updatedAt: now })
    .where(eq(uploadSessions.id, id));
}
