import { Param, type SQL } from "drizzle-orm";
import type { Db } from "./database";

/**
 * One array bound as ONE parameter (drizzle's sql`` would spread a plain array into a list).
 * Cast it in SQL: sql`... = any(${arrayParam(codes)}::text[])`, or unnest() it for bulk inserts.
 */
export function arrayParam<T>(values: readonly T[]): Param {
  return new Param(values);
}

/** Runs raw SQL and returns its rows (both drivers answer with `{ rows }`). */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
