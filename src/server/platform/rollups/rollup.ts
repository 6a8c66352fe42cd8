import type { SQL } from "drizzle-orm";

/**
 * The two declarations of the rollup engine (docs/mechanisms/rollups.md): a rollup is a table of
 * additive counters and the shape of its rows; a fact is one kind of record that counts in it.
 * Both are declared by the module that owns the tables; the engine (rollups.engine.ts) keeps them.
 */

/** The SQL types the engine casts dimension and measure arrays to. */
export type ColumnType = "text" | "int" | "smallint" | "bigint" | "boolean" | "uuid";

/**
 * Where a counter sits.
 * - `levels`: one row per level the fact counts in — the nation ("KH"), its province, district and
 *   commune, and its facility — in the columns scope, scope_level (0–4) and parent_scope. The fact
 *   gives facility_id and commune_code. For readers that list an area's children or one facility.
 * - `commune`: one row per commune (column commune_code); a reader sums an area by code prefix
 *   (a province's code begins its districts' and communes'). One row written per change: for hot
 *   paths such as SMS intake.
 */
export type PlaceMode = "levels" | "commune";

export interface RollupTable {
  table: string;
  place: PlaceMode;
  /**
   * The counters' own dimensions, period columns included (year, month...), in the order the facts'
   * SQL returns them. With the place (and shard), they are the table's primary key.
   */
  dimensions: Readonly<Record<string, ColumnType>>;
  /** Additive counts: a change adds after − before to each. */
  measures: Readonly<Record<string, "int" | "bigint">>;
  /**
   * Each database connection writes its own row of a key (column `shard`), so that concurrent
   * writers of one key (a burst of SMS about one commune) do not queue on one row's lock; readers
   * sum the shards. A rebuild writes shard 0.
   */
  sharded?: boolean;
}

/** One fact's counts: the place columns, then each dimension and measure by column name. */
export type Counts = Record<string, string | number | boolean>;

export interface Fact<Row = never> {
  /** "<module>.<kind>", unique. */
  name: string;
  rollup: RollupTable;
  /**
   * The counts of one record (`id`) or of every record (null), as SQL rows with the columns, in
   * order: the place (facility_id, commune_code for `levels`; commune_code for `commune`), every
   * dimension, every measure. Used by the full rebuild, and by `tracked` before and after a change.
   */
  counters: (id: string | null) => SQL;
  /**
   * The same counts computed from the record's row, for write paths that hold the row already and
   * should not read the tables twice (`trackRows`). Must agree with `counters`: the
   * rebuild-equals-incremental test of the fact checks it.
   */
  countsOf?: (row: Row) => Counts;
}

export function defineRollup<T extends RollupTable>(rollup: T): T {
  return rollup;
}

export function defineFact<Row = never>(fact: Fact<Row>): Fact<Row> {
  return fact;
}

/** The place columns a fact gives, by mode. */
export function placeInputs(rollup: RollupTable): { name: string; type: ColumnType }[] {
  return rollup.place === "levels"
    ? [
        { name: "facility_id", type: "uuid" },
        { name: "commune_code", type: "text" },
      ]
    : [{ name: "commune_code", type: "text" }];
}
