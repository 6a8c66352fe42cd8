import { and, isNull, lt, notExists, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { uploadChunks, uploadSessions } from "../../db/schema";
import { auditAll } from "../../platform/audit";

/**
 * The `uploads.sweep` job: uploads that stopped coming in a month ago are deleted with their chunks.
 * A phone that still holds such a file loses nothing: it starts every upload by asking the server
 * (POST /api/v1/uploads with its own id), which then makes the upload anew, and sends every chunk.
 */
export const ABANDONED_AFTER_DAYS = 30;

export async function sweepAbandonedUploads(db: Db, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - ABANDONED_AFTER_DAYS * 86_400_000);
  return db.transaction(async (tx) => {
    const swept = await tx
      .delete(uploadSessions)
      .where(
        and(
          isNull(uploadSessions.completedAt),
          lt(uploadSessions.updatedAt, cutoff),
          notExists(
            tx
              .select({ one: sql`1` })
              .from(uploadChunks)
              .where(
                and(
                  sql`${uploadChunks.uploadId} = ${uploadSessions.id}`,
                  sql`${uploadChunks.createdAt} >= ${cutoff}`,
                ),
              ),
          ),
        ),
      )
      .returning({ id: uploadSessions.id });
    await auditAll(
      tx,
      { actor: null, ip: null },
      swept.map((upload) => ({ action: "upload.swept", entityType: "upload", entityId: upload.id })),
    );
    return swept.length;
  });
}
