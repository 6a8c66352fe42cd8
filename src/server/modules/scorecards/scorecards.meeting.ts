import type { ParticipantInput } from "../../../contracts/scorecards";
import type { Db } from "../../db/database";
import { diff } from "../../platform/audit";
import type { Ctx } from "../../platform/context";
import { badRequest, conflict, type FieldError, notFound } from "../../platform/errors";
import { proposeIndicator } from "../isaf/catalogue.service";
import { assertMode, editCard } from "./scorecards.edit";
import { presentCard } from "./scorecards.presenter";
import * as repo from "./scorecards.repo";
import * as store from "./scorecards.store";

/** The meeting's records: participants or tallies, issues raised, notes per indicator, scores. */

function refuse(errors: FieldError[], status: 400 | 409 = 400): void {
  if (errors.length === 0) return;
  if (status === 409) throw conflict(errors[0]!.code, errors, errors[0]!.params);
  throw badRequest("validation_failed", errors);
}

async function participantNumbers(tx: Db, id: string): Promise<Set<number>> {
  return new Set((await repo.participants(tx, id)).map((p) => p.number));
}

/**
 * Adds participants, numbered after the last one. A device that numbered them itself while offline
 * says which number it gave the first (`firstNumber`): if someone else added participants meanwhile,
 * the numbers would not match its scores, so the change is refused as a conflict.
 */
export async function addParticipants(
  ctx: Ctx,
  id: string,
  people: ParticipantInput[],
  firstNumber?: number,
) {
  const found = await editCard(ctx, id, { action: "participants_added" }, async (tx, card) => {
    assertMode(card, "individual");
    const numbers = await store.addParticipants(tx, id, people);
    if (firstNumber !== undefined && numbers[0] !== firstNumber)
      throw conflict("participant_number_taken", [], { number: firstNumber });
    return {
      changes: { participants: people.map((person, index) => ({ number: numbers[index], ...person })) },
    };
  });
  return presentCard(ctx, found);
}

export async function updateParticipant(
  ctx: Ctx,
  id: string,
  number: number,
  person: ParticipantInput,
  version: number,
) {
  const found = await editCard(ctx, id, { action: "participant_updated", version }, async (tx, card) => {
    assertMode(card, "individual");
    const before = (await repo.participants(tx, id)).find((p) => p.number === number);
    if (!before) throw notFound("participant");
    const after = await store.updateParticipant(tx, id, number, person);
    return {
      changes: { number, ...diff(before, after!, ["sex", "age", "disability", "ethnicMinority", "idPoor"]) },
    };
  });
  return presentCard(ctx, found);
}

/**
 * Removes a participant with their scores and the issues they raised. Refused (as removeIssue) when
 * they alone raised a prioritised indicator: it comes off the priorities first.
 */
export async function removeParticipant(ctx: Ctx, id: string, number: number) {
  const found = await editCard(ctx, id, { action: "participant_removed" }, async (tx, card) => {
    assertMode(card, "individual");
    const scores = (await repo.scores(tx, id)).filter((s) => s.participantNumber === number);
    const allIssues = await repo.issues(tx, id);
    const issues = allIssues.filter((i) => i.participantNumber === number);
    const prioritised = new Set((await repo.priorities(tx, id)).map((p) => p.indicator.id));
    const orphaned = issues.find(
      (issue) =>
        prioritised.has(issue.indicator.id) &&
        !allIssues.some(
          (other) => other.indicator.id === issue.indicator.id && other.participantNumber !== number,
        ),
    );
    if (orphaned) throw conflict("issue_is_prioritised");
    const removed = await store.removeParticipant(tx, id, number);
    if (!removed) throw notFound("participant");
    return {
      changes: {
        removed: { number, sex: removed.sex, age: removed.age },
        scoresRemoved: scores.map((s) => ({ indicatorId: s.indicatorId, score: s.score })),
        issuesRemoved: issues.map((i) => i.indicator.code),
      },
    };
  });
  return presentCard(ctx, found);
}

type TallyInput = {
  sex: "female" | "male";
  ageBand: string;
  count: number;
  disability: number;
  ethnicMinority: number;
  idPoor: number;
};

export async function setTallies(ctx: Ctx, id: string, rows: TallyInput[], version: number) {
  const found = await editCard(ctx, id, { action: "tallies_set", version }, async (tx, card) => {
    assertMode(card, "tally");
    const errors: FieldError[] = [];
    const seen = new Set<string>();
    rows.forEach((row, index) => {
      const key = `${row.sex}|${row.ageBand}`;
      if (seen.has(key)) errors.push({ path: `rows.${index}.ageBand`, code: "tally_row_repeated" });
      seen.add(key);
      for (const field of ["disability", "ethnicMinority", "idPoor"] as const) {
        if (row[field] > row.count) {
          errors.push({
            path: `rows.${index}.${field}`,
            code: "tally_profile_exceeds_count",
            params: { count: row.count },
          });
        }
      }
    });
    refuse(errors);
    const before = await repo.tallies(tx, id);
    await store.replaceTallies(tx, id, rows as Parameters<typeof store.replaceTallies>[2]);
    return {
      changes: {
        from: before.map(({ scorecardId: _, ...row }) => row),
        to: rows.filter((row) => row.count > 0),
      },
    };
  });
  return presentCard(ctx, found);
}

