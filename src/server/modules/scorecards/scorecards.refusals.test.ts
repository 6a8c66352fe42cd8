import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { cycleFor, meetingCard, ok, type People, people, refusals, scoreAll } from "./scorecards.fixtures";

/** Issue 3, part 13: every bad input refused with a clear message, nothing partially saved. */
let t: TestApp;
let who: People;
let card: { id: string; version: number };
let a: string;
let b: string;
let notChosen: string;
let cycleId: string;

beforeAll(async () => {
  t = await createTestApp();
  who = await people(t);
  const fixture = await cycleFor(t, who.facilitator);
  cycleId = fixture.cycleId;
  [a, b, notChosen] = fixture.indicators.map((indicator) => indicator.id) as [string, string, string];
  card = await meetingCard(
    who.facilitator,
    cycleId,
    [
      { sex: "female", age: 30 },
      { sex: "male", age: 41 },
    ],
    [a, b],
  );
  await scoreAll(who.facilitator, card.id, { [a]: [4, null] });
});
afterAll(() => t.close());
const versionOf = async (id: string): Promise<number> =>
  ok(await who.facilitator.get(`/api/v1/scorecards/${id}`)).version;
const refused = (...args: Parameters<ReturnType<typeof refusals>>) => refusals(t)(...args);

const scores = (participantNumber: number, entries: [string, number][]) => ({
  participantNumber,
  scores: entries.map(([indicatorId, score]) => ({ indicatorId, score })),
});

