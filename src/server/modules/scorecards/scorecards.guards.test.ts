import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { cycleFor, meetingCard, ok, type People, people, refusals, scoreAll } from "./scorecards.fixtures";

/**
 * Guards on the meeting's records: every correction names the version it was made on, tallied scores
 * never outnumber the people counted, and a participant whose issue alone holds up a priority stays.
 */
let t: TestApp;
let who: People;
let card: { id: string; version: number };
let a: string;
let b: string;

beforeAll(async () => {
  t = await createTestApp();
  who = await people(t);
  const fixture = await cycleFor(t, who.facilitator);
  [a, b] = fixture.indicators.map((indicator) => indicator.id) as [string, string];
  // Participant 1 raised a and b (meetingCard); participant 2 raises b too.
  card = await meetingCard(
    who.facilitator,
    fixture.cycleId,
    [
      { sex: "female", age: 30 },
      { sex: "male", age: 41 },
      { sex: "female", age: 52 },
    ],
    [a, b],
  );
  ok(
    await who.facilitator.post(`/api/v1/scorecards/${card.id}/issues`, {
      indicatorId: b,
      participantNumbers: [2],
    }),
    201,
  );
  card = await scoreAll(who.facilitator, card.id, { [a]: [3, 4, 5] });
});
afterAll(() => t.close());
const refused = (...args: Parameters<ReturnType<typeof refusals>>) => refusals(t)(...args);
const current = async (id: string) => ok(await who.facilitator.get(`/api/v1/scorecards/${id}`));

async function tallyCard() {
  const other = await cycleFor(t, who.facilitator);
  let tally = ok(
    await who.facilitator.post(`/api/v1/cycles/${other.cycleId}/scorecards`, {
      kind: "community",
      mode: "tally",
    }),
    201,
  );
  tally = ok(
    await who.facilitator.put(`/api/v1/scorecards/${tally.id}`, {
      heldOn: "2026-01-20",
      mode: "tally",
      version: tally.version,
    }),
  );
  tally = ok(
    await who.facilitator.put(`/api/v1/scorecards/${tally.id}/tallies`, {
      rows: [
        { sex: "female", ageBand: "18_30", count: 6 },
        { sex: "male", ageBand: "31_59", count: 4 },
      ],
      version: tally.version,
    }),
  );
  tally = ok(
    await who.facilitator.post(`/api/v1/scorecards/${tally.id}/issues`, { indicatorId: a, count: 5 }),
    201,
  );
  tally = ok(
    await who.facilitator.put(`/api/v1/scorecards/${tally.id}/priorities`, {
      indicatorIds: [a],
      version: tally.version,
    }),
  );
  return tally;
}

describe("versions", () => {
  it("refuses a correction made on a stale card, and one that names no version", async () => {
    const { version } = await current(card.id);
    const tally = await tallyCard();
    const stale: [string, string, Record<string, unknown>][] = [
      ["PUT", `${card.id}/participants/3`, { sex: "male", age: 52 }],
      ["PUT", `${card.id}/participants/1/scores`, { scores: [{ indicatorId: a, score: 1 }] }],
      ["PUT", `${card.id}/priorities/${a}/notes`, { strengths: "Clean water" }],
      ["PUT", `${tally.id}/tallies`, { rows: [{ sex: "female", ageBand: "18_30", count: 9 }] }],
      ["PUT", `${tally.id}/score-tallies/${a}`, { counts: [1, 1, 1, 1, 1] }],
    ];
    for (const [method, path, body] of stale) {
      const at = path.startsWith(tally.id) ? tally.version : version;
      const url = `/api/v1/scorecards/${path}`;
      await refused(
        () => who.facilitator.request(method as "PUT", url, { ...body, version: at - 1 }),
        409,
        "version_conflict",
      );
      await refused(() => who.facilitator.request(method as "PUT", url, body), 400, "validation_failed");
    }
    // With the current version each goes through, and moves the version on.
    const updated = ok(
      await who.facilitator.put(`/api/v1/scorecards/${card.id}/participants/3`, {
        sex: "male",
        age: 52,
        version,
      }),
    );
    expect(updated.version).toBe(version + 1);
  });
});

