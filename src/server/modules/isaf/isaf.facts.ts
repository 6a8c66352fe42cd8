import { type SQL, sql } from "drizzle-orm";
import { defineFact, defineRollup } from "../../platform/rollups/rollup";

/**
 * The ISAF dashboards' counters (isaf_rollup, read by modules/dashboards) and the cycle's part in
 * them. Score cards (scorecards.facts.ts) and JAAP actions (jaap.facts.ts) count in the same table.
 * Every counter counts under its cycle's facility and commune at every place level, its sector and
 * its programme year (the cycle's `year`, the period ISAF plans and reports by); `metric` names the
 * counter and `dims` holds its own dimensions joined by "|" (e.g. "female|15_17"), or "".
 */
export const ISAF_ROLLUP = defineRollup({
  table: "isaf_rollup",
  place: "levels",
  dimensions: { sector_code: "text", year: "int", metric: "text", dims: "text" },
  measures: { value: "bigint" },
});

/** The place, sector and period columns of a counter, from the cycle `c`. */
export const CYCLE_PLACE = sql`c.facility_id, c.commune_code, c.sector_code, c.year`;

/**
 * Joins a counted record to its cycle as `c`, whose columns CYCLE_PLACE reads: a score card's or an
 * action's counters name their cycle by `cycleId` (e.g. `s.cycle_id`) and leave the cycles table to
 * this module (docs/mechanisms/boundaries.md).
 */
export const joinCycle = (cycleId: SQL): SQL => sql`join cycles c on c.id = ${cycleId}`;

function cycleCounters(filter: SQL): SQL {
  return sql`
    select ${CYCLE_PLACE}, 'cycles' as metric,
      c.step || '|' || coalesce(to_char(c.planned_meeting_on, 'YYYY-MM'), '') as dims, 1::bigint as value
    from cycles c where ${filter}
    union all
    -- Cycles that are late once their planned meeting day has passed (isLate, src/domain/isaf-cycle.ts):
    -- by day, so that a dashboard counts late cycles to the day without reading the cycles.
    select ${CYCLE_PLACE}, 'late_candidates', to_char(c.planned_meeting_on, 'YYYY-MM-DD'), 1
    from cycles c where ${filter} and c.planned_meeting_on is not null and c.step in ('planned', 'i4c', 'scorecard')
    union all
    select ${CYCLE_PLACE}, 'committees',
      case when c.committee_formed_at is null then 'not_formed'
           when c.committee_quota_met then 'compliant' else 'override' end, 1
    from cycles c where ${filter}`;
}

/** A cycle: its step and planned month, late candidates by planned day, its committee's state. */
export const CYCLE_FACT = defineFact({
  name: "isaf.cycle",
  rollup: ISAF_ROLLUP,
  counters: (id) => cycleCounters(id === null ? sql`true` : sql`c.id = ${id}`),
});
