import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Request counts of @fastify/rate-limit (platform/rate-limit-store.ts), one row per route and client
 * address, kept in the database so that every server process counts against the same limit. A row
 * whose window has passed starts again at 1; rows nobody reuses are deleted once expired.
 */
export const rateLimitHits = pgTable(
  "rate_limit_hits",
  {
    /** The route (method and URL) and the client's key, usually its address. */
    key: text("key").primaryKey(),
    hits: integer("hits").notNull(),
    /** End of the current window, on the database's clock (the same for every process). */
    resetsAt: timestamp("resets_at", { withTimezone: true, mode: "date" }).notNull(),
  },
  (t) => [index("rate_limit_hits_resets_at_idx").on(t.resetsAt)],
);
