import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { auditEvents, indicators } from "../../db/schema";
import { createTestApp, type TestApp } from "../../test/harness";
import { cycleFor, meetingCard, ok, type People, people, scoreAll } from "./scorecards.fixtures";
import * as scorecards from "./scorecards.service";

let t: TestApp;
let who: People;
beforeAll(async () => {
  t = await createTestApp();
  who = await people(t);
});
afterAll(() => t.close());

const SIX = [
  { sex: "female", age: 16, ethnicMinority: true },
  { sex: "female", age: 25 },
  { sex: "female", age: 40, disability: true },
  { sex: "female", age: 70, idPoor: true },
  { sex: "female", age: 12 },
  { sex: "male", age: 45 },
] as const;

describe("the score-card meeting", () => {
  it("records participants, issues, priorities and scores, and computes exact medians by hand", async () => {
    const { cycleId, facilityId, indicators: list } = await cycleFor(t, who.facilitator);
    const [a, b] = [list[0]!.id, list[1]!.id];
    const card = await meetingCard(who.facilitator, cycleId, [...SIX], [a, b]);
    expect(card).toMatchObject({
      kind: "community",
      mode: "individual",
      status: "draft",
      participantCount: 6,
    });
    expect((card.participants as { number: number }[]).map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(
      (card.priorities as { indicator: { id: string }; rank: number }[]).map((p) => [p.indicator.id, p.rank]),
    ).toEqual([
      [a, 1],
      [b, 2],
    ]);
    await scoreAll(who.facilitator, card.id, { [a]: [1, 2, 3, 4, 5, 5], [b]: [2, 2, 2, 4, 4, null] });

    const results = ok(await who.viewer.get(`/api/v1/scorecards/${card.id}/results`));
    const [first, second] = results.indicators as {
      indicator: { id: string };
      result: Record<string, unknown>;
    }[];
    expect(first!.indicator.id).toBe(a);
    // 1 2 3 4 5 5: the two middle scores are 3 and 4, the median is 3.5 exactly (not rounded to 4).
    expect(first!.result).toMatchObject({ n: 6, median: 3.5, distribution: [1, 1, 1, 1, 2] });
    expect(first!.result.mean).toBeCloseTo(20 / 6, 10);
    const groups = first!.result.groups as Record<string, Record<string, unknown>>;
    // Five women, but only one man outside the group: his score would be the card's minus theirs.
    expect(groups.women).toEqual({ n: 5, tooSmall: true, median: null, mean: null, distribution: null });
    expect(groups.youth).toEqual({ n: 2, tooSmall: true, median: null, mean: null, distribution: null });
    expect(groups.children).toMatchObject({ n: 2, tooSmall: true, median: null });
    expect(groups.ethnic_minority).toMatchObject({ n: 1, tooSmall: true });
    expect(groups.disability).toMatchObject({ n: 1, tooSmall: true });
    expect(groups.id_poor).toMatchObject({ n: 1, tooSmall: true });
    // 2 2 2 4 4: median 2, mean 2.8; participant 6 did not score it.
    expect(second!.result).toMatchObject({ n: 5, median: 2, mean: 2.8, distribution: [0, 3, 0, 2, 0] });

    const detail = ok(await who.facilitator.get(`/api/v1/scorecards/${card.id}`));
    expect(detail.missing).toEqual([]);
    expect(detail.can).toMatchObject({ edit: true, submit: true, review: false });
    expect(detail.cycle).toMatchObject({ id: cycleId, facility: { id: facilityId } });

    expect(await scorecards.prioritisedIndicatorIds(t.db, cycleId)).toEqual([a, b]);
    // Only approved cards are public.
    expect(await scorecards.approvedResultsOfFacility(t.db, facilityId)).toEqual([]);
  });

  it("records issues in the participants' own words as proposed indicators, linked to who raised them", async () => {
    const { cycleId, indicators: list } = await cycleFor(t, who.facilitator);
    const card = await meetingCard(who.facilitator, cycleId, [...SIX], [list[0]!.id]);
    const raised = ok(
      await who.facilitator.post(`/api/v1/scorecards/${card.id}/issues`, {
        ownWords: { nameKm: "បង្គន់អនាម័យមិនស្អាត" },
        participantNumbers: [2, 3],
      }),
      201,
    );
    const issues = raised.issues as {
      indicator: { id: string; code: string; status: string };
      participantNumber: number;
    }[];
    const own = issues.filter((issue) => issue.indicator.status === "proposed");
    expect(own.map((issue) => issue.participantNumber)).toEqual([2, 3]);
    expect(own[0]!.indicator.code).toMatch(/^PS-M-\d+$/);
    const [row] = await t.db.select().from(indicators).where(eq(indicators.id, own[0]!.indicator.id));
    expect(row).toMatchObject({ status: "proposed", source: "meeting", nameKm: "បង្គន់អនាម័យមិនស្អាត" });
    // Another participant raises the same words by choosing the proposed indicator; it can be prioritised.
    const again = ok(
      await who.facilitator.post(`/api/v1/scorecards/${card.id}/issues`, {
        indicatorId: own[0]!.indicator.id,
        participantNumbers: [4],
      }),
      201,
    );
    const chosen = ok(
      await who.facilitator.put(`/api/v1/scorecards/${card.id}/priorities`, {
        indicatorIds: [own[0]!.indicator.id, list[0]!.id],
        version: again.version,
      }),
    );
    expect((chosen.priorities as { rank: number }[]).length).toBe(2);
    const notes = ok(
      await who.facilitator.put(`/api/v1/scorecards/${card.id}/priorities/${own[0]!.indicator.id}/notes`, {
        strengths: "មានទឹកស្អាត",
        weaknesses: "បង្គន់ខូច",
        suggestedActions: "ជួសជុលបង្គន់",
        version: chosen.version,
      }),
    );
    expect((notes.priorities as { weaknesses: string }[])[0]!.weaknesses).toBe("បង្គន់ខូច");

    // Removing a participant removes their scores and the issues they raised.
    await scoreAll(who.facilitator, card.id, { [list[0]!.id]: [3, 3, 3] });
    const removed = ok(await who.facilitator.post(`/api/v1/scorecards/${card.id}/participants/2/remove`));
    expect((removed.participants as unknown[]).length).toBe(5);
    expect((removed.scores as { participantNumber: number }[]).map((s) => s.participantNumber)).toEqual([
      1, 3,
    ]);
    expect((removed.issues as { participantNumber: number }[]).some((i) => i.participantNumber === 2)).toBe(
      false,
    );
    const events = await t.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.entityId, card.id), eq(auditEvents.action, "scorecard.participant_removed")));
    expect(events).toHaveLength(1);
  });

  it("keeps tallies in tally mode and computes results without groups", async () => {
    const { cycleId, indicators: list } = await cycleFor(t, who.facilitator);
    const a = list[0]!.id;
    let card = ok(
      await who.facilitator.post(`/api/v1/cycles/${cycleId}/scorecards`, {
        kind: "community",
        mode: "tally",
      }),
      201,
    );
    card = ok(
      await who.facilitator.put(`/api/v1/scorecards/${card.id}/tallies`, {
        rows: [
          { sex: "female", ageBand: "18_30", count: 20, disability: 2, ethnicMinority: 3, idPoor: 5 },
          { sex: "male", ageBand: "31_59", count: 14 },
        ],
        version: card.version,
      }),
    );
    expect(card.participantCount).toBe(34);
    card = ok(
      await who.facilitator.post(`/api/v1/scorecards/${card.id}/issues`, { indicatorId: a, count: 12 }),
      201,
    );
    card = ok(
      await who.facilitator.put(`/api/v1/scorecards/${card.id}/priorities`, {
        indicatorIds: [a],
        version: card.version,
      }),
    );
    card = ok(
      await who.facilitator.put(`/api/v1/scorecards/${card.id}/score-tallies/${a}`, {
        counts: [2, 4, 6, 8, 0],
        version: card.version,
      }),
    );
    const results = ok(await who.facilitator.get(`/api/v1/scorecards/${card.id}/results`));
    // 20 scores: the 10th and 11th are both 3.
    expect((results.indicators as { result: unknown }[])[0]!.result).toEqual({
      n: 20,
      median: 3,
      mean: (2 + 8 + 18 + 32) / 20,
      distribution: [2, 4, 6, 8, 0],
      groups: null,
    });
  });

  it("pairs the self-assessment with the community card: same priorities, gap per indicator", async () => {
    const { cycleId, facilityId, indicators: list } = await cycleFor(t, who.facilitator, { year: 2025 });
    const [a, b] = [list[0]!.id, list[1]!.id];
    // The provider cannot start before the community has chosen its priorities.
    expect(
      (await who.provider.post(`/api/v1/cycles/${cycleId}/scorecards`, { kind: "self" })).statusCode,
    ).toBe(409);
    const community = await meetingCard(who.facilitator, cycleId, [...SIX], [a, b]);
    await scoreAll(who.facilitator, community.id, { [a]: [1, 2, 3, 4, 5, 5], [b]: [2, 2, 2, 4, 4, null] });
    // The facilitator may not create it for a second time, nor a viewer at all.
    expect((await who.viewer.post(`/api/v1/cycles/${cycleId}/scorecards`, { kind: "self" })).statusCode).toBe(
      403,
    );
    let self = ok(await who.provider.post(`/api/v1/cycles/${cycleId}/scorecards`, { kind: "self" }), 201);
    expect((self.priorities as { indicator: { id: string } }[]).map((p) => p.indicator.id)).toEqual([a, b]);
    expect(
      (await who.provider.post(`/api/v1/cycles/${cycleId}/scorecards`, { kind: "self" })).statusCode,
    ).toBe(409);
    const fixed = await who.provider.put(`/api/v1/scorecards/${self.id}/priorities`, {
      indicatorIds: [b],
      version: self.version,
    });
    expect(fixed.statusCode).toBe(409);
    expect(fixed.json().code).toBe("self_priorities_fixed");
    expect(
      (
        await who.provider.post(`/api/v1/scorecards/${self.id}/issues`, {
          indicatorId: a,
          participantNumbers: [1],
        })
      ).statusCode,
    ).toBe(409);
    self = ok(
      await who.provider.put(`/api/v1/scorecards/${self.id}`, {
        heldOn: "2026-01-22",
        mode: "individual",
        version: self.version,
      }),
    );
    self = ok(
      await who.provider.post(`/api/v1/scorecards/${self.id}/participants`, {
        participants: [
          { sex: "male", age: 50 },
          { sex: "female", age: 33 },
        ],
      }),
      201,
    );
    await scoreAll(who.provider, self.id, { [a]: [5, 4], [b]: [4, 4] });

    // The community reorders its priorities: the self-assessment follows.
    const reordered = ok(await who.facilitator.get(`/api/v1/scorecards/${community.id}`));
    ok(
      await who.facilitator.put(`/api/v1/scorecards/${community.id}/priorities`, {
        indicatorIds: [b, a],
        version: reordered.version,
      }),
    );
    const selfNow = ok(await who.provider.get(`/api/v1/scorecards/${self.id}`));
    expect((selfNow.priorities as { indicator: { id: string } }[]).map((p) => p.indicator.id)).toEqual([
      b,
      a,
    ]);

    const listed = ok(await who.viewer.get(`/api/v1/cycles/${cycleId}/scorecards`));
    expect(listed).toMatchObject({
      community: { id: community.id },
      self: { id: self.id, participantCount: 2 },
    });
    const comparison = ok(await who.viewer.get(`/api/v1/cycles/${cycleId}/scorecards/comparison`));
    const rows = comparison.indicators as {
      indicator: { id: string };
      medianGap: number;
      community: { median: number };
    }[];
    expect(rows.map((row) => [row.indicator.id, row.community.median, row.medianGap])).toEqual([
      [b, 2, 2], // self 4 vs community 2
      [a, 3.5, 1], // self (4+5)/2 = 4.5 vs 3.5
    ]);

    // Approved, the results become public for the facility.
    for (const [card, caller] of [
      [community.id, who.facilitator],
      [self.id, who.provider],
    ] as const) {
      const current = ok(await caller.get(`/api/v1/scorecards/${card}`));
      const submitted = ok(
        await caller.post(`/api/v1/scorecards/${card}/submit`, { version: current.version }),
      );
      ok(await who.reviewer.post(`/api/v1/scorecards/${card}/approve`, { version: submitted.version }));
    }
    const published = await scorecards.approvedResultsOfFacility(t.db, facilityId);
    expect(published.map((entry) => [entry.year, entry.kind])).toEqual([
      [2025, "community"],
      [2025, "self"],
    ]);
    expect(published[0]!.indicators.map((entry) => [entry.code, entry.rank, entry.result.median])).toEqual([
      [list[1]!.code, 1, 2],
      [list[0]!.code, 2, 3.5],
    ]);
    expect(await scorecards.communeHasMinorityParticipants(t.db, "150101", 2025)).toBe(true);
    expect(await scorecards.communeHasMinorityParticipants(t.db, "150101", 2024)).toBe(false);
  });
});
