import type { Db } from "../../db/database";
import type { Ctx } from "../../platform/context";
import { AppError, badRequest, conflict, type FieldError } from "../../platform/errors";
import { assertMode, editCard } from "./scorecards.edit";
import { presentCard } from "./scorecards.presenter";
import * as repo from "./scorecards.repo";
import * as store from "./scorecards.store";

/** Scores: each participant's faces for the prioritised indicators, or counts per face in tally mode. */

function refuse(errors: FieldError[], status: 400 | 409 = 400): void {
  if (errors.length === 0) return;
  if (status === 409) throw conflict(errors[0]!.code, errors, errors[0]!.params);
  throw badRequest("validation_failed", errors);
}

/** Checks a participant's scores: a known participant, prioritised indicators, each once. */
async function checkScores(
  tx: Db,
  id: string,
  participantNumber: number,
  scores: { indicatorId: string; score: number }[],
) {
  if (!(await repo.participants(tx, id)).some((p) => p.number === participantNumber)) {
    refuse([
      { path: "participantNumber", code: "participant_unknown", params: { number: participantNumber } },
    ]);
  }
  const prioritised = new Set((await repo.priorities(tx, id)).map((p) => p.indicator.id));
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  scores.forEach((entry, index) => {
    if (!prioritised.has(entry.indicatorId)) {
      errors.push({ path: `scores.${index}.indicatorId`, code: "indicator_not_prioritised" });
    } else if (seen.has(entry.indicatorId)) {
      errors.push({ path: `scores.${index}.indicatorId`, code: "indicator_repeated" });
    }
    seen.add(entry.indicatorId);
  });
  refuse(errors);
}

/** One participant's scores; an indicator they already scored is refused (correct it with replaceScores). */
export async function addScores(
  ctx: Ctx,
  id: string,
  input: { participantNumber: number; scores: { indicatorId: string; score: number }[] },
) {
  const found = await editCard(ctx, id, { action: "scores_added" }, async (tx, card) => {
    assertMode(card, "individual");
    await checkScores(tx, id, input.participantNumber, input.scores);
    const given = new Set(
      (await repo.scores(tx, id))
        .filter((s) => s.participantNumber === input.participantNumber)
        .map((s) => s.indicatorId),
    );
    refuse(
      input.scores
        .map((entry, index) => ({ entry, index }))
        .filter(({ entry }) => given.has(entry.indicatorId))
        .map(({ index }) => ({
          path: `scores.${index}.indicatorId`,
          code: "score_already_given",
          params: { number: input.participantNumber },
        })),
      409,
    );
    await store.insertScores(tx, id, input.participantNumber, input.scores);
    return { changes: { participantNumber: input.participantNumber, scores: input.scores } };
  });
  return presentCard(ctx, found);
}

/** Corrects one participant's scores: the given list replaces what they gave. */
export async function replaceScores(
  ctx: Ctx,
  id: string,
  participantNumber: number,
  scores: { indicatorId: string; score: number }[],
  version: number,
) {
  const found = await editCard(ctx, id, { action: "scores_corrected", version }, async (tx, card) => {
    assertMode(card, "individual");
    await checkScores(tx, id, participantNumber, scores);
    const before = await store.deleteScoresOf(tx, id, participantNumber);
    await store.insertScores(tx, id, participantNumber, scores);
    return {
      changes: {
        participantNumber,
        from: before.map((s) => ({ indicatorId: s.indicatorId, score: s.score })),
        to: scores,
      },
    };
  });
  return presentCard(ctx, found);
}

/**
 * Tally mode: how many gave each face to one prioritised indicator; never more scores than
 * participants counted.
 */
export async function setScoreTally(
  ctx: Ctx,
  id: string,
  indicatorId: string,
  counts: number[],
  version: number,
) {
  const found = await editCard(ctx, id, { action: "score_tally_set", version }, async (tx, card) => {
    assertMode(card, "tally");
    if (!(await repo.priorities(tx, id)).some((p) => p.indicator.id === indicatorId)) {
      throw new AppError(400, "validation_failed", {}, [
        { path: "indicatorId", code: "indicator_not_prioritised" },
      ]);
    }
    const total = counts.reduce((sum, n) => sum + n, 0);
    const participants = (await repo.tallies(tx, id)).reduce((sum, row) => sum + row.count, 0);
    if (total > participants) {
      refuse([{ path: "counts", code: "score_tally_exceeds_participants", params: { total, participants } }]);
    }
    await store.replaceScoreTally(tx, id, indicatorId, counts);
    return { changes: { indicatorId, counts } };
  });
  return presentCard(ctx, found);
}
