import { index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { bytea, timestamps } from "./common";
import { users } from "./users";

/**
 * Files written in the background for the user who asked (modules/exports): what she asked for,
 * with her access as it was then, how far the writer has come, and the file once written, kept
 * until `expires_at` (a sweep deletes it). The file lives in chunks in the database, like uploads,
 * so that every server process can serve it and a backup holds it.
 */
export const exportJobs = pgTable(
  "export_jobs",
  {
    id: uuid("id").primaryKey(),
    /** The requester: nobody else reads the export. */
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    /** What is exported, as registered by the module that owns it (e.g. "feedback.messages"). */
    kind: text("kind").notNull(),
    format: text("format", { enum: ["csv", "xlsx", "pdf"] }).notNull(),
    /** The request, as the kind's schema took it. */
    params: jsonb("params").notNull(),
    /** The requester's roles, area and language at request time: the writer reads with these. */
    access: jsonb("access").notNull(),
    status: text("status", { enum: ["queued", "running", "done", "failed"] })
      .notNull()
      .default("queued"),
    rowsDone: integer("rows_done").notNull().default(0),
    rowsTotal: integer("rows_total"),
    fileName: text("file_name"),
    contentType: text("content_type"),
    byteSize: integer("byte_size"),
    /** A message code when the export failed (e.g. no Chromium for a PDF). */
    error: text("error"),
    expiresAt: timestamp("expires_at", { withTimezone: true, mode: "date" }),
    ...timestamps,
  },
  (t) => [
    index("export_jobs_user_idx").on(t.userId, t.createdAt),
    index("export_jobs_expires_idx").on(t.expiresAt),
  ],
);

/** The written file, in order (chunk `index`). */
export const exportChunks = pgTable(
  "export_chunks",
  {
    exportId: uuid("export_id")
      .notNull()
      .references(() => exportJobs.id, { onDelete: "cascade" }),
    index: integer("index").notNull(),
    data: bytea("data").notNull(),
    ...timestamps,
  },
  (t) => [primaryKey({ columns: [t.exportId, t.index] })],
);
