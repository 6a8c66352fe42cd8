import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { cycleFor, meetingCard, ok, type People, people, scoreAll } from "./scorecards.fixtures";

/**
 * Who each participant is (sex, age, disability, minority, ID-Poor) and what each one scored go only
 * to those who record or review the card; anyone else who reads the cycle gets the meeting, the
 * priorities and the results, which withhold small groups.
 */
let t: TestApp;
let who: People;
let cycleId: string;
let community: { id: string; version: number };
let a: string;
let b: string;

type Card = Record<string, unknown> & {
  participants: unknown[] | null;
  tallies: unknown[] | null;
  scores: unknown[] | null;
  issues: { participantNumber: number | null }[];
  priorities: { indicator: { id: string }; scoredBy: number }[];
};

beforeAll(async () => {
  t = await createTestApp();
  who = await people(t);
  const fixture = await cycleFor(t, who.facilitator);
  cycleId = fixture.cycleId;
  [a, b] = fixture.indicators.map((indicator) => indicator.id) as [string, string];
  community = await meetingCard(
    who.facilitator,
    cycleId,
    [
      { sex: "female", age: 30, disability: true, idPoor: true },
      { sex: "male", age: 41, ethnicMinority: true },
      { sex: "female", age: 17 },
    ],
    [a, b],
  );
  await scoreAll(who.facilitator, community.id, { [a]: [1, 4, 5], [b]: [2, 2, null] });
});
afterAll(() => t.close());

const read = async (caller: People[keyof People], id: string) =>
  ok(await caller.get(`/api/v1/scorecards/${id}`)) as unknown as Card;

function expectWithheld(card: Card) {
  expect(card.participants).toBeNull();
  expect(card.tallies).toBeNull();
  expect(card.scores).toBeNull();
  expect(card.issues.every((issue) => issue.participantNumber === null)).toBe(true);
  // The meeting's details, the priorities and the totals remain.
  expect(card).toMatchObject({ heldOn: "2026-01-20", participantCount: 3 });
  expect(card.priorities.map((p) => [p.indicator.id, p.scoredBy])).toEqual([
    [a, 3],
    [b, 2],
  ]);
  expect(JSON.stringify(card)).not.toMatch(/"(age|disability|ethnicMinority|idPoor)"/);
}

describe("who sees the participants of a score card", () => {
  it("withholds participants and their scores from a viewer and from the provider being scored", async () => {
    for (const reader of [who.viewer, who.provider]) {
      const card = await read(reader, community.id);
      expectWithheld(card);
      expect(card.can).toMatchObject({ edit: false, review: false });
      // The results are theirs to read.
      const results = ok(await reader.get(`/api/v1/scorecards/${community.id}/results`));
      expect((results.indicators as { result: { n: number } }[]).map((entry) => entry.result.n)).toEqual([
        3, 2,
      ]);
    }
  });

  it("shows them to the facilitator who records the card and the staff who review it", async () => {
    for (const recorder of [who.facilitator, who.reviewer]) {
      const card = await read(recorder, community.id);
      expect(card.participants).toHaveLength(3);
      expect(card.participants![0]).toMatchObject({
        number: 1,
        sex: "female",
        disability: true,
        idPoor: true,
      });
      expect(card.scores).toHaveLength(5);
      expect(card.issues.every((issue) => issue.participantNumber === 1)).toBe(true);
    }
  });

  it("shows the self-assessment's participants to the provider who records it, not to a viewer", async () => {
    let self = ok(await who.provider.post(`/api/v1/cycles/${cycleId}/scorecards`, { kind: "self" }), 201);
    self = ok(
      await who.provider.post(`/api/v1/scorecards/${self.id}/participants`, {
        participants: [{ sex: "male", age: 50 }],
      }),
      201,
    );
    expect((await read(who.provider, self.id)).participants).toHaveLength(1);
    const seen = await read(who.viewer, self.id);
    expect(seen.participants).toBeNull();
    expect(seen.scores).toBeNull();
  });

  it("withholds a tally card's profile counts from a viewer", async () => {
    const other = await cycleFor(t, who.facilitator);
    let card = ok(
      await who.facilitator.post(`/api/v1/cycles/${other.cycleId}/scorecards`, {
        kind: "community",
        mode: "tally",
      }),
      201,
    );
    card = ok(
      await who.facilitator.put(`/api/v1/scorecards/${card.id}/tallies`, {
        rows: [{ sex: "female", ageBand: "18_30", count: 6, disability: 1, idPoor: 2 }],
        version: card.version,
      }),
    );
    expect((await read(who.facilitator, card.id)).tallies).toHaveLength(1);
    const seen = await read(who.viewer, card.id);
    expect(seen.tallies).toBeNull();
    expect(seen.participantCount).toBe(6);
  });
});
