import type { Db } from "../../db/database";
import { audit } from "../../platform/audit";
import type { Ctx } from "../../platform/context";
import { badRequest, conflict, type FieldError } from "../../platform/errors";
import * as rollups from "../../platform/rollups/rollups.engine";
import { prioritiesShown } from "./scorecards.content";
import { assertEditable, type Edit, type EditOptions, editCard, singleEdit } from "./scorecards.edit";
import { SCORECARD_FACT } from "./scorecards.facts";
import * as repo from "./scorecards.repo";
import { FIELD } from "./scorecards.stamps";
import * as store from "./scorecards.store";

/**
 * The meeting chooses and orders the indicators it scores, from the issues raised. The
 * self-assessment scores the same list: it follows every change of the community's, in the same
 * transaction. Taking off an indicator that has scores (on either card) needs discardScores.
 */
export function setPriorities(
  ctx: Ctx,
  id: string,
  input: { indicatorIds: string[]; discardScores: boolean; version: number },
) {
  return editCard(ctx, id, setPrioritiesEdit(ctx, id, input));
}

/** The change behind setPriorities; the field app's push applies it too (scorecards.sync.ts). */
export function setPrioritiesEdit(
  ctx: Ctx,
  id: string,
  input: { indicatorIds: string[]; discardScores: boolean; version: number },
): Edit {
  const options: EditOptions = {
    action: "priorities_set",
    version: input.version,
    fields: [FIELD.priorities],
  };
  return singleEdit(options, async (tx, card, cycle) => {
    if (card.kind === "self") throw conflict("self_priorities_fixed");
    const raised = new Set((await repo.issues(tx, id)).map((issue) => issue.indicatorId));
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    input.indicatorIds.forEach((indicatorId, index) => {
      if (seen.has(indicatorId)) errors.push({ path: `indicatorIds.${index}`, code: "indicator_repeated" });
      else if (!raised.has(indicatorId))
        errors.push({ path: `indicatorIds.${index}`, code: "indicator_not_raised" });
      seen.add(indicatorId);
    });
    if (errors.length) throw badRequest("validation_failed", errors);

    const before = await prioritiesShown(tx, id);
    const dropped = before.filter((priority) => !seen.has(priority.indicator.id));
    const self = (await repo.ofCycle(tx, cycle.id)).find((other) => other.kind === "self");
    const cardIds = self ? [id, self.id] : [id];
    const scored = await store.scoredIndicatorIds(tx, cardIds);
    const losing = dropped.filter((priority) => scored.has(priority.indicator.id));
    if (losing.length && !input.discardScores) {
      throw conflict("priorities_have_scores", [{ path: "discardScores", code: "priorities_have_scores" }], {
        codes: losing.map((priority) => priority.indicator.code).join(", "),
      });
    }
    await store.replacePriorities(tx, id, input.indicatorIds);
    if (self) await followOnSelf(ctx, tx, self.id, cycle.communeCode, input.indicatorIds);
    return {
      changes: {
        from: before.map((priority) => priority.indicator.code),
        to: input.indicatorIds,
        scoresDiscardedFor: losing.map((priority) => priority.indicator.code),
      },
    };
  });
}

/** The self-assessment takes the community's new list (refused while it is locked). */
async function followOnSelf(ctx: Ctx, tx: Db, selfId: string, communeCode: string, indicatorIds: string[]) {
  const self = await repo.lock(tx, selfId);
  assertEditable(self, "self_scorecard_locked");
  await rollups.tracked(tx, SCORECARD_FACT, selfId, async () => {
    await store.replacePriorities(tx, selfId, indicatorIds);
    await repo.touch(tx, selfId, ctx.clock.now());
    await audit(tx, ctx, {
      action: "scorecard.priorities_set",
      entityType: "scorecard",
      entityId: selfId,
      placeCode: communeCode,
      changes: { kind: "self", to: indicatorIds, followingCommunity: true },
    });
  });
}