describe("tally mode", () => {
  it("refuses a tally with more profiles than people", async () => {
    const other = await cycleFor(t, who.facilitator);
    const tally = ok(
      await who.facilitator.post(`/api/v1/cycles/${other.cycleId}/scorecards`, {
        kind: "community",
        mode: "tally",
      }),
      201,
    );
    await refused(
      () =>
        who.facilitator.put(`/api/v1/scorecards/${tally.id}/tallies`, {
          rows: [{ sex: "female", ageBand: "18_30", count: 3, idPoor: 4 }],
          version: tally.version,
        }),
      400,
      "validation_failed",
      "tally_profile_exceeds_count",
    );
  });

  it("refuses more scores for an indicator than participants counted, in both languages", async () => {
    const tally = await tallyCard();
    const problem = await refused(
      () =>
        who.facilitator.put(`/api/v1/scorecards/${tally.id}/score-tallies/${a}`, {
          counts: [2, 2, 2, 2, 3],
          version: tally.version,
        }),
      400,
      "validation_failed",
      "score_tally_exceeds_participants",
    );
    expect(problem.errors?.[0]?.message).toContain("11");
    // A Khmer user (an NGO officer, who may record any card of the area) reads it in Khmer.
    const khmerUser = await t.as({ roles: ["ngo_staff"], area: ["15"] });
    await t.db.execute(sql`update users set locale = 'km' where id = ${khmerUser.userId}`);
    const km = await khmerUser.put(`/api/v1/scorecards/${tally.id}/score-tallies/${a}`, {
      counts: [2, 2, 2, 2, 3],
      version: tally.version,
    });
    expect(km.json().errors[0].message).toContain("អ្នកចូលរួម");
    const scored = ok(
      await who.facilitator.put(`/api/v1/scorecards/${tally.id}/score-tallies/${a}`, {
        counts: [2, 2, 2, 2, 2],
        version: tally.version,
      }),
    );
    expect(scored.missing).toEqual([]);
    // Fewer people counted afterwards: the card cannot be submitted until the counts agree.
    const fewer = ok(
      await who.facilitator.put(`/api/v1/scorecards/${tally.id}/tallies`, {
        rows: [{ sex: "female", ageBand: "18_30", count: 6 }],
        version: scored.version,
      }),
    );
    expect((fewer.missing as { code: string }[]).map((item) => item.code)).toEqual([
      "indicator_scores_exceed_participants",
    ]);
    expect(fewer.can).toMatchObject({ submit: false });
    const submit = await refused(
      () => who.facilitator.post(`/api/v1/scorecards/${tally.id}/submit`, { version: fewer.version }),
      400,
      "validation_failed",
      "indicator_scores_exceed_participants",
    );
    expect(submit.errors?.[0]?.message).toMatch(/10.*6/);
  });
});

describe("removing a participant", () => {
  it("refuses to take away the last issue behind a priority until it is taken off the priorities", async () => {
    // Participant 1 alone raised a, which is prioritised.
    await refused(
      () => who.facilitator.post(`/api/v1/scorecards/${card.id}/participants/1/remove`),
      409,
      "issue_is_prioritised",
    );
    // Participant 2's issue b was also raised by participant 1: they may go.
    const without2 = ok(await who.facilitator.post(`/api/v1/scorecards/${card.id}/participants/2/remove`));
    expect((without2.participants as { number: number }[]).map((p) => p.number)).toEqual([1, 3]);
    // With a off the priorities (and its scores discarded), participant 1 may go, taking a and b with them.
    const unprioritised = ok(
      await who.facilitator.put(`/api/v1/scorecards/${card.id}/priorities`, {
        indicatorIds: [b],
        discardScores: true,
        version: without2.version,
      }),
    );
    await refused(
      () => who.facilitator.post(`/api/v1/scorecards/${card.id}/participants/1/remove`),
      409,
      "issue_is_prioritised",
    );
    const kept = ok(
      await who.facilitator.post(`/api/v1/scorecards/${card.id}/issues`, {
        indicatorId: b,
        participantNumbers: [3],
      }),
      201,
    );
    expect(kept.version).toBeGreaterThan(unprioritised.version);
    const removed = ok(await who.facilitator.post(`/api/v1/scorecards/${card.id}/participants/1/remove`));
    expect((removed.issues as { indicator: { id: string } }[]).map((issue) => issue.indicator.id)).toEqual([
      b,
    ]);
    expect(removed.priorities).toHaveLength(1);
  });
});
