import { type SQL, sql } from "drizzle-orm";

/**
 * JAAP actions as another module counts them inside its own statement (the dashboards' actions
 * overdue this month): the JAAP module's SQL, embedded by the caller, so that the count stays one
 * statement and its table is named here only (docs/mechanisms/boundaries.md).
 */

/**
 * The actions still open (planned or in progress) whose deadline is on or after `from` and before
 * `before`, as an SQL relation with the columns cycle_id and commune_code, for the caller's FROM
 * (`from (…) a`). It reads every area: the caller adds the actor's area predicate on commune_code,
 * and its commune condition, which the (commune, deadline) index serves with the deadline range.
 */
export function openActionsDueSql(days: { from: string; before: string }): SQL {
  return sql`select a.cycle_id, a.commune_code from jaap_actions a
    where a.status in ('planned', 'in_progress')
      and a.deadline >= ${days.from}::date and a.deadline < ${days.before}::date`;
}