describe("refusals, nothing partially saved", () => {
  it("refuses a score outside 1–5, even beside a good one", async () => {
    await refused(
      () =>
        who.facilitator.post(
          `/api/v1/scorecards/${card.id}/scores`,
          scores(2, [
            [a, 3],
            [b, 6],
          ]),
        ),
      400,
      "validation_failed",
      "field_too_large",
    );
    await refused(
      () => who.facilitator.post(`/api/v1/scorecards/${card.id}/scores`, scores(2, [[a, 0]])),
      400,
      "validation_failed",
      "field_too_small",
    );
    await refused(
      () => who.facilitator.post(`/api/v1/scorecards/${card.id}/scores`, scores(2, [[a, 2.5]])),
      400,
      "validation_failed",
    );
  });

  it("refuses a participant scoring the same indicator twice, and allows the correction", async () => {
    const problem = await refused(
      () =>
        who.facilitator.post(
          `/api/v1/scorecards/${card.id}/scores`,
          scores(1, [
            [b, 3],
            [a, 5],
          ]),
        ),
      409,
      "score_already_given",
      "score_already_given",
    );
    expect(problem.detail).toBe(
      "Participant 1 has already scored this indicator. Correct their scores instead.",
    );
    await refused(
      () =>
        who.facilitator.post(
          `/api/v1/scorecards/${card.id}/scores`,
          scores(2, [
            [a, 3],
            [a, 4],
          ]),
        ),
      400,
      "validation_failed",
      "indicator_repeated",
    );
    const corrected = ok(
      await who.facilitator.put(`/api/v1/scorecards/${card.id}/participants/1/scores`, {
        scores: [
          { indicatorId: a, score: 2 },
          { indicatorId: b, score: 3 },
        ],
        version: await versionOf(card.id),
      }),
    );
    expect((corrected.scores as { score: number }[]).map((s) => s.score)).toEqual([2, 3]);
    card = corrected;
  });

  it("refuses votes for an indicator not prioritised and for an unknown participant", async () => {
    const version = await versionOf(card.id);
    await refused(
      () =>
        who.facilitator.post(
          `/api/v1/scorecards/${card.id}/scores`,
          scores(2, [
            [a, 3],
            [notChosen, 4],
          ]),
        ),
      400,
      "validation_failed",
      "indicator_not_prioritised",
    );
    await refused(
      () => who.facilitator.post(`/api/v1/scorecards/${card.id}/scores`, scores(9, [[a, 3]])),
      400,
      "validation_failed",
      "participant_unknown",
    );
    await refused(
      () =>
        who.facilitator.put(`/api/v1/scorecards/${card.id}/participants/9/scores`, {
          scores: [{ indicatorId: a, score: 3 }],
          version,
        }),
      400,
      "validation_failed",
      "participant_unknown",
    );
    await refused(
      () =>
        who.facilitator.put(`/api/v1/scorecards/${card.id}/score-tallies/${a}`, {
          counts: [1, 1, 1, 1, 1],
          version,
        }),
      409,
      "scorecard_mode_mismatch",
    );
  });

  it("refuses bad participants, issues and tallies", async () => {
    await refused(
      () =>
        who.facilitator.post(`/api/v1/scorecards/${card.id}/participants`, {
          participants: [
            { sex: "female", age: 30 },
            { sex: "female", age: 4 },
          ],
        }),
      400,
      "validation_failed",
      "field_too_small",
    );
    await refused(
      () =>
        who.facilitator.post(`/api/v1/scorecards/${card.id}/participants`, {
          participants: [{ sex: "other", age: 30 }],
        }),
      400,
      "validation_failed",
      "field_unknown_value",
    );
    await refused(
      () =>
        who.facilitator.post(`/api/v1/scorecards/${card.id}/issues`, {
          indicatorId: notChosen,
          participantNumbers: [1, 7],
        }),
      400,
      "validation_failed",
      "participant_unknown",
    );
    await refused(
      () => who.facilitator.post(`/api/v1/scorecards/${card.id}/issues`, { indicatorId: notChosen }),
      400,
      "validation_failed",
      "raised_by_required",
    );
    await refused(
      () => who.facilitator.post(`/api/v1/scorecards/${card.id}/issues`, { participantNumbers: [1] }),
      400,
      "validation_failed",
      "indicator_or_words_required",
    );
    await refused(
      () =>
        who.facilitator.post(`/api/v1/scorecards/${card.id}/issues`, {
          indicatorId: a,
          participantNumbers: [2, 1],
        }),
      409,
      "issue_already_raised",
    );
    const otherSector = "00000000-0000-7000-8000-000000000000";
    await refused(
      () =>
        who.facilitator.post(`/api/v1/scorecards/${card.id}/issues`, {
          indicatorId: otherSector,
          participantNumbers: [1],
        }),
      400,
      "validation_failed",
      "indicator_not_in_catalogue",
    );
    const version = await versionOf(card.id);
    await refused(
      () =>
        who.facilitator.put(`/api/v1/scorecards/${card.id}/tallies`, {
          rows: [{ sex: "female", ageBand: "18_30", count: 3 }],
          version,
        }),
      409,
      "scorecard_mode_mismatch",
    );
    const tally = ok(await who.facilitator.get(`/api/v1/cycles/${cycleId}/scorecards`));
    expect(tally.community).toBeTruthy();
    await refused(
      () => who.facilitator.post(`/api/v1/cycles/${cycleId}/scorecards`, { kind: "community" }),
      409,
      "scorecard_exists",
    );
  });

  it("asks before discarding scores when a scored priority is taken off, and refuses stale versions", async () => {
    const current = ok(await who.facilitator.get(`/api/v1/scorecards/${card.id}`));
    await refused(
      () =>
        who.facilitator.put(`/api/v1/scorecards/${card.id}/priorities`, {
          indicatorIds: [b],
          version: current.version,
        }),
      409,
      "priorities_have_scores",
    );
    await refused(
      () =>
        who.facilitator.put(`/api/v1/scorecards/${card.id}/priorities`, {
          indicatorIds: [a, notChosen],
          version: current.version,
        }),
      400,
      "validation_failed",
      "indicator_not_raised",
    );
    await refused(
      () =>
        who.facilitator.put(`/api/v1/scorecards/${card.id}/priorities`, {
          indicatorIds: [a, b],
          version: current.version - 1,
        }),
      409,
      "version_conflict",
    );
    await refused(
      () =>
        who.facilitator.put(`/api/v1/scorecards/${card.id}`, {
          heldOn: "2026-01-20",
          mode: "tally",
          version: current.version,
        }),
      409,
      "mode_locked",
    );
    await refused(
      () =>
        who.facilitator.put(`/api/v1/scorecards/${card.id}`, {
          heldOn: "2999-01-01",
          mode: "individual",
          version: current.version,
        }),
      400,
      "validation_failed",
      "held_on_future",
    );
    await refused(
      () =>
        who.facilitator.put(`/api/v1/scorecards/${card.id}`, {
          heldOn: "2026-01-20",
          villageCode: "02010101",
          mode: "individual",
          version: current.version,
        }),
      400,
      "validation_failed",
      "village_not_in_commune",
    );
    const removedIssue = (current.issues as { id: string; indicator: { id: string } }[]).find(
      (issue) => issue.indicator.id === a,
    )!;
    await refused(
      () => who.facilitator.post(`/api/v1/scorecards/${card.id}/issues/${removedIssue.id}/remove`),
      409,
      "issue_is_prioritised",
    );
  });
});
