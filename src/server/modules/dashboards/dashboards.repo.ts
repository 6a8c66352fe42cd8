import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { arrayParam, queryRows } from "../../db/sql";
import { areaPredicate } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import { countersSql } from "../../platform/rollups/rollups.readers";
import { type IndicatorRef, indicatorRefsOf } from "../isaf/catalogue.service";
import { cyclePlacesSql } from "../isaf/cycle-scope.service";
import { ISAF_ROLLUP } from "../isaf/isaf.facts";
import { openActionsDueSql } from "../jaap/action-figures.service";
import { communeCodesUnderSql } from "../places/places.service";

/**
 * Dashboard reads. The figures come from the ISAF counters only (isaf_rollup, kept current with the
 * facts and read through the rollup engine's readers); the one exception is this month's overdue
 * JAAP actions, read from this month's rows only through the (commune, deadline) index, because the
 * counters know deadlines by month: one statement made of the JAAP, ISAF and places modules' SQL.
 * The scope has been checked against the caller's area before any of these runs.
 */
export interface RollupFilters {
  /** The rollup scope: "KH", a place code or a facility id. */
  scope: string;
  sector: string | null;
  yearFrom: number | null;
  yearTo: number | null;
}

export interface CounterRow {
  year: number;
  metric: string;
  dims: string;
  value: number;
}

function filterConditions(filters: RollupFilters): SQL[] {
  const parts: SQL[] = [];
  if (filters.sector) parts.push(sql`sector_code = ${filters.sector}`);
  if (filters.yearFrom !== null) parts.push(sql`year >= ${filters.yearFrom}`);
  if (filters.yearTo !== null) parts.push(sql`year <= ${filters.yearTo}`);
  return parts;
}

/** Every counter of the scope, summed over sectors, by year. */
export function headlineQuery(filters: RollupFilters): SQL {
  return countersSql(ISAF_ROLLUP, {
    select: sql`year, metric, dims, sum(value)::float8 as value`,
    at: { scope: filters.scope },
    where: filterConditions(filters),
    groupBy: sql`year, metric, dims`,
  });
}

export function headline(db: Db, filters: RollupFilters): Promise<CounterRow[]> {
  return queryRows<CounterRow>(db, headlineQuery(filters));
}

export interface AreaRow {
  scope: string;
  cycles: number;
  done: number;
  late: number;
  participants: number;
  women: number;
  score_n: number;
  score_sum: number;
  actions: number;
  actions_done: number;
  actions_dropped: number;
  overdue: number;
  formed: number;
  compliant: number;
}

const AREA_METRICS = [
  "cycles",
  "late_candidates",
  "participants",
  "score_n",
  "score_sum",
  "jaap",
  "committees",
];

/**
 * The headline figures of each child scope (parent_scope = scope), summed in the database. A cycle
 * is late when its planned meeting day (late_candidates) is before `today`; an action whose deadline
 * month is before `today`'s month is overdue (this month's days: overdueThisMonth).
 */
export function areasQuery(filters: RollupFilters, today: string): SQL {
  const month = today.slice(0, 7);
  const n = (condition: SQL) => sql`coalesce(sum(value) filter (where ${condition}), 0)::float8`;
  const step = sql`split_part(dims, '|', 1)`;
  const when = sql`split_part(dims, '|', 2)`;
  return countersSql(ISAF_ROLLUP, {
    select: sql`scope,
      ${n(sql`metric = 'cycles'`)} as cycles,
      ${n(sql`metric = 'cycles' and ${step} in ('follow_up', 'closed')`)} as done,
      ${n(sql`metric = 'late_candidates' and dims < ${today}`)} as late,
      ${n(sql`metric = 'participants'`)} as participants,
      ${n(sql`metric = 'participants' and ${step} = 'female'`)} as women,
      ${n(sql`metric = 'score_n' and dims = 'community'`)} as score_n,
      ${n(sql`metric = 'score_sum' and dims = 'community'`)} as score_sum,
      ${n(sql`metric = 'jaap'`)} as actions,
      ${n(sql`metric = 'jaap' and ${step} = 'done'`)} as actions_done,
      ${n(sql`metric = 'jaap' and ${step} = 'dropped'`)} as actions_dropped,
      ${n(sql`metric = 'jaap' and ${step} in ('planned', 'in_progress') and ${when} < ${month}`)} as overdue,
      ${n(sql`metric = 'committees' and dims <> 'not_formed'`)} as formed,
      ${n(sql`metric = 'committees' and dims = 'compliant'`)} as compliant`,
    at: { childrenOf: filters.scope },
    where: [sql`metric = any(${arrayParam(AREA_METRICS)}::text[])`, ...filterConditions(filters)],
    groupBy: sql`scope`,
  });
}

