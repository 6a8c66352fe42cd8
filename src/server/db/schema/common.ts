import { sql } from "drizzle-orm";
import { bigint, customType, timestamp } from "drizzle-orm/pg-core";

/** created_at / updated_at on every row (ARCHITECTURE.md "Data"). */
export const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true, mode: "date" }).notNull().default(sql`now()`),
  updatedAt: timestamp("updated_at", { withTimezone: true, mode: "date" }).notNull().default(sql`now()`),
};

/** Binary data (files and upload chunks). */
export const bytea = customType<{ data: Buffer; driverData: Buffer | Uint8Array }>({
  dataType: () => "bytea",
  // PGlite hands back a Uint8Array, node-postgres a Buffer: callers always get a Buffer.
  fromDriver: (value) => (Buffer.isBuffer(value) ? value : Buffer.from(value)),
});

/**
 * The field app's change position of a row (docs/mechanisms/sync.md): the id of the transaction that
 * last wrote it, set by the trigger `sync_change_position` (migration), never by the application.
 * The pull reads a row only once every transaction with a smaller id has ended, so positions follow
 * commit order.
 */
export const changePosition = {
  changeXid: bigint("change_xid", { mode: "number" }).notNull().default(0),
};
