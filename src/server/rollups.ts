import type { Db } from "./db/database";
import { FEEDBACK_MESSAGE_FACT, FEEDBACK_ROLLUP } from "./modules/feedback/feedback.facts";
import { CYCLE_FACT, ISAF_ROLLUP } from "./modules/isaf/isaf.facts";
import { JAAP_ACTION_FACT } from "./modules/jaap/jaap.facts";
import { SCORECARD_FACT } from "./modules/scorecards/scorecards.facts";
import type { Fact, RollupTable } from "./platform/rollups/rollup";
import { rebuild } from "./platform/rollups/rollups.engine";

/**
 * Every rollup table and every fact that counts in one, each declared by the module that owns its
 * tables and listed here once, above the modules (as the export kinds are in exports.ts and the
 * sync streams in sync.ts). A full rebuild
 * reads this list; the rebuild-equals-incremental test checks that it tests every fact listed.
 */
export const ROLLUPS: readonly RollupTable[] = [ISAF_ROLLUP, FEEDBACK_ROLLUP];

export const FACTS: readonly Fact<never>[] = [
  CYCLE_FACT,
  SCORECARD_FACT,
  JAAP_ACTION_FACT,
  FEEDBACK_MESSAGE_FACT,
];

/** Recomputes one rollup table from every fact that counts in it. */
export function rebuildRollup(tx: Db, rollup: RollupTable): Promise<void> {
  return rebuild(
    tx,
    rollup,
    FACTS.filter((fact) => fact.rollup === rollup),
  );
}
