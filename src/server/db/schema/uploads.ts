import { index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea, timestamps } from "./common";
import { mediaFiles } from "./media";
import { users } from "./users";

/**
 * Resumable uploads from field devices (issue 4): a photo or a recording arrives in chunks, so that a
 * cut connection resumes where it stopped. The device chooses the id, so that it can ask after a cut
 * what the server already holds. Once every chunk is in and the hash checks, the file moves to
 * media_files (media_id) and the chunks are deleted.
 */
export const uploadSessions = pgTable(
  "upload_sessions",
  {
    id: uuid("id").primaryKey(),
    /** The uploader: nobody else sees the upload or may use its file. */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    /** Lowercase hex SHA-256 of the whole file, as the device computed it. */
    sha256: text("sha256").notNull(),
    /** Kept per upload, so that a later change of the server's chunk size does not break uploads in progress. */
    chunkSize: integer("chunk_size").notNull(),
    /** The stored file once the upload is complete; null while chunks are still coming. */
    mediaId: uuid("media_id").references(() => mediaFiles.id),
    completedAt: timestamp("completed_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [index("upload_sessions_user_idx").on(t.userId, t.createdAt)],
);

/** The chunks received so far of an upload not yet complete (chunk `index` covers bytes index × chunkSize …). */
export const uploadChunks = pgTable(
  "upload_chunks",
  {
    uploadId: uuid("upload_id")
      .notNull()
      .references(() => uploadSessions.id, { onDelete: "cascade" }),
    index: integer("index").notNull(),
    data: bytea("data").notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.uploadId, t.index] })],
);
