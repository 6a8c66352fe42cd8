import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test/harness";
import { cycleFor, meetingCard, ok, type People, people, refusals, scoreAll } from "./scorecards.fixtures";

/** Issue 3, parts 9 and 13: what submit still needs, and the lock on a submitted or approved card. */
let t: TestApp;
let who: People;
let card: { id: string; version: number };
let a: string;
let notChosen: string;
let cycleId: string;

beforeAll(async () => {
  t = await createTestApp();
  who = await people(t);
  const fixture = await cycleFor(t, who.facilitator);
  cycleId = fixture.cycleId;
  const [first, second, third] = fixture.indicators.map((indicator) => indicator.id) as [
    string,
    string,
    string,
  ];
  [a, notChosen] = [first, third];
  card = await meetingCard(
    who.facilitator,
    cycleId,
    [
      { sex: "female", age: 30 },
      { sex: "male", age: 41 },
    ],
    [first, second],
  );
  await scoreAll(who.facilitator, card.id, { [first]: [2, 4], [second]: [3, null] });
});
afterAll(() => t.close());
const refused = (...args: Parameters<ReturnType<typeof refusals>>) => refusals(t)(...args);
const scores = (participantNumber: number, entries: [string, number][]) => ({
  participantNumber,
  scores: entries.map(([indicatorId, score]) => ({ indicatorId, score })),
});

describe("submit and lock", () => {
  it("lists what is missing on submit as field errors", async () => {
    const other = await cycleFor(t, who.facilitator);
    const empty = ok(
      await who.facilitator.post(`/api/v1/cycles/${other.cycleId}/scorecards`, { kind: "community" }),
      201,
    );
    const problem = await refused(
      () => who.facilitator.post(`/api/v1/scorecards/${empty.id}/submit`, { version: empty.version }),
      400,
      "validation_failed",
    );
    expect(problem.errors?.map((error) => error.code)).toEqual(["held_on_missing", "priorities_missing"]);
    // The main card: participant 1 scored both priorities, participant 2 only the first.
    const current = ok(await who.facilitator.get(`/api/v1/scorecards/${card.id}`));
    const unscored = current.priorities as { scoredBy: number }[];
    expect(unscored.map((p) => p.scoredBy)).toEqual([2, 1]);
  });

  it("locks a submitted and an approved card: every edit refused with a message in both languages", async () => {
    let current = ok(await who.facilitator.get(`/api/v1/scorecards/${card.id}`));
    current = ok(
      await who.facilitator.post(`/api/v1/scorecards/${card.id}/submit`, { version: current.version }),
    );
    await refused(
      () => who.facilitator.post(`/api/v1/scorecards/${card.id}/scores`, scores(2, [[a, 3]])),
      409,
      "scorecard_locked",
    );
    current = ok(
      await who.reviewer.post(`/api/v1/scorecards/${card.id}/approve`, { version: current.version }),
    );
    expect(current.status).toBe("approved");
    const edits: [string, string, unknown][] = [
      ["POST", "scores", scores(2, [[a, 3]])],
      ["PUT", "participants/1/scores", { scores: [{ indicatorId: a, score: 5 }], version: current.version }],
      ["POST", "participants", { participants: [{ sex: "male", age: 20 }] }],
      ["PUT", "participants/1", { sex: "male", age: 20, version: current.version }],
      ["POST", "participants/1/remove", {}],
      ["POST", "issues", { indicatorId: notChosen, participantNumbers: [1] }],
      ["PUT", "priorities", { indicatorIds: [a], discardScores: true, version: current.version }],
      ["PUT", `priorities/${a}/notes`, { strengths: "x", version: current.version }],
      ["PUT", "", { heldOn: "2026-01-21", mode: "individual", version: current.version }],
      ["POST", "submit", { version: current.version }],
    ];
    for (const [method, path, body] of edits) {
      const url = `/api/v1/scorecards/${card.id}${path ? `/${path}` : ""}`;
      await refused(
        () => who.facilitator.request(method as "POST" | "PUT", url, body),
        409,
        "scorecard_locked",
      );
    }
    const km = await who.facilitator.request(
      "POST",
      `/api/v1/scorecards/${card.id}/scores`,
      scores(2, [[a, 3]]),
      { "accept-language": "km" },
    );
    expect(km.statusCode).toBe(409);
    // The facilitator's saved language is English; a Khmer user reads it in Khmer.
    const khmerUser = await t.as({ roles: ["ngo_staff"], area: ["15"] });
    await t.db.execute(sql`update users set locale = 'km' where id = ${khmerUser.userId}`);
    const inKhmer = await khmerUser.post(`/api/v1/scorecards/${card.id}/scores`, scores(2, [[a, 3]]));
    expect(inKhmer.json().detail).toContain("ចាក់សោ");
    // Approving or returning again is refused too.
    await refused(
      () => who.reviewer.post(`/api/v1/scorecards/${card.id}/approve`, { version: current.version }),
      409,
      "scorecard_not_submitted",
    );
    await refused(
      () => who.viewer.post(`/api/v1/scorecards/${card.id}/change-requests`, { reason: "Wrong" }),
      403,
      "forbidden",
    );
  });
});
