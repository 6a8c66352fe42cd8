import type { Db } from "../../db/database";
import type { Ctx } from "../../platform/context";
import { AppError, badRequest, conflict, type FieldError } from "../../platform/errors";
import { assertMode, type Edit, editCard, singleEdit } from "./scorecards.edit";
import * as repo from "./scorecards.repo";
import { FIELD } from "./scorecards.stamps";
import * as store from "./scorecards.store";

/** Scores: each participant's faces for the prioritised indicators, or counts per face in tally mode. */

type ScoreInput = { indicatorId: string; score: number };
type ParticipantScores = { participantNumber: number; scores: ScoreInput[] };

/** The refusal of these field errors (a 400, or a 409 named after the first), or null when there are none. */
function refusal(errors: FieldError[], status: 400 | 409 = 400): AppError | null {
  if (errors.length === 0) return null;
  if (status === 409) return conflict(errors[0]!.code, errors, errors[0]!.params);
  return badRequest("validation_failed", errors);
}

function throwIfRefused(error: AppError | null): void {
  if (error) throw error;
}

/** What scores are checked against: the card's participants, its priorities and the scores given. */
interface ScoreState {
  participants: Set<number>;
  prioritised: Set<string>;
  /** `${participantNumber}|${indicatorId}` of every score on the card. */
  given: Set<string>;
}

/** Read once per change, so that a run of addScores checks each entry without reading the card again. */
async function scoreState(tx: Db, id: string): Promise<ScoreState> {
  const participants = await repo.participants(tx, id);
  const priorities = await repo.priorities(tx, id);
  const scores = await repo.scores(tx, id);
  return {
    participants: new Set(participants.map((p) => p.number)),
    prioritised: new Set(priorities.map((p) => p.indicatorId)),
    given: new Set(scores.map((s) => `${s.participantNumber}|${s.indicatorId}`)),
  };
}

/** Why a participant's scores cannot be taken: an unknown participant, an indicator not prioritised or twice. */
function badScores(state: ScoreState, participantNumber: number, scores: ScoreInput[]): AppError | null {
  if (!state.participants.has(participantNumber)) {
    return refusal([
      { path: "participantNumber", code: "participant_unknown", params: { number: participantNumber } },
    ]);
  }
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  scores.forEach((entry, index) => {
    if (!state.prioritised.has(entry.indicatorId)) {
      errors.push({ path: `scores.${index}.indicatorId`, code: "indicator_not_prioritised" });
    } else if (seen.has(entry.indicatorId)) {
      errors.push({ path: `scores.${index}.indicatorId`, code: "indicator_repeated" });
    }
    seen.add(entry.indicatorId);
  });
  return refusal(errors);
}

/** Why new scores cannot be added: badScores, or an indicator the participant already scored (409). */
function refusalOfNewScores(state: ScoreState, input: ParticipantScores): AppError | null {
  return (
    badScores(state, input.participantNumber, input.scores) ??
    refusal(
      input.scores
        .map((entry, index) => ({ entry, index }))
        .filter(({ entry }) => state.given.has(`${input.participantNumber}|${entry.indicatorId}`))
        .map(({ index }) => ({
          path: `scores.${index}.indicatorId`,
          code: "score_already_given",
          params: { number: input.participantNumber },
        })),
      409,
    )
  );
}

const rowsOf = ({ participantNumber, scores }: ParticipantScores) =>
  scores.map((entry) => ({ participantNumber, ...entry }));

/** One participant's scores; an indicator they already scored is refused (correct it with replaceScores). */
export function addScores(ctx: Ctx, id: string, input: ParticipantScores) {
  return editCard(ctx, id, addScoresEdit(id, [input]));
}

/**
 * The change behind addScores, for one participant or for several in a row (the field app pushes a
 * meeting's scores together, scorecards.sync.ts): each entry checked as addScores checks it, against
 * the card as the entries before it left it, and each accepted entry its own version step and audit
 * event; but one read of the card and one insert for them all. A refused entry is left out.
 */
export function addScoresEdit(id: string, inputs: ParticipantScores[]): Edit {
  return {
    options: { action: "scores_added" },
    count: inputs.length,
    change: async (tx, card) => {
      assertMode(card, "individual");
      const state = await scoreState(tx, id);
      const steps = inputs.map((input) => {
        const refused = refusalOfNewScores(state, input);
        if (refused) return refused;
        for (const entry of input.scores) state.given.add(`${input.participantNumber}|${entry.indicatorId}`);
        return { changes: { participantNumber: input.participantNumber, scores: input.scores } };
      });
      const accepted = inputs.filter((_, index) => !(steps[index] instanceof AppError));
      await store.insertScores(tx, id, accepted.flatMap(rowsOf));
      return steps;
    },
  };
}

/** Corrects one participant's scores: the given list replaces what they gave. */
export function replaceScores(
  ctx: Ctx,
  id: string,
  participantNumber: number,
  scores: { indicatorId: string; score: number }[],
  version: number,
) {
  return editCard(ctx, id, replaceScoresEdit(id, participantNumber, scores, version));
}

/** The change behind replaceScores; the field app's push applies it too (scorecards.sync.ts). */
export function replaceScoresEdit(
  id: string,
  participantNumber: number,
  scores: { indicatorId: string; score: number }[],
  version: number,
): Edit {
  const fields = [FIELD.scores(participantNumber)];
  return singleEdit({ action: "scores_corrected", version, fields }, async (tx, card) => {
    assertMode(card, "individual");
    throwIfRefused(badScores(await scoreState(tx, id), participantNumber, scores));
    const before = await store.deleteScoresOf(tx, id, participantNumber);
    await store.insertScores(tx, id, rowsOf({ participantNumber, scores }));
    return {
      changes: {
        participantNumber,
        from: before.map((s) => ({ indicatorId: s.indicatorId, score: s.score })),
        to: scores,
      },
    };
  });
}

/**
 * Tally mode: how many gave each face to one prioritised indicator; never more scores than
 * participants counted.
 */
export function setScoreTally(ctx: Ctx, id: string, indicatorId: string, counts: number[], version: number) {
  return editCard(ctx, id, setScoreTallyEdit(id, indicatorId, counts, version));
}

/** The change behind setScoreTally; the field app's push applies it too (scorecards.sync.ts). */
export function setScoreTallyEdit(id: string, indicatorId: string, counts: number[], version: number): Edit {
  const fields = [FIELD.scoreTally(indicatorId)];
  return singleEdit({ action: "score_tally_set", version, fields }, async (tx, card) => {
    assertMode(card, "tally");
    if (!(await repo.priorities(tx, id)).some((p) => p.indicatorId === indicatorId)) {
      throw new AppError(400, "validation_failed", {}, [
        { path: "indicatorId", code: "indicator_not_prioritised" },
      ]);
    }
    const total = counts.reduce((sum, n) => sum + n, 0);
    const participants = (await repo.tallies(tx, id)).reduce((sum, row) => sum + row.count, 0);
    if (total > participants) {
      throw badRequest("validation_failed", [
        { path: "counts", code: "score_tally_exceeds_participants", params: { total, participants } },
      ]);
    }
    await store.replaceScoreTally(tx, id, indicatorId, counts);
    return { changes: { indicatorId, counts } };
  });
}
