import { asc, eq } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scorecard } from "../../../contracts/scorecards";
import type { CommandResult, SyncCommand } from "../../../contracts/sync";
import { auditEvents } from "../../db/schema";
import { message } from "../../platform/messages";
import type { TestApp } from "../../test/harness";
import { createTestApp } from "../../test/harness";
import { cycleFor, ok, type People, people, rowCounts } from "../scorecards/scorecards.fixtures";
import { ledgerSize, outbox, push } from "./sync.fixtures";

/**
 * Issue 4: a whole meeting, corrections included, recorded offline. Each command does to the card
 * what the API call it stands for does (the same card, version and audit events), once.
 */
let t: TestApp;
let who: People;
let a: string;
let b: string;

beforeAll(async () => {
  t = await createTestApp();
  who = await people(t);
  const fixture = await cycleFor(t, who.facilitator);
  [a, b] = fixture.indicators.map((indicator) => indicator.id) as [string, string];
});
afterAll(() => t.close());

/** The card a request answered with. */
const cardFrom = (...args: Parameters<typeof ok>) => ok(...args) as unknown as Scorecard;

const newCycle = async (communeCode: string) => (await cycleFor(t, who.facilitator, { communeCode })).cycleId;

/** The card as the API shows it, without what differs between two cards by nature (ids, cycle, dates). */
async function contentOf(id: string) {
  const card = cardFrom(await who.facilitator.get(`/api/v1/scorecards/${id}`));
  const { id: _, cycleId: _c, cycle: _y, submittedAt: _s, ...rest } = card;
  return { ...rest, issues: card.issues.map(({ id: _i, ...issue }) => issue) };
}

/** The card's audit events: action and changes, without ids that differ between two cards. */
async function auditOf(id: string) {
  const events = await t.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.entityId, id))
    .orderBy(asc(auditEvents.id));
  return events.map((event) => {
    const { cycleId: _c, issueId: _i, ...changes } = (event.changes ?? {}) as Record<string, unknown>;
    return { action: event.action, actor: event.actorId, changes };
  });
}

function applied(results: CommandResult[]) {
  expect(
    results.map((result) => result.status),
    JSON.stringify(results),
  ).toEqual(results.map(() => "applied"));
  return results.map((result) => (result.status === "applied" ? result.result.version : null));
}

const PEOPLE = [
  { sex: "female", age: 14 },
  { sex: "female", age: 23 },
  { sex: "male", age: 38 },
  { sex: "male", age: 51 },
];

