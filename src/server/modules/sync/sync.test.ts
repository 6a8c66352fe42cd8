import { sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CommandResult, SyncCommand } from "../../../contracts/sync";
import type { TestApp } from "../../test/harness";
import { createTestApp } from "../../test/harness";
import { createCycle } from "../../test/isaf-fixtures";
import { cycleFor, type People, people, rowCounts } from "../scorecards/scorecards.fixtures";
import { ledgerSize as ledgerRows, outbox, push } from "./sync.fixtures";

/**
 * Issue 4, part 2: the field app's queued commands applied through the same services as the API,
 * once each, in stamp order, with an answer per command.
 */
let t: TestApp;
let who: People;
let cycleId: string;
let indicatorA: string;
let indicatorB: string;

beforeAll(async () => {
  t = await createTestApp();
  who = await people(t);
  const fixture = await cycleFor(t, who.facilitator);
  cycleId = fixture.cycleId;
  [indicatorA, indicatorB] = fixture.indicators.map((indicator) => indicator.id) as [string, string];
});
afterAll(() => t.close());

const PEOPLE = [
  { sex: "female", age: 14 },
  { sex: "female", age: 23 },
  { sex: "female", age: 38 },
  { sex: "male", age: 51 },
];

/** A whole meeting as a phone queues it offline: the versions are the ones the phone predicts. */
function meeting(command: ReturnType<typeof outbox>, cardId: string, scores = [2, 3, 4, 5]) {
  return [
    command("scorecard.create", cardId, { cycleId, kind: "community", mode: "individual" }),
    command("scorecard.updateDetails", cardId, { heldOn: "2026-11-20", mode: "individual" }, 1),
    command("scorecard.addParticipants", cardId, { firstNumber: 1, participants: PEOPLE }),
    command("scorecard.raiseIssue", cardId, { indicatorId: indicatorA, participantNumbers: [1, 2] }),
    command("scorecard.setPriorities", cardId, { indicatorIds: [indicatorA] }, 4),
    ...scores.map((score, index) =>
      command("scorecard.addScores", cardId, {
        participantNumber: index + 1,
        scores: [{ indicatorId: indicatorA, score }],
      }),
    ),
    command("scorecard.submit", cardId, {}, 5 + scores.length),
  ];
}

const ledgerSize = () => ledgerRows(t.db);

describe("a meeting recorded offline and pushed", () => {
  const cardId = uuidv7();
  let commands: SyncCommand[];
  let first: CommandResult[];

  it("is applied command by command through the score-card services, and reads as if entered online", async () => {
    commands = meeting(outbox("phone1"), cardId);
    first = await push(who.facilitator, commands);
    expect(first.map((result) => result.status)).toEqual(commands.map(() => "applied"));
    expect(first.map((result) => result.id)).toEqual(commands.map((command) => command.id));
    expect(first.at(-1)).toMatchObject({ status: "applied", result: { version: 10 } });

    const card = (await who.facilitator.get(`/api/v1/scorecards/${cardId}`)).json();
    expect(card).toMatchObject({ id: cardId, status: "submitted", heldOn: "2026-11-20" });
    expect(card.participants.map((p: { number: number }) => p.number)).toEqual([1, 2, 3, 4]);
    const results = (await who.facilitator.get(`/api/v1/scorecards/${cardId}/results`)).json();
    expect(JSON.stringify(results)).toContain('"median":3.5');
  });

  it("answers the same batch sent again with the first answers, and applies nothing twice", async () => {
    const before = { ...(await rowCounts(t.db)), ledger: await ledgerSize() };
    const again = await push(who.facilitator, [...commands].reverse());
    expect(again).toEqual([...first].reverse());
    expect({ ...(await rowCounts(t.db)), ledger: await ledgerSize() }).toEqual(before);
  });

  it("refuses an id used again for another change, and another user's id", async () => {
    const reused = { ...commands[3]!, payload: { indicatorId: indicatorB, participantNumbers: [3] } };
    const [answer] = await push(who.facilitator, [reused]);
    expect(answer).toMatchObject({ status: "conflict", code: "sync_id_reused" });
    const other = await t.as({ roles: ["facilitator"], area: ["15"] });
    const [stolen] = await push(other, [commands[0]!]);
    expect(stolen).toMatchObject({ status: "conflict", code: "sync_id_reused" });
  });

  it("answers a change to the submitted card as a conflict the facilitator can read", async () => {
    const command = outbox("phone2");
    const [late] = await push(who.facilitator, [
      command("scorecard.addScores", cardId, {
        participantNumber: 4,
        scores: [{ indicatorId: indicatorB, score: 2 }],
      }),
    ]);
    expect(late).toMatchObject({ status: "conflict", code: "scorecard_locked" });
    expect((late as { message: string }).message).toMatch(/submitted|locked/i);
  });
});

