import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "../../db/database";
import type { Caller, TestApp } from "../../test/harness";
import { createTestApp } from "../../test/harness";
import { cycleFor, meetingCard, ok, people } from "../scorecards/scorecards.fixtures";

/**
 * Issue 12, part 6: pull positions follow commit order. A change's position was its `updated_at`,
 * taken before its transaction committed, so a pull running while another phone's push was still
 * committing could pass that change for good. These tests write the cards as editCard does (a
 * version step and an application time) and check that no pull ever passes a change that commits
 * after it.
 */
let t: TestApp;
let facilitator: Caller;
let first: string;
let second: string;

beforeAll(async () => {
  t = await createTestApp();
  const who = await people(t);
  facilitator = who.facilitator;
  for (const index of [0, 1]) {
    const fixture = await cycleFor(t, facilitator);
    const card = await meetingCard(facilitator, fixture.cycleId, [{ sex: "female", age: 30 }], []);
    if (index === 0) first = card.id;
    else second = card.id;
  }
});
afterAll(() => t.close());

/** What editCard writes: the next version, with the time the server process gave the change. */
function changeCard(db: Db, id: string, at: Date) {
  return db.execute(
    sql`update scorecards set version = version + 1, updated_at = ${at.toISOString()}::timestamptz where id = ${id}`,
  );
}

/** Every page from `after`: the ids pulled and the position to keep. */
async function pullCards(after?: string) {
  const ids: string[] = [];
  let cursor = after;
  for (;;) {
    const query = new URLSearchParams({ stream: "scorecards", ...(cursor ? { after: cursor } : {}) });
    const page = ok(await facilitator.get(`/api/v1/sync/pull?${query}`)) as unknown as {
      items: Array<{ id: string; version: number }>;
      next: string | null;
      position: string;
    };
    ids.push(...page.items.map((item) => item.id));
    if (!page.next) return { ids, position: page.position };
    cursor = page.next;
  }
}

describe("pull positions", () => {
  it("bring a change that commits after a later-timed change was pulled", async () => {
    const before = await pullCards();
    const early = new Date(Date.now() - 60_000);
    // The second card's change commits first with a later time; the first card's, timed earlier
    // (its transaction began first), commits after that was pulled.
    await changeCard(t.db, second, new Date());
    const seen = await pullCards(before.position);
    expect(seen.ids).toEqual([second]);
    await changeCard(t.db, first, early);
    const after = await pullCards(seen.position);
    expect(after.ids).toEqual([first]);
  });

  it.skipIf(!process.env.TEST_DATABASE_URL)(
    "never pass a change still being committed by a concurrent transaction (PostgreSQL)",
    async () => {
      const before = await pullCards();
      let release!: () => void;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let written!: () => void;
      const firstWritten = new Promise<void>((resolve) => {
        written = resolve;
      });
      // A push that began first: its change is written, its transaction still open.
      const slow = t.db.transaction(async (tx) => {
        await changeCard(tx, first, new Date(Date.now() - 1000));
        written();
        await held;
      });
      await firstWritten;
      // Another phone's push, timed later, commits meanwhile, and a pull runs.
      await changeCard(t.db, second, new Date());
      const during = await pullCards(before.position);
      release();
      await slow;
      const after = await pullCards(during.position);
      expect([...during.ids, ...after.ids].sort()).toEqual([first, second].sort());
    },
  );
});
