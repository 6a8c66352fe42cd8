import { type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { arrayParam, queryRows } from "../../db/sql";
import { placeLevels } from "./places";
import { type ColumnType, type Counts, type Fact, placeInputs, type RollupTable } from "./rollup";

/**
 * The rollup engine (docs/mechanisms/rollups.md): keeps every registered fact's counters current in
 * the transaction of the change, and rebuilds a rollup table from its facts. Counters are additive and
 * a fact's counts are a pure function of its current state, so a change adds after − before.
 *
 * Writes are set-based: one INSERT … ON CONFLICT per change (or per rebuild), never one per row.
 */

const SHARD_COUNT = 64;
/**
 * The row a sharded write goes to: one per database connection (its backend's process id), so that
 * two writers at the same moment — necessarily on two connections — rarely share a row's lock, and a
 * key has no more rows than connections that ever wrote it.
 */
const SHARD_OF_CONNECTION = sql.raw(`(pg_backend_pid() % ${SHARD_COUNT})`);

interface Column {
  name: string;
  type: ColumnType;
}

const ident = (name: string) => sql.identifier(name);
const list = (names: string[], prefix = "") =>
  sql.join(
    names.map((name) => (prefix ? sql`${ident(prefix)}.${ident(name)}` : ident(name))),
    sql`, `,
  );

function shapeOf(rollup: RollupTable) {
  const inputs: Column[] = placeInputs(rollup);
  const dimensions: Column[] = Object.entries(rollup.dimensions).map(([name, type]) => ({ name, type }));
  const measures: Column[] = Object.entries(rollup.measures).map(([name, type]) => ({ name, type }));
  const placeKey = rollup.place === "levels" ? ["scope"] : ["commune_code"];
  const placeStored = rollup.place === "levels" ? ["scope", "scope_level", "parent_scope"] : ["commune_code"];
  const keyNames = [...placeKey, ...dimensions.map((c) => c.name), ...(rollup.sharded ? ["shard"] : [])];
  return { inputs, dimensions, measures, placeStored, keyNames };
}

/**
 * INSERT … SELECT of counts `source` (an SQL relation aliased `f` with the fact's columns in order)
 * into the rollup table, adding to existing counters. `ordered`: rows are written in key order, so
 * that two transactions moving the same counters (two score cards submitted at once share the
 * nation's rows) take their row locks in the same order and wait for each other instead of
 * deadlocking. A rebuild writes alone and skips the sort (millions of rows at national scale).
 */
function addCounts(rollup: RollupTable, source: SQL, shard: SQL, ordered: boolean): SQL {
  const { dimensions, measures, placeStored, keyNames } = shapeOf(rollup);
  const levels = rollup.place === "levels";
  const place = levels ? list(placeStored, "scope") : list(["commune_code"], "f");
  const dims = list(
    dimensions.map((c) => c.name),
    "f",
  );
  const sums = sql.join(
    measures.map((c) => sql`sum(${ident("f")}.${ident(c.name)})`),
    sql`, `,
  );
  const grouped = placeStored.length + dimensions.length + (rollup.sharded ? 1 : 0);
  const groupBy = sql.raw(Array.from({ length: grouped }, (_, i) => String(i + 1)).join(", "));
  const target = sql.identifier(rollup.table);
  const updates = sql.join(
    measures.map((c) => sql`${ident(c.name)} = ${ident("r")}.${ident(c.name)} + excluded.${ident(c.name)}`),
    sql`, `,
  );
  const shardColumn = rollup.sharded ? sql`, ${ident("shard")}` : sql``;
  const shardValue = rollup.sharded ? sql`, ${shard}` : sql``;
  return sql`
    insert into ${target} as r (${list(placeStored)}, ${list(dimensions.map((c) => c.name))}${shardColumn},
      ${list(measures.map((c) => c.name))})
    select ${place}, ${dims}${shardValue}, ${sums}
    from ${source}
    ${levels ? sql`cross join lateral ${placeLevels("f")}` : sql``}
    group by ${groupBy}
    ${ordered ? sql`order by ${groupBy}` : sql``}
    on conflict (${list(keyNames)}) do update set ${updates}`;
}

function columnsOf(rollup: RollupTable): Column[] {
  const { inputs, dimensions, measures } = shapeOf(rollup);
  return [...inputs, ...dimensions, ...measures];
}

/** The fact's counters SQL as a relation `f` with its columns named. */
function countersRelation(fact: Fact<never>, id: string | null): SQL {
  const names = columnsOf(fact.rollup).map((c) => c.name);
  return sql`(${fact.counters(id)}) as f(${list(names)})`;
}

function keyOf(rollup: RollupTable, counts: Counts): string {
  const { inputs, dimensions } = shapeOf(rollup);
  return JSON.stringify([...inputs, ...dimensions].map((c) => counts[c.name]));
}

/** after − before, per key; keys whose every measure is unchanged are left out. */
export function difference(rollup: RollupTable, before: Counts[], after: Counts[]): Counts[] {
  const { measures } = shapeOf(rollup);
  const delta = new Map<string, Counts>();
  const add = (counts: Counts, sign: 1 | -1) => {
    const key = keyOf(rollup, counts);
    const entry = delta.get(key) ?? { ...counts, ...Object.fromEntries(measures.map((c) => [c.name, 0])) };
    for (const { name } of measures) entry[name] = Number(entry[name]) + sign * Number(counts[name]);
    delta.set(key, entry);
  };
  for (const counts of before) add(counts, -1);
  for (const counts of after) add(counts, 1);
  return [...delta.values()].filter((counts) => measures.some((c) => counts[c.name] !== 0));
}

/** Adds counts (each a full row of the fact's columns) to the counters, in one statement. */
export async function addToRollup(tx: Db, rollup: RollupTable, rows: Counts[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = columnsOf(rollup);
  const arrays = sql.join(
    columns.map((c) => sql`${arrayParam(rows.map((row) => row[c.name] ?? null))}::${sql.raw(c.type)}[]`),
    sql`, `,
  );
  const source = sql`unnest(${arrays}) as f(${list(columns.map((c) => c.name))})`;
  await tx.execute(addCounts(rollup, source, SHARD_OF_CONNECTION, true));
}

async function countersOf(tx: Db, fact: Fact<never>, id: string): Promise<Counts[]> {
  return queryRows<Counts>(tx, sql`select * from ${countersRelation(fact, id)}`);
}

/**
 * Runs `change` (which creates, updates or deletes the record `id`) and moves the fact's counters
 * from their old to their new values, in the caller's transaction: the fact's counters SQL is read
 * before and after.
 */
export async function tracked<T>(
  tx: Db,
  fact: Fact<never>,
  id: string,
  change: () => Promise<T>,
): Promise<T> {
  const before = await countersOf(tx, fact, id);
  const result = await change();
  const after = await countersOf(tx, fact, id);
  await addToRollup(tx, fact.rollup, difference(fact.rollup, before, after));
  return result;
}

/**
 * Moves the counters of a change the caller already holds both rows of (null: created or deleted),
 * with the fact's `countsOf`: no read of the tables, one write.
 */
export async function trackRows<Row>(
  tx: Db,
  fact: Fact<Row>,
  before: Row | null,
  after: Row | null,
): Promise<void> {
  const countsOf = fact.countsOf;
  if (!countsOf) throw new Error(`rollup fact ${fact.name} has no countsOf`);
  const counts = (row: Row | null) => (row === null ? [] : [countsOf(row)]);
  await addToRollup(tx, fact.rollup, difference(fact.rollup, counts(before), counts(after)));
}

/**
 * The INSERT that counts one new record inside a caller's single statement (the SMS webhook stores a
 * message in one statement): `counts` of the record, added once per row of `from` (a CTE that
 * returns a row when the record was stored).
 */
export function countNewSql(fact: Fact<never>, counts: Counts, from: SQL): SQL {
  const { placeStored, dimensions, measures, keyNames } = shapeOf(fact.rollup);
  const columns = [...placeStored, ...dimensions.map((c) => c.name), ...measures.map((c) => c.name)];
  const value = (c: Column) => sql`${counts[c.name] ?? null}::${sql.raw(c.type)}`;
  if (fact.rollup.place !== "commune") throw new Error(`countNewSql counts per commune only (${fact.name})`);
  // A plain INSERT … SELECT of one row per stored record, updating only the counts it moves: this is
  // the SMS webhook's hot path, where every clause of the statement is paid a thousand times a second.
  const moved = measures.filter((c) => Number(counts[c.name]) !== 0);
  const updates = sql.join(
    moved.map((c) => sql`${ident(c.name)} = ${ident("r")}.${ident(c.name)} + excluded.${ident(c.name)}`),
    sql`, `,
  );
  const shardColumn = fact.rollup.sharded ? sql`, ${ident("shard")}` : sql``;
  const shardValue = fact.rollup.sharded ? sql`, ${SHARD_OF_CONNECTION}` : sql``;
  return sql`
    insert into ${sql.identifier(fact.rollup.table)} as r (${list(columns)}${shardColumn})
    select ${sql.join([...inputsAndDimensions(fact.rollup).map(value), ...measures.map(value)], sql`, `)}${shardValue}
    from ${from}
    on conflict (${list(keyNames)}) ${moved.length ? sql`do update set ${updates}` : sql`do nothing`}`;
}

function inputsAndDimensions(rollup: RollupTable): Column[] {
  const { inputs, dimensions } = shapeOf(rollup);
  return [...inputs, ...dimensions];
}

/**
 * Recomputes a rollup table from its facts (after a bulk load, at a migration, or to check the
 * incremental path): every fact's counters SQL, set-based.
 */
export async function rebuild(tx: Db, rollup: RollupTable, facts: readonly Fact<never>[]): Promise<void> {
  const table = sql.identifier(rollup.table);
  await tx.execute(sql`delete from ${table}`);
  for (const fact of facts) {
    if (fact.rollup !== rollup) throw new Error(`rollup fact ${fact.name} counts in another table`);
    await tx.execute(addCounts(rollup, countersRelation(fact, null), sql`0`, false));
  }
  // Zero counters carry no information; the incremental path may leave them, a rebuild does not.
  const measures = Object.keys(rollup.measures).map((name) => sql`${ident(name)} = 0`);
  await tx.execute(sql`delete from ${table} where ${sql.join(measures, sql` and `)}`);
}

/**
 * The counters summed over shards, zero rows left out, in key order: what an incremental table and a
 * rebuilt one must both show (the rebuild-equals-incremental tests).
 */
export async function snapshot(db: Db, rollup: RollupTable): Promise<string[]> {
  const { placeStored, dimensions, measures } = shapeOf(rollup);
  const keys = [...placeStored, ...dimensions.map((c) => c.name)];
  const sums = measures.map((c) => sql`sum(${ident(c.name)})::text as ${ident(c.name)}`);
  const rows = await queryRows<Record<string, unknown>>(
    db,
    sql`select ${list(keys)}, ${sql.join(sums, sql`, `)} from ${sql.identifier(rollup.table)}
        group by ${list(keys)}
        having ${sql.join(
          measures.map((c) => sql`sum(${ident(c.name)}) <> 0`),
          sql` or `,
        )}
        order by ${list(keys)}`,
  );
  return rows.map((row) => JSON.stringify(row));
}
