import { type SQL, sql } from "drizzle-orm";

/**
 * The five levels a fact counts in under the `levels` place mode: the nation ("KH"), its province,
 * district and commune (the first 2, 4 and 6 characters of a commune code are its province and
 * district), and the facility itself. A lateral join over rows `alias` that have facility_id and
 * commune_code.
 */
export function placeLevels(alias: string): SQL {
  const row = sql.identifier(alias);
  return sql`(values
  ('KH', 0, null),
  (substr(${row}.commune_code, 1, 2), 1, 'KH'),
  (substr(${row}.commune_code, 1, 4), 2, substr(${row}.commune_code, 1, 2)),
  (${row}.commune_code, 3, substr(${row}.commune_code, 1, 4)),
  (${row}.facility_id::text, 4, ${row}.commune_code)
) as scope(scope, scope_level, parent_scope)`;
}
