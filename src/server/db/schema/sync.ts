import { index, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { users } from "./users";

/**
 * The ledger of commands pushed by field devices (issue 4): each command's first outcome, kept under
 * the id the device gave it, so that a command sent again — after a cut connection, from a retry —
 * is answered with that outcome and never applied twice (src/domain/sync/commands.ts).
 */
export const syncCommands = pgTable(
  "sync_commands",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    deviceId: text("device_id").notNull(),
    type: text("type").notNull(),
    recordId: text("record_id").notNull(),
    /** Type, record and payload as canonical JSON: a re-used id with another body is refused. */
    /** SHA-256 (hex) of the command's canonical body, never the body (sync.service.ts). */
    fingerprint: text("fingerprint").notNull(),
    /** { status: "applied", result } | { status: "rejected" | "conflict", code, message, … }. */
    outcome: jsonb("outcome").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [index("sync_commands_user_idx").on(t.userId, t.createdAt)],
);
