import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClock, formatTimestamp, tick } from "../../../domain/sync/hlc";
import type { TestApp } from "../../test/harness";
import { createTestApp } from "../../test/harness";
import { cycleFor, meetingCard, ok, type People, people, scoreAll } from "../scorecards/scorecards.fixtures";
import { ledgerSize, push } from "./sync.fixtures";

/**
 * Issue 12, part 6: "Send again" after a refusal. The ledger answers a command id with its first
 * answer for ever, so the field app sends the refused change again as a new command (a new id, the
 * same type, record, payload and stamp; src/web/offline/outbox-order.ts asResent). Once the
 * facilitator has fixed the cause, that goes through; the old id still gets its first refusal.
 */
let t: TestApp;
let who: People;
let card: string;

beforeAll(async () => {
  t = await createTestApp();
  who = await people(t);
  const fixture = await cycleFor(t, who.facilitator);
  const [a] = fixture.indicators.map((indicator) => indicator.id) as [string];
  card = (await meetingCard(who.facilitator, fixture.cycleId, [{ sex: "female", age: 30 }], [a])).id;
  await scoreAll(who.facilitator, card, { [a]: [3] });
});
afterAll(() => t.close());

describe("send again", () => {
  it("goes through as a new command once the card is returned, and the first one stays refused", async () => {
    const path = `/api/v1/scorecards/${card}`;
    let current = ok(await who.facilitator.get(path));
    current = ok(await who.facilitator.post(`${path}/submit`, { version: current.version }));
    // Made offline on a copy from before the submission (stamped now, after the online writes):
    // refused, the card is locked.
    const command = {
      id: uuidv7(),
      type: "scorecard.updateDetails",
      recordId: card,
      payload: { heldOn: "2026-11-21", villageCode: null, mode: "individual" },
      baseVersion: current.version - 1,
      stamp: formatTimestamp(tick(createClock("phone7"), Date.now())),
    };
    const [first] = await push(who.facilitator, [command]);
    expect(first).toMatchObject({ id: command.id, status: "conflict", code: "scorecard_locked" });

    // The facilitator asks the reviewer, who returns the card.
    ok(await who.reviewer.post(`${path}/return`, { version: current.version, comment: "Date" }));
    const [again] = await push(who.facilitator, [command]);
    expect(again).toEqual(first);

    const ledger = await ledgerSize(t.db);
    const resent = { ...command, id: uuidv7() };
    const [through] = await push(who.facilitator, [resent]);
    expect(through).toMatchObject({ id: resent.id, status: "applied" });
    expect(ok(await who.facilitator.get(path)).heldOn).toBe("2026-11-21");
    // Once and for all: sending either id again changes nothing more.
    const answers = await push(who.facilitator, [command, resent]);
    expect(answers).toEqual([first, through]);
    expect(await ledgerSize(t.db)).toBe(ledger + 1);
  });
});
