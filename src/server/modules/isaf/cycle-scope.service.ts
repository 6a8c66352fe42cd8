import { getTableName, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * SQL that other modules embed in their own queries to filter and show their records through the
 * cycle they belong to (a JAAP action's year, sector and facility), so that a list stays one statement
 * while the cycles table is named only here (docs/mechanisms/boundaries.md; the precedent is
 * sms.service's insertInboundSql). `cycleId` is the caller's column holding the cycle's id.
 */

/**
 * The caller's column named with its table: drizzle writes a one-table select's columns bare, and a
 * bare name inside these subqueries would be read as a column of the cycles table.
 */
function qualified(column: AnyPgColumn): SQL {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

export interface CycleFilter {
  year?: number;
  sectorCode?: string;
  facilityId?: string;
}

/** SQL: the ids of the cycles that match every filter given, for the caller's `cycle_id in (...)`. */
export function cycleIdsWhereSql(filter: CycleFilter): SQL {
  const where: SQL[] = [sql`true`];
  if (filter.year !== undefined) where.push(sql`c.year = ${filter.year}`);
  if (filter.sectorCode !== undefined) where.push(sql`c.sector_code = ${filter.sectorCode}`);
  if (filter.facilityId !== undefined) where.push(sql`c.facility_id = ${filter.facilityId}`);
  return sql`select c.id from cycles c where ${sql.join(where, sql` and `)}`;
}

/** SQL: the year of the record's cycle. */
export function cycleYearSql(cycleId: AnyPgColumn): SQL<number> {
  return sql<number>`(select c.year from cycles c where c.id = ${qualified(cycleId)})`;
}

/** SQL: the sector (facility kind: PS, HC, CA) of the record's cycle. */
export function cycleSectorSql(cycleId: AnyPgColumn): SQL<string> {
  return sql<string>`(select c.sector_code from cycles c where c.id = ${qualified(cycleId)})`;
}

/** SQL: the facility of the record's cycle (its id; its name comes from facilities.service). */
export function cycleFacilityIdSql(cycleId: AnyPgColumn): SQL<string> {
  return sql<string>`(select c.facility_id from cycles c where c.id = ${qualified(cycleId)})`;
}
