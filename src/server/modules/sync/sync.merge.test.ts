import { asc, eq } from "drizzle-orm";
import fc from "fast-check";
import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scorecard } from "../../../contracts/scorecards";
import type { CommandResult, SyncCommand } from "../../../contracts/sync";
import { formatTimestamp } from "../../../domain/sync/hlc";
import { applyFieldChange, EMPTY_RECORD_STATE, type FieldChange, valuesOf } from "../../../domain/sync/lww";
import { auditEvents, scorecards } from "../../db/schema";
import type { TestApp } from "../../test/harness";
import { createTestApp } from "../../test/harness";
import { cycleFor, meetingCard, ok, type People, people, scoreAll } from "../scorecards/scorecards.fixtures";
import { push } from "./sync.fixtures";

/**
 * Issue 4, part 5 "Conflicts": a draft edited on two phones merges per field by the stamp of the
 * last write; a submitted card refuses every change; a submission must see what it submits.
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

/**
 * A stamp of phone `node`, `seconds` after a minute from now: after the server's stamps of the
 * online changes that make the draft (meetingCard), as a phone's edits made after it downloaded it.
 */
const SOON = Date.now() + 60_000;
const at = (node: string, seconds: number) =>
  formatTimestamp({ millis: SOON + seconds * 1000, counter: 0, node });

/** A command from phone `node`, stamped `seconds` into the morning. */
function on(node: string, seconds: number, type: string, recordId: string, payload: unknown, base: number) {
  return {
    id: uuidv7(),
    type,
    recordId,
    payload,
    baseVersion: base,
    stamp: at(node, seconds),
  } as SyncCommand;
}

/** A draft community card with one participant and both indicators prioritised. */
async function draft() {
  const { cycleId } = await cycleFor(t, who.facilitator);
  return meetingCard(who.facilitator, cycleId, [{ sex: "female", age: 30 }], [a, b]);
}

const cardOf = async (id: string) =>
  ok(await who.facilitator.get(`/api/v1/scorecards/${id}`)) as unknown as Scorecard;

const notesOf = async (id: string, indicatorId = a) => {
  const priority = (await cardOf(id)).priorities.find((p) => p.indicator.id === indicatorId)!;
  return {
    strengths: priority.strengths,
    weaknesses: priority.weaknesses,
    suggestedActions: priority.suggestedActions,
  };
};

async function lastAudit(id: string) {
  const events = await t.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.entityId, id))
    .orderBy(asc(auditEvents.id));
  return events.at(-1)!;
}

const statuses = (results: CommandResult[]) =>
  results.map((result) => (result.status === "applied" ? "applied" : result.code));

describe("two phones editing one draft's notes from the same version", () => {
  it("keeps both when they wrote different notes, and the later write of the same note", async () => {
    const card = await draft();
    const strengths = on(
      "phonea",
      2,
      "scorecard.setNotes",
      card.id,
      { indicatorId: a, strengths: "A" },
      card.version,
    );
    const weaknesses = on(
      "phoneb",
      1,
      "scorecard.setNotes",
      card.id,
      { indicatorId: a, weaknesses: "B" },
      card.version,
    );
    expect(statuses(await push(who.facilitator, [strengths], "phonea"))).toEqual(["applied"]);
    expect(statuses(await push(who.facilitator, [weaknesses], "phoneb"))).toEqual(["applied"]);
    expect(await notesOf(card.id)).toEqual({ strengths: "A", weaknesses: "B", suggestedActions: null });
    const merged = await cardOf(card.id);
    expect(merged.version).toBe(card.version + 2);
    expect((await lastAudit(card.id)).changes).toMatchObject({
      merge: { kept: [`notes.${a}.weaknesses`], overtaken: [] },
    });

    // Phone B's strengths were written before phone A's (t0 < t2) and arrive after them.
    const older = on(
      "phoneb",
      0,
      "scorecard.setNotes",
      card.id,
      { indicatorId: a, strengths: "B" },
      card.version,
    );
    const [answer] = await push(who.facilitator, [older], "phoneb");
    expect(answer).toMatchObject({ status: "applied", result: { version: merged.version } });
    expect(await cardOf(card.id)).toEqual(merged);
    expect(await lastAudit(card.id)).toMatchObject({
      action: "scorecard.notes_updated",
      changes: { merge: { stamp: older.stamp, kept: [], overtaken: [`notes.${a}.strengths`] } },
    });
  });
});

describe("the meeting's date from two phones", () => {
  for (const order of ["earlier first", "later first"] as const) {
    it(`takes the later stamp whatever the arrival order (${order})`, async () => {
      const card = await draft();
      const early = on(
        "phonea",
        5,
        "scorecard.updateDetails",
        card.id,
        { heldOn: "2026-02-01", mode: "individual" },
        card.version,
      );
      const late = on(
        "phoneb",
        6,
        "scorecard.updateDetails",
        card.id,
        { heldOn: "2026-02-02", mode: "individual" },
        card.version,
      );
      for (const command of order === "earlier first" ? [early, late] : [late, early]) {
        expect(statuses(await push(who.facilitator, [command]))).toEqual(["applied"]);
      }
      const merged = await cardOf(card.id);
      expect(merged.heldOn).toBe("2026-02-02");
      expect(merged.version).toBe(card.version + (order === "earlier first" ? 2 : 1));
    });
  }
});

