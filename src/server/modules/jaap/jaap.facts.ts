import { type SQL, sql } from "drizzle-orm";
import { defineFact } from "../../platform/rollups/rollup";
import { CYCLE_PLACE, ISAF_ROLLUP, joinCycle } from "../isaf/isaf.facts";

function jaapCounters(filter: SQL): SQL {
  return sql`
    select ${CYCLE_PLACE}, 'jaap' as metric, a.status || '|' || to_char(a.deadline, 'YYYY-MM') as dims, 1::bigint as value
    from jaap_actions a ${joinCycle(sql`a.cycle_id`)} where ${filter}`;
}

/** A JAAP action's part in the ISAF dashboards (isaf.facts.ts): by status and deadline month. */
export const JAAP_ACTION_FACT = defineFact({
  name: "isaf.jaap_action",
  rollup: ISAF_ROLLUP,
  counters: (id) => jaapCounters(id === null ? sql`true` : sql`a.id = ${id}`),
});
