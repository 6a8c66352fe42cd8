import { and, eq, inArray } from "drizzle-orm";
import type { Db } from "../../db/database";
import { scorecards } from "../../db/schema";
import type { StepPrerequisite } from "../isaf/cycle-steps.service";

/**
 * What the cycle's score-card steps need first (isaf/cycle-steps.service.ts, listed in
 * src/server/steps.ts): a card of the kind submitted or approved.
 */
async function hasCard(db: Db, cycleId: string, kind: "community" | "self"): Promise<boolean> {
  const [row] = await db
    .select({ id: scorecards.id })
    .from(scorecards)
    .where(
      and(
        eq(scorecards.cycleId, cycleId),
        eq(scorecards.kind, kind),
        inArray(scorecards.status, ["submitted", "approved"]),
      ),
    )
    .limit(1);
  return row !== undefined;
}

export const SCORECARD_STEPS: readonly StepPrerequisite[] = [
  {
    step: "scorecard",
    missing: "step_needs_community_scorecard",
    met: (db, cycle) => hasCard(db, cycle.id, "community"),
  },
  {
    step: "self_assessment",
    missing: "step_needs_self_assessment",
    met: (db, cycle) => hasCard(db, cycle.id, "self"),
  },
];