describe("a meeting with corrections (individual mode)", () => {
  let offlineId: string;
  let commands: SyncCommand[];
  let first: CommandResult[];

  it("gives the same card and audit events as the same meeting entered through the API", async () => {
    const f = who.facilitator;
    const online = ok(
      await f.post(`/api/v1/cycles/${await newCycle("150102")}/scorecards`, { kind: "community" }),
      201,
    );
    const path = `/api/v1/scorecards/${online.id}`;
    ok(await f.put(path, { heldOn: "2026-11-20", mode: "individual", version: 1 }));
    ok(await f.post(`${path}/participants`, { participants: PEOPLE }), 201);
    ok(await f.post(`${path}/issues`, { indicatorId: a, participantNumbers: [1] }), 201);
    ok(await f.post(`${path}/issues`, { indicatorId: b, participantNumbers: [2] }), 201);
    const raised = cardFrom(await f.post(`${path}/issues`, { indicatorId: a, participantNumbers: [3] }), 201);
    ok(await f.put(`${path}/priorities`, { indicatorIds: [a], version: 6 }));
    for (const [index, score] of [2, 3, 4, 5].entries()) {
      const scores = [{ indicatorId: a, score }];
      ok(await f.post(`${path}/scores`, { participantNumber: index + 1, scores }), 201);
    }
    ok(await f.put(`${path}/participants/2`, { sex: "male", age: 40, disability: true, version: 11 }));
    ok(await f.put(`${path}/participants/1/scores`, { scores: [{ indicatorId: a, score: 1 }], version: 12 }));
    ok(await f.post(`${path}/participants/4/remove`));
    const issueOf = (n: number) => raised.issues.find((issue) => issue.participantNumber === n)!.id;
    ok(await f.post(`${path}/issues/${issueOf(2)}/remove`));
    ok(await f.post(`${path}/issues/${issueOf(3)}/remove`));
    ok(await f.post(`${path}/submit`, { version: 16 }));

    offlineId = uuidv7();
    const command = outbox("phone7");
    const on = (type: string, payload: unknown, baseVersion: number | null = null) =>
      command(type, offlineId, payload, baseVersion);
    const [issue1, issue2, issue3] = [uuidv7(), uuidv7(), uuidv7()];
    commands = [
      on("scorecard.create", { cycleId: await newCycle("150103"), kind: "community" }),
      on("scorecard.updateDetails", { heldOn: "2026-11-20", mode: "individual" }, 1),
      on("scorecard.addParticipants", { firstNumber: 1, participants: PEOPLE }),
      on("scorecard.raiseIssue", { id: issue1, indicatorId: a, participantNumbers: [1] }),
      on("scorecard.raiseIssue", { id: issue2, indicatorId: b, participantNumbers: [2] }),
      on("scorecard.raiseIssue", { id: issue3, indicatorId: a, participantNumbers: [3] }),
      on("scorecard.setPriorities", { indicatorIds: [a] }, 6),
      ...[2, 3, 4, 5].map((score, index) =>
        on("scorecard.addScores", { participantNumber: index + 1, scores: [{ indicatorId: a, score }] }),
      ),
      on("scorecard.updateParticipant", { number: 2, sex: "male", age: 40, disability: true }, 11),
      on("scorecard.replaceScores", { participantNumber: 1, scores: [{ indicatorId: a, score: 1 }] }, 12),
      on("scorecard.removeParticipant", { number: 4 }),
      on("scorecard.removeIssue", { issueId: issue2 }),
      on("scorecard.removeIssue", { issueId: issue3 }),
      on("scorecard.submit", {}, 16),
    ];
    first = await push(f, commands);
    expect(applied(first)).toEqual(commands.map((_, index) => index + 1));

    const card = await contentOf(offlineId);
    expect(card).toMatchObject({ status: "submitted", version: 17, participantCount: 3 });
    expect(card.issues).toEqual([expect.objectContaining({ participantNumber: 1, count: 1 })]);
    expect(card).toEqual(await contentOf(online.id));
    expect(await auditOf(offlineId)).toEqual(await auditOf(online.id));
  });

  it("answers the batch sent again with the first answers and changes nothing", async () => {
    const before = { ...(await rowCounts(t.db)), ledger: await ledgerSize(t.db) };
    expect(await push(who.facilitator, commands)).toEqual(first);
    expect({ ...(await rowCounts(t.db)), ledger: await ledgerSize(t.db) }).toEqual(before);
  });

  it("refuses an issue id already used, and an issue id given to several raisers", async () => {
    const used = (commands[3]!.payload as { id: string }).id;
    const cardId = uuidv7();
    const command = outbox("phone8");
    const results = await push(who.facilitator, [
      command("scorecard.create", cardId, { cycleId: await newCycle("150104"), kind: "community" }),
      command("scorecard.addParticipants", cardId, { firstNumber: 1, participants: PEOPLE }),
      command("scorecard.raiseIssue", cardId, { id: used, indicatorId: a, participantNumbers: [1] }),
      command("scorecard.raiseIssue", cardId, { id: uuidv7(), indicatorId: a, participantNumbers: [1, 2] }),
      command("scorecard.removeIssue", cardId, { issueId: uuidv7() }),
    ]);
    expect(results[2]).toMatchObject({
      status: "conflict",
      code: "issue_id_taken",
      message: message("issue_id_taken", "en"),
    });
    expect(message("issue_id_taken", "km")).not.toBe(message("issue_id_taken", "en"));
    expect(results[3]).toMatchObject({
      status: "rejected",
      code: "validation_failed",
      errors: [{ path: "participantNumbers", code: "issue_id_one_raiser" }],
    });
    expect(results[4]).toMatchObject({ status: "rejected", code: "not_found" });
    expect(ok(await who.facilitator.get(`/api/v1/scorecards/${cardId}`)).issues).toEqual([]);
  });
});

