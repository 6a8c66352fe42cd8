import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { readRecord, writeRecord } from "../../offline/field-records";
import { openAfterSignIn, openStore, wipe } from "../../offline/field-store";
import { cycle, me } from "../../offline/field-store.fixtures";
import { newCard } from "./card-reducer";
import { changeHeldCard } from "./scorecards.field";

describe("a card held in the field store", () => {
  beforeEach(async () => {
    await wipe();
  });

  it("applies two quick changes of one card both, one after the other, each with its own number", async () => {
    await openAfterSignIn(me("u1", "Dara"), "first-password");
    const { status: _s, version: _v, can: _c, ...ref } = cycle;
    const card = newCard("0190a000-0000-7000-8000-0000000000dd", ref, "community", "individual");
    await writeRecord("scorecard", card);
    const add = (age: number) =>
      changeHeldCard(card.id, {
        method: "POST",
        path: "/participants",
        body: { participants: [{ sex: "female", age }] },
      });
    await Promise.all([add(12), add(40)]);
    const held = await readRecord<typeof card>("scorecard", card.id);
    expect(held?.participants?.map((p) => [p.number, p.age])).toEqual([
      [1, 12],
      [2, 40],
    ]);
    expect(held?.version).toBe(3);
    expect(await openStore()!.db.outbox.count()).toBe(2);
  });
});