/** An issue raised from the catalogue or in the participants' own words, with who raised it. */
export async function raiseIssue(
  ctx: Ctx,
  id: string,
  input: {
    indicatorId?: string;
    ownWords?: { nameKm: string; nameEn?: string | null };
    participantNumbers?: number[];
    count?: number;
  },
) {
  const found = await editCard(ctx, id, { action: "issue_raised" }, async (tx, card, cycle) => {
    if (card.kind === "self") throw conflict("issues_not_for_self");
    if ((input.indicatorId === undefined) === (input.ownWords === undefined)) {
      refuse([{ path: "indicatorId", code: "indicator_or_words_required" }]);
    }
    const issues = await repo.issues(tx, id);
    const raisers: { participantNumber: number | null; count: number }[] = [];
    if (card.mode === "individual") {
      const numbers = [...new Set(input.participantNumbers ?? [])];
      if (numbers.length === 0) refuse([{ path: "participantNumbers", code: "raised_by_required" }]);
      const known = await participantNumbers(tx, id);
      refuse(
        numbers
          .map((number, index) => ({ number, index }))
          .filter(({ number }) => !known.has(number))
          .map(({ number, index }) => ({
            path: `participantNumbers.${index}`,
            code: "participant_unknown",
            params: { number },
          })),
      );
      raisers.push(...numbers.map((number) => ({ participantNumber: number, count: 1 })));
    } else {
      if (!input.count) refuse([{ path: "count", code: "raised_by_required" }]);
      raisers.push({ participantNumber: null, count: input.count! });
    }
    let indicatorId = input.indicatorId;
    let proposed: { id: string; code: string } | null = null;
    if (indicatorId) {
      const alreadyRaised = issues.some((issue) => issue.indicator.id === indicatorId);
      if (!alreadyRaised && !(await store.inCatalogue(tx, cycle.id, indicatorId))) {
        refuse([{ path: "indicatorId", code: "indicator_not_in_catalogue" }]);
      }
      const clash = issues.find(
        (issue) =>
          issue.indicator.id === indicatorId &&
          raisers.some((raiser) => raiser.participantNumber === issue.participantNumber),
      );
      if (clash) throw conflict("issue_already_raised");
    } else {
      proposed = await proposeIndicator(tx, ctx, {
        sectorCode: cycle.sectorCode,
        nameKm: input.ownWords!.nameKm,
        ...(input.ownWords!.nameEn ? { nameEn: input.ownWords!.nameEn } : {}),
      });
      indicatorId = proposed.id;
    }
    await store.addIssues(tx, id, indicatorId!, raisers);
    return { changes: { indicatorId, proposedIndicator: proposed?.code ?? null, raisers } };
  });
  return presentCard(ctx, found);
}

export async function removeIssue(ctx: Ctx, id: string, issueId: string) {
  const found = await editCard(ctx, id, { action: "issue_removed" }, async (tx, card) => {
    if (card.kind === "self") throw conflict("issues_not_for_self");
    const issues = await repo.issues(tx, id);
    const issue = issues.find((entry) => entry.id === issueId);
    if (!issue) throw notFound("issue");
    const prioritised = (await repo.priorities(tx, id)).some((p) => p.indicator.id === issue.indicator.id);
    const others = issues.filter(
      (entry) => entry.indicator.id === issue.indicator.id && entry.id !== issueId,
    );
    if (prioritised && others.length === 0) throw conflict("issue_is_prioritised");
    await store.removeIssue(tx, id, issueId);
    return {
      changes: {
        indicator: issue.indicator.code,
        participantNumber: issue.participantNumber,
        count: issue.count,
      },
    };
  });
  return presentCard(ctx, found);
}

export async function setNotes(
  ctx: Ctx,
  id: string,
  indicatorId: string,
  notes: { strengths?: string | null; weaknesses?: string | null; suggestedActions?: string | null },
  version: number,
) {
  const found = await editCard(ctx, id, { action: "notes_updated", version }, async (tx) => {
    const before = (await repo.priorities(tx, id)).find((p) => p.indicator.id === indicatorId);
    if (!before) refuse([{ path: "indicatorId", code: "indicator_not_prioritised" }]);
    const after = {
      strengths: notes.strengths ?? null,
      weaknesses: notes.weaknesses ?? null,
      suggestedActions: notes.suggestedActions ?? null,
    };
    await store.setNotes(tx, id, indicatorId, after);
    return {
      changes: {
        indicator: before!.indicator.code,
        ...diff(before!, after, ["strengths", "weaknesses", "suggestedActions"]),
      },
    };
  });
  return presentCard(ctx, found);
}