describe("a tally-mode meeting with corrections", () => {
  it("gives the same card and audit events as the same meeting entered through the API", async () => {
    const f = who.facilitator;
    const rows = [
      { sex: "female", ageBand: "18_30", count: 6, disability: 1 },
      { sex: "male", ageBand: "31_59", count: 4 },
    ];
    const corrected = [rows[0], { ...rows[1], count: 5, idPoor: 2 }];
    const online = ok(
      await f.post(`/api/v1/cycles/${await newCycle("150105")}/scorecards`, {
        kind: "community",
        mode: "tally",
      }),
      201,
    );
    const path = `/api/v1/scorecards/${online.id}`;
    ok(await f.put(path, { heldOn: "2026-11-20", mode: "tally", version: 1 }));
    ok(await f.put(`${path}/tallies`, { rows, version: 2 }));
    ok(await f.post(`${path}/issues`, { indicatorId: a, count: 5 }), 201);
    const raised = cardFrom(await f.post(`${path}/issues`, { indicatorId: b, count: 2 }), 201);
    ok(await f.put(`${path}/priorities`, { indicatorIds: [a], version: 5 }));
    ok(await f.put(`${path}/score-tallies/${a}`, { counts: [1, 2, 3, 2, 1], version: 6 }));
    ok(await f.put(`${path}/tallies`, { rows: corrected, version: 7 }));
    ok(await f.put(`${path}/score-tallies/${a}`, { counts: [1, 2, 3, 2, 2], version: 8 }));
    const issueB = raised.issues.find((issue) => issue.indicator.id === b)!.id;
    ok(await f.post(`${path}/issues/${issueB}/remove`));
    ok(await f.post(`${path}/submit`, { version: 10 }));

    const offlineId = uuidv7();
    const command = outbox("phone9");
    const on = (type: string, payload: unknown, baseVersion: number | null = null) =>
      command(type, offlineId, payload, baseVersion);
    const issue = uuidv7();
    const commands = [
      on("scorecard.create", { cycleId: await newCycle("150106"), kind: "community", mode: "tally" }),
      on("scorecard.updateDetails", { heldOn: "2026-11-20", mode: "tally" }, 1),
      on("scorecard.setTallies", { rows }, 2),
      on("scorecard.raiseIssue", { indicatorId: a, count: 5 }),
      on("scorecard.raiseIssue", { id: issue, indicatorId: b, count: 2 }),
      on("scorecard.setPriorities", { indicatorIds: [a] }, 5),
      on("scorecard.scoreTally", { indicatorId: a, counts: [1, 2, 3, 2, 1] }, 6),
      on("scorecard.setTallies", { rows: corrected }, 7),
      on("scorecard.scoreTally", { indicatorId: a, counts: [1, 2, 3, 2, 2] }, 8),
      on("scorecard.removeIssue", { issueId: issue }),
      on("scorecard.submit", {}, 10),
    ];
    const first = await push(f, commands);
    expect(applied(first)).toEqual(commands.map((_, index) => index + 1));
    const card = await contentOf(offlineId);
    expect(card).toMatchObject({ status: "submitted", version: 11, participantCount: 11 });
    expect(card).toEqual(await contentOf(online.id));
    expect(await auditOf(offlineId)).toEqual(await auditOf(online.id));

    const before = { ...(await rowCounts(t.db)), ledger: await ledgerSize(t.db) };
    expect(await push(f, [...commands].reverse())).toEqual([...first].reverse());
    expect({ ...(await rowCounts(t.db)), ledger: await ledgerSize(t.db) }).toEqual(before);
  });
});