describe("an online change and an offline one made before it", () => {
  it("keeps the online value when the offline write arrives later, and stamps online writes as the server's", async () => {
    const card = await draft();
    const online = ok(
      await who.facilitator.put(`/api/v1/scorecards/${card.id}/priorities/${a}/notes`, {
        strengths: "online",
        version: card.version,
      }),
    );
    // Written on the phone an hour before the online change.
    const offline = on(
      "phonea",
      -3600,
      "scorecard.setNotes",
      card.id,
      { indicatorId: a, strengths: "offline", weaknesses: "w" },
      card.version,
    );
    const [answer] = await push(who.facilitator, [offline]);
    expect(answer).toMatchObject({ status: "applied" });
    // Online, a note left out is cleared, so it too was written after the phone's.
    expect(await notesOf(card.id)).toEqual({ strengths: "online", weaknesses: null, suggestedActions: null });
    expect((await cardOf(card.id)).version).toBe(online.version);
    const [row] = await t.db.select().from(scorecards).where(eq(scorecards.id, card.id));
    expect(row!.fieldStamps[`notes.${a}.strengths`]).toMatch(/-server$/);
    expect(row!.fieldStamps[`notes.${a}.strengths`]! > row!.fieldStamps.heldOn!).toBe(true);
  });

  it("stays strictly versioned online", async () => {
    const card = await draft();
    const stale = await who.facilitator.put(`/api/v1/scorecards/${card.id}/priorities/${a}/notes`, {
      strengths: "late",
      version: card.version - 1,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe("version_conflict");
  });
});

describe("what does not merge", () => {
  it("refuses a submission made on an old version", async () => {
    const card = await draft();
    const [answer] = await push(who.facilitator, [
      on("phonea", 9, "scorecard.submit", card.id, {}, card.version - 1),
    ]);
    expect(answer).toMatchObject({ status: "conflict", code: "version_conflict" });
  });

  it("refuses every change to a submitted card as locked, whatever its stamp", async () => {
    const draftCard = await draft();
    await scoreAll(who.facilitator, draftCard.id, { [a]: [3], [b]: [4] });
    const ready = await cardOf(draftCard.id);
    ok(await who.facilitator.post(`/api/v1/scorecards/${draftCard.id}/submit`, { version: ready.version }));
    const { id, version } = await cardOf(draftCard.id);
    const future = 10 ** 8;
    const commands = [
      on(
        "phonea",
        future,
        "scorecard.updateDetails",
        id,
        { heldOn: "2026-02-03", mode: "individual" },
        version - 3,
      ),
      on("phonea", future + 1, "scorecard.setNotes", id, { indicatorId: a, strengths: "x" }, version),
      on(
        "phonea",
        future + 2,
        "scorecard.updateParticipant",
        id,
        { number: 1, sex: "male", age: 31 },
        version,
      ),
      on("phonea", future + 3, "scorecard.replaceScores", id, { participantNumber: 1, scores: [] }, version),
      on("phonea", future + 4, "scorecard.setPriorities", id, { indicatorIds: [a] }, version),
      on("phonea", future + 5, "scorecard.setTallies", id, { rows: [] }, version),
      on(
        "phonea",
        future + 6,
        "scorecard.scoreTally",
        id,
        { indicatorId: a, counts: [0, 0, 0, 0, 0] },
        version,
      ),
      on("phonea", future + 7, "scorecard.submit", id, {}, version),
    ];
    const results = await push(who.facilitator, commands);
    expect(statuses(results)).toEqual(commands.map(() => "scorecard_locked"));
    expect((await cardOf(id)).version).toBe(version);
  });
});

describe("any order of delivery", () => {
  const NOTES = ["strengths", "weaknesses", "suggestedActions"] as const;
  /** A command of either phone: the meeting's date, or some of one indicator's notes. */
  const change = fc.record({
    node: fc.constantFrom("phonea", "phoneb"),
    seconds: fc.integer({ min: 0, max: 30 }),
    heldOn: fc.option(fc.constantFrom("2026-03-01", "2026-03-02", "2026-03-03")),
    notes: fc.subarray([...NOTES], { minLength: 1 }),
    text: fc.constantFrom("one", "two", null),
    arrives: fc.nat(),
  });

  it("ends with the fields of the latest write of each, as the LWW core says", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(change, { selector: (c) => `${c.node} ${c.seconds}`, minLength: 2, maxLength: 6 }),
        async (changes) => {
          const card = await draft();
          const writes: FieldChange[] = [];
          const commands = changes.map((c) => {
            const stamp = at(c.node, c.seconds);
            if (c.heldOn !== null) {
              writes.push({ field: "heldOn", value: c.heldOn, stamp });
              return on(
                c.node,
                c.seconds,
                "scorecard.updateDetails",
                card.id,
                { heldOn: c.heldOn, mode: "individual" },
                card.version,
              );
            }
            for (const note of c.notes) writes.push({ field: note, value: c.text, stamp });
            const notes = Object.fromEntries(c.notes.map((note) => [note, c.text]));
            return on(
              c.node,
              c.seconds,
              "scorecard.setNotes",
              card.id,
              { indicatorId: a, ...notes },
              card.version,
            );
          });
          const delivered = commands
            .map((command, index) => ({ command, arrives: changes[index]!.arrives }))
            .sort((x, y) => x.arrives - y.arrives);
          for (const { command } of delivered) {
            expect(statuses(await push(who.facilitator, [command]))).toEqual(["applied"]);
          }
          const expected = { heldOn: card.heldOn, strengths: null, weaknesses: null, suggestedActions: null };
          Object.assign(expected, valuesOf(writes.reduce(applyFieldChange, EMPTY_RECORD_STATE)));
          const { heldOn } = await cardOf(card.id);
          expect({ heldOn, ...(await notesOf(card.id)) }).toEqual(expected);
        },
      ),
      { numRuns: 12 },
    );
  });
});
