import { uuidv7 } from "uuidv7";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Scorecard } from "../../../contracts/scorecards";
import type { SyncCommand } from "../../../contracts/sync";
import { formatTimestamp } from "../../../domain/sync/hlc";
import type { TestApp } from "../../test/harness";
import { createTestApp } from "../../test/harness";
import { cycleFor, meetingCard, ok, type People, people } from "../scorecards/scorecards.fixtures";
import { push } from "./sync.fixtures";

/**
 * Issue 12, part 6: a participant merges per attribute. One phone correcting her sex and another,
 * later, her age keep both; when a correction loses to a later one of the same attribute, the phone
 * that made it is told which (`overtaken` in its answer), instead of a plain "applied".
 */
let t: TestApp;
let who: People;

beforeAll(async () => {
  t = await createTestApp();
  who = await people(t);
});
afterAll(() => t.close());

/**
 * Stamped after the server's stamps of the online changes that made the draft: taken when a test
 * starts, not when the file loads, so that a slow machine cannot put them before the draft's.
 */
let soon = 0;

function correction(node: string, seconds: number, card: string, payload: object): SyncCommand {
  return {
    id: uuidv7(),
    type: "scorecard.updateParticipant",
    recordId: card,
    payload: { number: 1, ...payload },
    baseVersion: 3,
    stamp: formatTimestamp({ millis: soon + seconds * 1000, counter: 0, node }),
  };
}

async function draft() {
  const { cycleId } = await cycleFor(t, who.facilitator);
  const card = (await meetingCard(who.facilitator, cycleId, [{ sex: "female", age: 30 }], [])).id;
  soon = Date.now() + 60_000;
  return card;
}

const participantOf = async (card: string) =>
  (ok(await who.facilitator.get(`/api/v1/scorecards/${card}`)) as unknown as Scorecard).participants![0];

describe("a participant corrected on two phones", () => {
  it("keeps her sex from one and her age from the other, whichever arrives first", async () => {
    for (const order of ["sex first", "age first"]) {
      const card = await draft();
      const sex = correction("phonea", 1, card, { sex: "male" });
      const age = correction("phoneb", 2, card, { age: 31 });
      const batches = order === "sex first" ? [[sex], [age]] : [[age], [sex]];
      for (const batch of batches) {
        const [answer] = await push(who.facilitator, batch);
        expect(answer, order).toEqual({
          id: batch[0]!.id,
          status: "applied",
          result: { version: expect.any(Number) },
        });
      }
      expect(await participantOf(card), order).toMatchObject({ sex: "male", age: 31, disability: false });
    }
  });

  it("tells the phone whose correction lost to a later one of the same attribute", async () => {
    const card = await draft();
    const earlier = correction("phonea", 1, card, { sex: "male", disability: true });
    const later = correction("phoneb", 2, card, { sex: "female" });
    await push(who.facilitator, [later]);
    const [answer] = await push(who.facilitator, [earlier]);
    expect(answer).toEqual({
      id: earlier.id,
      status: "applied",
      result: { version: expect.any(Number), overtaken: ["participant.1.sex"] },
    });
    expect(await participantOf(card)).toMatchObject({ sex: "female", disability: true });
    // Sent again, the same answer: it is the ledger's.
    expect(await push(who.facilitator, [earlier])).toEqual([answer]);
  });
});