describe("malformed corrections", () => {
  it("rejects each with validation_failed and the payload's field paths, writing nothing", async () => {
    const cardId = uuidv7();
    const command = outbox("phone10");
    const bad: [SyncCommand, string[]][] = [
      [
        command("scorecard.updateParticipant", cardId, { number: 0, sex: "x", age: 3 }, 1),
        ["payload.number", "payload.sex", "payload.age"],
      ],
      [command("scorecard.removeParticipant", cardId, { number: "2" }), ["payload.number"]],
      [
        command(
          "scorecard.replaceScores",
          cardId,
          { participantNumber: 1, scores: [{ indicatorId: "nope", score: 9 }] },
          1,
        ),
        ["payload.scores.0.indicatorId", "payload.scores.0.score"],
      ],
      [
        command("scorecard.raiseIssue", cardId, { id: "issue-1", indicatorId: a, participantNumbers: [1] }),
        ["payload.id"],
      ],
      [command("scorecard.removeIssue", cardId, {}), ["payload.issueId"]],
      [
        command("scorecard.setTallies", cardId, { rows: [{ sex: "female", ageBand: "old", count: -1 }] }, 1),
        ["payload.rows.0.ageBand", "payload.rows.0.count"],
      ],
      [command("scorecard.scoreTally", cardId, { indicatorId: a, counts: [1, 2, 3] }, 1), ["payload.counts"]],
    ];
    const before = await rowCounts(t.db);
    const results = await push(who.facilitator, [
      ...bad.map(([one]) => one),
      command("scorecard.updateParticipant", cardId, { number: 1, sex: "male", age: 30 }),
    ]);
    bad.forEach(([, paths], index) => {
      const result = results[index]!;
      expect(result, JSON.stringify(result)).toMatchObject({ status: "rejected", code: "validation_failed" });
      if (result.status === "applied") return;
      expect(result.errors.map((error) => error.path).sort()).toEqual([...paths].sort());
      for (const error of result.errors) expect(error.message.length).toBeGreaterThan(5);
    });
    expect(results.at(-1)).toMatchObject({ status: "rejected", code: "sync_base_version_required" });
    expect({ ...(await rowCounts(t.db)) }).toEqual(before);
  });
});

describe("the same batch pushed twice at once (a retry while the first is still running)", () => {
  it("is applied once, and both pushes get the same answers", async () => {
    const cardId = uuidv7();
    const command = outbox("phone11");
    const commands = [
      command("scorecard.create", cardId, { cycleId: await newCycle("150107"), kind: "community" }),
      command("scorecard.addParticipants", cardId, { firstNumber: 1, participants: PEOPLE }),
      command("scorecard.raiseIssue", cardId, { id: uuidv7(), indicatorId: a, participantNumbers: [1] }),
      command("scorecard.setPriorities", cardId, { indicatorIds: [a] }, 3),
      ...[1, 2, 3, 4].map((participantNumber) =>
        command("scorecard.addScores", cardId, { participantNumber, scores: [{ indicatorId: a, score: 3 }] }),
      ),
    ];
    const [one, two] = await Promise.all([
      push(who.facilitator, commands, "phone11"),
      push(who.facilitator, commands, "phone11"),
    ]);
    expect(applied(one!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(two).toEqual(one);
    const card = cardFrom(await who.facilitator.get(`/api/v1/scorecards/${cardId}`));
    expect(card).toMatchObject({ version: 8 });
    expect([card.participants?.length, card.scores?.length]).toEqual([4, 4]);
    expect(await auditOf(cardId)).toHaveLength(8);
  });
});
