import { sql } from "drizzle-orm";
import { timestamp } from "drizzle-orm/pg-core";

/** created_at / updated_at on every row (ARCHITECTURE.md "Data"). */
export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().default(sql`now()`),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().default(sql`now()`),
};
