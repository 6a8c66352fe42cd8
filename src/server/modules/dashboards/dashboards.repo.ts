import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { arrayParam, queryRows } from "../../db/sql";
import { areaPredicate } from "../../platform/access";
import type { Actor } from "../../platform/actor";

/**
 * Dashboard reads. The figures come from isaf_rollup only (counters kept current with the facts);
 * the one exception is this month's overdue JAAP actions, read from this month's rows only through
 * the (commune, deadline) index, because the counters know deadlines by month.
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

function filterSql(filters: RollupFilters): SQL {
  const parts: SQL[] = [];
  if (filters.sector) parts.push(sql`and sector_code = ${filters.sector}`);
  if (filters.yearFrom !== null) parts.push(sql`and year >= ${filters.yearFrom}`);
  if (filters.yearTo !== null) parts.push(sql`and year <= ${filters.yearTo}`);
  return sql.join(parts, sql` `);
}

/** Every counter of the scope, summed over sectors, by year. */
export function headlineQuery(filters: RollupFilters): SQL {
  return sql`
    select year, metric, dims, sum(value)::float8 as value
    from isaf_rollup
    where scope = ${filters.scope} ${filterSql(filters)}
    group by year, metric, dims`;
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
  return sql`
    select scope,
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
      ${n(sql`metric = 'committees' and dims = 'compliant'`)} as compliant
    from isaf_rollup
    where parent_scope = ${filters.scope} and metric = any(${arrayParam(AREA_METRICS)}::text[]) ${filterSql(filters)}
    group by scope`;
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
  const districtsOf = (province: SQL) => sql`select d.code from places d where d.parent_code = ${province}`;
  const communesIn = (districts: SQL) =>
    sql`a.commune_code = any(array(select c.code from places c where c.parent_code in (${districts})))`;
  const scope = {
    national: communesIn(
      sql`select d.code from places d where d.parent_code in (select p.code from places p where p.parent_code is null)`,
    ),
    province: communesIn(districtsOf(sql`${filters.scope}`)),
    district: communesIn(sql`${filters.scope}`),
    commune: sql`a.commune_code = ${filters.scope}`,
    facility: sql`c.facility_id = ${filters.scope}::uuid`,
  }[level];
  const parts: SQL[] = [];
  if (filters.sector) parts.push(sql`and c.sector_code = ${filters.sector}`);
  if (filters.yearFrom !== null) parts.push(sql`and c.year >= ${filters.yearFrom}`);
  if (filters.yearTo !== null) parts.push(sql`and c.year <= ${filters.yearTo}`);
  // The cycle is needed only for a facility or to filter by sector or year.
  const needsCycle = parts.length > 0 || level === "commune" || level === "facility";
  return sql`
    select ${child} as scope, count(*)::float8 as overdue
    from jaap_actions a ${needsCycle ? sql`join cycles c on c.id = a.cycle_id` : sql``}
    where ${scope} and ${areaPredicate(actor, sql`a.commune_code`)}
      and a.status in ('planned', 'in_progress')
      and a.deadline >= ${days.monthStart}::date and a.deadline < ${days.today}::date
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

export interface IndicatorRow {
  id: string;
  code: string;
  sectorCode: string;
  nameKm: string;
  nameEn: string;
}

export function indicatorsByIds(db: Db, ids: readonly string[]): Promise<IndicatorRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return queryRows<IndicatorRow>(
    db,
    sql`select id, code, sector_code as "sectorCode", name_km as "nameKm", name_en as "nameEn"
        from indicators where id = any(${arrayParam(ids)}::uuid[])`,
  );
}
