import type { CycleStep } from "../../../domain/isaf-cycle";
import type { Db } from "../../db/database";
import type { MessageCode } from "../../platform/messages";
import type { CycleRow } from "./cycles.repo";

/**
 * What completing a cycle's step needs first: a published I4C pack, a submitted score card, the
 * interface meeting, a JAAP action. Each is declared by the module that owns the records it looks
 * at (isaf, scorecards.steps.ts, jaap.steps.ts) and listed once in src/server/steps.ts, which the
 * app hands to the isaf routes, as sync.ts hands the sync registry to the sync routes. isaf cannot
 * ask the score-card and JAAP modules itself: they build on isaf (docs/mechanisms/boundaries.md).
 */
export interface StepPrerequisite {
  /** The step whose completion needs it. */
  step: CycleStep;
  /** The refusal (409) while the cycle lacks it. */
  missing: MessageCode;
  /** True when the cycle has it. */
  met(db: Db, cycle: CycleRow): Promise<boolean>;
}

export type StepPrerequisites = ReadonlyMap<CycleStep, StepPrerequisite>;

/** The list by step. A step needs one thing at most: two for the same step is a mistake in the list. */
export function stepPrerequisites(list: readonly StepPrerequisite[]): StepPrerequisites {
  const byStep = new Map<CycleStep, StepPrerequisite>();
  for (const prerequisite of list) {
    if (byStep.has(prerequisite.step))
      throw new Error(`Two prerequisites for the ${prerequisite.step} step: ${prerequisite.missing}`);
    byStep.set(prerequisite.step, prerequisite);
  }
  return byStep;
}

/** The I4C step needs the cycle's I4C pack published (read with the cycle the command loaded). */
export const I4C_PUBLISHED: StepPrerequisite = {
  step: "i4c",
  missing: "step_needs_published_i4c",
  met: async (_db, cycle) => cycle.i4cPublishedAt !== null,
};