describe("a batch shuffled on the way", () => {
  it("is applied in the phone's order (by stamp), whatever order it arrives in", async () => {
    const other = await createCycle(t.db, { communeCode: "150102", kindCode: "PS" });
    await t.db.execute(
      sql`insert into cycle_facilitators (cycle_id, user_id) values (${other.cycleId}, ${who.facilitator.userId})`,
    );
    const cardId = uuidv7();
    const command = outbox("phone3");
    const commands = meeting(command, cardId).map((c) =>
      c.type === "scorecard.create"
        ? { ...c, payload: { ...(c.payload as object), cycleId: other.cycleId } }
        : c,
    );
    const shuffled = [...commands].sort((a, b) => (a.id.slice(-6) < b.id.slice(-6) ? -1 : 1));
    const results = await push(who.facilitator, shuffled);
    expect(
      results.every((result) => result.status === "applied"),
      JSON.stringify(results),
    ).toBe(true);
    const card = (await who.facilitator.get(`/api/v1/scorecards/${cardId}`)).json();
    expect(card.status).toBe("submitted");
  });
});

describe("refusals", () => {
  it("answers each bad command with its reason, keeps none of its data, and applies the good ones", async () => {
    const cardId = uuidv7();
    const command = outbox("phone4");
    const third = await createCycle(t.db, { communeCode: "150103", kindCode: "PS" });
    await t.db.execute(
      sql`insert into cycle_facilitators (cycle_id, user_id) values (${third.cycleId}, ${who.facilitator.userId})`,
    );
    const create = command("scorecard.create", cardId, {
      cycleId: third.cycleId,
      kind: "community",
      mode: "individual",
    });
    const people = command("scorecard.addParticipants", cardId, { firstNumber: 1, participants: PEOPLE });
    const outOfArea = await createCycle(t.db, { communeCode: "020101", kindCode: "PS" });
    const batch: SyncCommand[] = [
      create,
      people,
      command("scorecard.raiseIssue", cardId, { indicatorId: indicatorA, participantNumbers: [1] }),
      command("scorecard.setPriorities", cardId, { indicatorIds: [indicatorA] }, 3),
      command("scorecard.addScores", cardId, {
        participantNumber: 1,
        scores: [{ indicatorId: indicatorA, score: 6 }],
      }),
      command("scorecard.addScores", cardId, {
        participantNumber: 1,
        scores: [{ indicatorId: indicatorB, score: 3 }],
      }),
      command("scorecard.addScores", cardId, {
        participantNumber: 1,
        scores: [{ indicatorId: indicatorA, score: 3 }],
      }),
      command("scorecard.addScores", cardId, {
        participantNumber: 1,
        scores: [{ indicatorId: indicatorA, score: 4 }],
      }),
      command("scorecard.addParticipants", cardId, { firstNumber: 1, participants: PEOPLE.slice(0, 1) }),
      command("scorecard.submit", cardId, {}, 2),
      command("scorecard.submit", cardId, {}),
      command("scorecard.create", uuidv7(), {
        cycleId: outOfArea.cycleId,
        kind: "community",
        mode: "individual",
      }),
      command("scorecard.fly", cardId, {}),
      { ...command("scorecard.submit", cardId, {}, 9), id: "not-a-uuid" },
    ];
    const results = await push(who.facilitator, batch);
    const summary = results.map((result) => (result.status === "applied" ? "applied" : result.code));
    expect(summary).toEqual([
      "applied",
      "applied",
      "applied",
      "applied",
      "validation_failed", // a score of 6
      "validation_failed", // an indicator not prioritised
      "applied",
      "score_already_given", // the same participant scoring the indicator twice
      "participant_number_taken", // another device's numbers
      "version_conflict", // a submission made on an old version of the card (sync.merge.test.ts: drafts merge)
      "sync_base_version_required",
      "not_found", // a cycle outside the facilitator's area
      "sync_unknown_type",
      "sync_invalid_id",
    ]);
    expect(results[4]).toMatchObject({ status: "rejected", errors: [{ path: "payload.scores.0.score" }] });
    expect(results[8]).toMatchObject({ status: "conflict" });

    const card = (await who.facilitator.get(`/api/v1/scorecards/${cardId}`)).json();
    expect(card.participants).toHaveLength(4);
    expect(card.status).toBe("draft");
  });

  it("refuses a push without a session, a bad device id and an oversized batch with 4xx", async () => {
    const command = outbox("phone5");
    const one = command("scorecard.submit", uuidv7(), {}, 1);
    expect((await t.anonymous.post("/api/v1/sync/push", { deviceId: "p", commands: [one] })).statusCode).toBe(
      401,
    );
    const before = await ledgerSize();
    const bad = await who.facilitator.post("/api/v1/sync/push", { deviceId: "Phone 1!", commands: [one] });
    expect(bad.statusCode).toBe(400);
    const many = Array.from({ length: 101 }, () => one);
    expect(
      (await who.facilitator.post("/api/v1/sync/push", { deviceId: "p", commands: many })).statusCode,
    ).toBe(400);
    expect(await ledgerSize()).toBe(before);
  });
});
