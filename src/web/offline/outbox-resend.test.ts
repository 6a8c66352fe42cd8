import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { isUuidV7 } from "../../domain/sync/commands";
import type { OutboxEntry } from "./field-db";
import { resendCommand } from "./field-records";
import { openAfterSignIn, openStore, wipe } from "./field-store";
import { me as fixtureMe } from "./field-store.fixtures";
import { sendable } from "./outbox-order";

/**
 * Issue 12, part 6: "Send again" after a refusal. The server answers a command id it has seen with
 * its first answer for ever, so the same change must go again as a new command (a new id), keeping
 * its stamp, its payload and its place in the queue, and nothing may be lost or queued twice.
 */
const me = fixtureMe("u1", "Dara");

function entry(id: string, recordId: string, state: OutboxEntry["state"]): OutboxEntry {
  return {
    id,
    type: "scorecard.updateDetails",
    recordId,
    baseVersion: 3,
    stamp: `2026-12-06T15:30:00.000Z-000${id.slice(-1)}-dev`,
    state,
    createdAt: "2026-12-06T15:30:00.000Z",
    sealed: { iv: new Uint8Array(12), data: new ArrayBuffer(4) },
    failure:
      state === "failed"
        ? { status: "conflict", code: "scorecard_locked", message: "locked", paths: [] }
        : null,
  };
}

const refused = entry("0190a000-0000-7000-8000-000000000001", "card", "failed");
const behind = entry("0190a000-0000-7000-8000-000000000002", "card", "pending");
const other = entry("0190a000-0000-7000-8000-000000000003", "other", "pending");

describe("send again", () => {
  beforeEach(async () => {
    await wipe();
    await openAfterSignIn(me, "first-password");
    await openStore()!.db.outbox.bulkPut([refused, behind, other]);
  });

  it("queues the same change as a new command in place of the refused one", async () => {
    const again = await resendCommand(refused.id);
    expect(again).not.toBeNull();
    expect(again!.id).not.toBe(refused.id);
    expect(isUuidV7(again!.id)).toBe(true);
    const { id: _old, state: _s, failure: _f, ...change } = refused;
    expect(again).toEqual({
      ...change,
      id: again!.id,
      queuedAs: refused.id,
      state: "pending",
      failure: null,
    });
    const queued = await openStore()!.db.outbox.toArray();
    expect(queued.map((queuedEntry) => queuedEntry.id).sort()).toEqual(
      [again!.id, behind.id, other.id].sort(),
    );
  });

  it("sends it before the card's commands that waited behind it, as when it was first queued", async () => {
    expect(sendable(await openStore()!.db.outbox.toArray()).map((ready) => ready.id)).toEqual([other.id]);
    const again = await resendCommand(refused.id);
    expect(sendable(await openStore()!.db.outbox.toArray()).map((ready) => ready.id)).toEqual([
      again!.id,
      behind.id,
      other.id,
    ]);
    // Refused a second time and sent again: still one entry, still first.
    await openStore()!.db.outbox.put({ ...again!, state: "failed" });
    const third = await resendCommand(again!.id);
    expect(third!.queuedAs).toBe(refused.id);
    expect(await openStore()!.db.outbox.count()).toBe(3);
    expect(sendable(await openStore()!.db.outbox.toArray())[0]!.id).toBe(third!.id);
  });

  it("does nothing for a command no longer queued (discarded meanwhile)", async () => {
    await openStore()!.db.outbox.delete(refused.id);
    expect(await resendCommand(refused.id)).toBeNull();
    expect(await openStore()!.db.outbox.count()).toBe(2);
  });
});
