import { getTableName, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { areaPredicate } from "../../platform/abilities";
import type { Actor } from "../../platform/actor";

/**
 * SQL that other modules embed in their own queries to filter and show their records through the
 * cycle they belong to (a score card's or a JAAP action's scope, year, sector and facility), so that a
 * list stays one statement
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
  communeCode?: string;
}

/** SQL: the ids of the cycles that match every filter given (none: every cycle), for the caller's `cycle_id in (...)`. */
export function cycleIdsWhereSql(filter: CycleFilter): SQL {
  const where: SQL[] = [sql`true`];
  if (filter.year !== undefined) where.push(sql`c.year = ${filter.year}`);
  if (filter.sectorCode !== undefined) where.push(sql`c.sector_code = ${filter.sectorCode}`);
  if (filter.facilityId !== undefined) where.push(sql`c.facility_id = ${filter.facilityId}`);
  if (filter.communeCode !== undefined) where.push(sql`c.commune_code = ${filter.communeCode}`);
  return sql`select c.id from cycles c where ${sql.join(where, sql` and `)}`;
}

/** SQL: the ids of the cycles in the actor's area, for the caller's `cycle_id in (...)`. */
export function cycleIdsInAreaSql(actor: Actor): SQL {
  return sql`select c.id from cycles c where ${areaPredicate(actor, sql`c.commune_code`)}`;
}

/**
 * Every cycle's facility, sector and programme year, as an SQL relation with the columns id,
 * facility_id, sector_code and year, for the caller's join (`join (…) c on c.id = a.cycle_id`).
 * It reads every area: the caller scopes what it joins it to.
 */
export function cyclePlacesSql(): SQL {
  return sql`select c.id, c.facility_id, c.sector_code, c.year from cycles c`;
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
