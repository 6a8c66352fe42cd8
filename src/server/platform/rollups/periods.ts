import { type SQL, sql } from "drizzle-orm";
import { CAMBODIA_TIME_ZONE } from "../../../domain/periods";

/**
 * Cambodia's periods in SQL, the same as src/domain/periods.ts computes them in TypeScript: facts
 * that count by a moment's year or month use these in their `counters` SQL and periodOf() in their
 * `countsOf`, so a full rebuild and the incremental path put a fact in the same period.
 */
export function cambodiaDateSql(moment: SQL): SQL {
  return sql`(${moment} at time zone ${sql.raw(`'${CAMBODIA_TIME_ZONE}'`)})::date`;
}

export function cambodiaYearSql(moment: SQL): SQL {
  return sql`extract(year from ${cambodiaDateSql(moment)})::int`;
}

export function cambodiaMonthSql(moment: SQL): SQL {
  return sql`extract(month from ${cambodiaDateSql(moment)})::int`;
}
