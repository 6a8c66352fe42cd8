import { type SQL, sql } from "drizzle-orm";
import type { RollupTable } from "./rollup";

/**
 * The rollup engine's readers (docs/mechanisms/rollups.md). A rollup table belongs to the engine
 * (db/schema/owners.ts: isaf_rollup is "rollups"), so a module that shows its counters reads them
 * here, naming the rollup by its declaration (ISAF_ROLLUP, modules/isaf/isaf.facts.ts): the reader
 * names the table and the place, the caller what it sums and by what. Counters are additive and a
 * sharded rollup holds a row per shard, so a reader always sums.
 */

/** Which counters of a `levels` rollup: one scope's ("KH", a place code, a facility id), or its children's. */
export type LevelsPlace = { scope: string } | { childrenOf: string };

export interface CountersRead {
  /** The columns: the dimensions grouped by, and the sums of measures. */
  select: SQL;
  at: LevelsPlace;
  /** Conditions on the dimensions, all of which must hold. */
  where?: readonly SQL[];
  groupBy: SQL;
}

/** One statement: `select … from <the rollup's table> where <place> and … group by …`. */
export function countersSql(rollup: RollupTable, read: CountersRead): SQL {
  if (rollup.place !== "levels") throw new Error(`rollup ${rollup.table} is not counted by scope`);
  const place =
    "scope" in read.at ? sql`scope = ${read.at.scope}` : sql`parent_scope = ${read.at.childrenOf}`;
  const conditions = [place, ...(read.where ?? [])];
  return sql`
    select ${read.select}
    from ${sql.identifier(rollup.table)}
    where ${sql.join(conditions, sql` and `)}
    group by ${read.groupBy}`;
}
