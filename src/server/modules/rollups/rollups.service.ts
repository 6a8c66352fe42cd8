import { sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { arrayParam, queryRows } from "../../db/sql";
import { countersQuery, type FactKind, SCOPES_OF } from "./rollups.counters";

/**
 * Dashboard rollups (issue 3, part 12): counters kept current in the same transaction as the facts,
 * so a dashboard never aggregates raw national tables and shows a result right after the write.
 *
 * Every service that changes a counted fact wraps the change in `tracked`: the fact's counters are
 * read before and after, and the difference is added to the five scopes it counts in.
 */
interface CounterRow {
  facility_id: string;
  commune_code: string;
  sector_code: string;
  year: number;
  metric: string;
  dims: string;
  value: string | number;
}

async function countersOf(tx: Db, kind: FactKind, id: string): Promise<CounterRow[]> {
  return queryRows<CounterRow>(tx, countersQuery(kind, id));
}

function keyOf(row: CounterRow): string {
  return [row.facility_id, row.commune_code, row.sector_code, row.year, row.metric, row.dims].join("\u0000");
}

/** after − before, per counter; zero differences dropped. */
export function difference(before: CounterRow[], after: CounterRow[]): CounterRow[] {
  const delta = new Map<string, CounterRow>();
  const add = (row: CounterRow, sign: 1 | -1) => {
    const key = keyOf(row);
    const current = delta.get(key);
    const value = Number(row.value) * sign;
    if (current) current.value = Number(current.value) + value;
    else delta.set(key, { ...row, value });
  };
  for (const row of before) add(row, -1);
  for (const row of after) add(row, 1);
  return [...delta.values()].filter((row) => Number(row.value) !== 0);
}

/**
 * Adds the delta to every scope's counters. The rows are written in key order: two transactions
 * moving the same counters (two score cards submitted at once share the nation's rows) then take
 * their row locks in the same order, and wait for each other instead of deadlocking.
 */
async function applyDelta(tx: Db, delta: CounterRow[]): Promise<void> {
  if (delta.length === 0) return;
  const column = <K extends keyof CounterRow>(key: K) => arrayParam(delta.map((row) => row[key]));
  await tx.execute(sql`
    insert into isaf_rollup as r (scope, scope_level, parent_scope, sector_code, year, metric, dims, value)
    select scope.scope, scope.scope_level, scope.parent_scope, d.sector_code, d.year, d.metric, d.dims, sum(d.value)
    from unnest(${column("facility_id")}::uuid[], ${column("commune_code")}::text[], ${column("sector_code")}::text[],
                ${column("year")}::int[], ${column("metric")}::text[], ${column("dims")}::text[],
                ${arrayParam(delta.map((row) => Number(row.value)))}::bigint[])
      as d(facility_id, commune_code, sector_code, year, metric, dims, value)
    cross join lateral ${SCOPES_OF("d")}
    group by 1, 2, 3, 4, 5, 6, 7
    order by 1, 4, 5, 6, 7
    on conflict (scope, sector_code, year, metric, dims) do update set value = r.value + excluded.value`);
}

/**
 * Runs `change` (which creates, updates or deletes the fact) and moves the fact's counters from
 * their old to their new values, in the caller's transaction.
 */
export async function tracked<T>(tx: Db, kind: FactKind, id: string, change: () => Promise<T>): Promise<T> {
  const before = await countersOf(tx, kind, id);
  const result = await change();
  const after = await countersOf(tx, kind, id);
  await applyDelta(tx, difference(before, after));
  return result;
}

/** Recomputes every counter from the facts (after a bulk load, or to check the incremental path). */
export async function rebuildAll(tx: Db): Promise<void> {
  await tx.execute(sql`delete from isaf_rollup`);
  for (const kind of ["cycle", "scorecard", "jaap_action"] as const) {
    await tx.execute(sql`
      insert into isaf_rollup as r (scope, scope_level, parent_scope, sector_code, year, metric, dims, value)
      select scope.scope, scope.scope_level, scope.parent_scope, f.sector_code, f.year, f.metric, f.dims, sum(f.value)
      from (${countersQuery(kind, null)}) as f(facility_id, commune_code, sector_code, year, metric, dims, value)
      cross join lateral ${SCOPES_OF("f")}
      group by 1, 2, 3, 4, 5, 6, 7
      on conflict (scope, sector_code, year, metric, dims) do update set value = r.value + excluded.value`);
  }
  // Zero counters carry no information; the incremental path may leave them, a rebuild does not.
  await tx.execute(sql`delete from isaf_rollup where value = 0`);
}
