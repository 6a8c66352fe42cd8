import { index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea } from "./common";
import { users } from "./users";

/**
 * Uploaded files (indicator audio, JAAP evidence photos). Kept in the database so that a backup of
 * the database is a backup of everything, on PGlite and PostgreSQL alike; uploads are capped at 10 MB.
 */
export const mediaFiles = pgTable(
  "media_files",
  {
    id: uuid("id").primaryKey(),
    fileName: text("file_name").notNull(),
    contentType: text("content_type").notNull(),
    byteSize: integer("byte_size").notNull(),
    sha256: text("sha256").notNull(),
    data: bytea("data").notNull(),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("media_files_sha_idx").on(t.sha256)],
);