export function areas(db: Db, filters: RollupFilters, today: string): Promise<AreaRow[]> {
  return queryRows<AreaRow>(db, areasQuery(filters, today));
}

export type ScopeLevel = "national" | "province" | "district" | "commune" | "facility";

/**
 * JAAP actions still open whose deadline fell earlier this month (from the first of the month up to
 * yesterday), per child scope of the scope. Only this month's rows are read.
 */
export function overdueThisMonthQuery(
  actor: Actor,
  level: ScopeLevel,
  filters: RollupFilters,
  days: { monthStart: string; today: string },
): SQL {
  const child = {
    national: sql`left(a.commune_code, 2)`,
    province: sql`left(a.commune_code, 4)`,
    district: sql`a.commune_code`,
    commune: sql`c.facility_id::text`,
    facility: sql`c.facility_id::text`,
  }[level];
  // Communes listed from the gazetteer (by the parent index), so that the (commune, deadline) index
  // reads this month's actions only.
  const communesUnder = (parent: string | null) =>
    sql`a.commune_code = any(array(${communeCodesUnderSql(parent)}))`;
  const scope = {
    national: () => communesUnder(null),
    province: () => communesUnder(filters.scope),
    district: () => communesUnder(filters.scope),
    commune: () => sql`a.commune_code = ${filters.scope}`,
    facility: () => sql`c.facility_id = ${filters.scope}::uuid`,
  }[level]();
  const parts: SQL[] = [];
  if (filters.sector) parts.push(sql`and c.sector_code = ${filters.sector}`);
  if (filters.yearFrom !== null) parts.push(sql`and c.year >= ${filters.yearFrom}`);
  if (filters.yearTo !== null) parts.push(sql`and c.year <= ${filters.yearTo}`);
  // The cycle is needed only for a facility or to filter by sector or year.
  const needsCycle = parts.length > 0 || level === "commune" || level === "facility";
  // The actions (JAAP's) and the cycles (ISAF's) are simple subqueries: the planner joins their
  // tables as if they were named here.
  const actions = openActionsDueSql({ from: days.monthStart, before: days.today });
  return sql`
    select ${child} as scope, count(*)::float8 as overdue
    from (${actions}) a ${needsCycle ? sql`join (${cyclePlacesSql()}) c on c.id = a.cycle_id` : sql``}
    where ${scope} and ${areaPredicate(actor, sql`a.commune_code`)}
      ${sql.join(parts, sql` `)}
    group by 1`;
}

export function overdueThisMonth(
  db: Db,
  actor: Actor,
  level: ScopeLevel,
  filters: RollupFilters,
  days: { monthStart: string; today: string },
): Promise<{ scope: string; overdue: number }[]> {
  return queryRows(db, overdueThisMonthQuery(actor, level, filters, days));
}

export type IndicatorRow = IndicatorRef;

/** The indicators the counters name, from the ISAF catalogue. */
export function indicatorsByIds(db: Db, ids: readonly string[]): Promise<IndicatorRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return indicatorRefsOf(db, ids).then((found) => [...found.values()]);
}
