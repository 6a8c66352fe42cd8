import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it } from "vitest";
import { openFieldDatabase } from "./field-db";
import { readRecords, writeRecord } from "./field-records";
import {
  changeStorePassword,
  fieldState,
  lock,
  openAfterSignIn,
  openStore,
  unlock,
  unsentCount,
  wipe,
  wipeFor,
} from "./field-store";
import { cycle, local, me } from "./field-store.fixtures";

describe("field store", () => {
  beforeEach(async () => {
    await wipe();
  });

  it("opens at sign-in, seals what it keeps, and locks and unlocks with the password only", async () => {
    expect(await openAfterSignIn(me("u1", "Dara"), "first-password")).toBe(true);
    await writeRecord("cycle", cycle);
    // What IndexedDB holds is ciphertext: the facility's name is nowhere in it.
    const raw = await openFieldDatabase("u1").records.toArray();
    expect(raw).toHaveLength(1);
    expect(JSON.stringify(raw)).not.toContain("Secret School Name");
    expect(new TextDecoder().decode(raw[0]!.sealed.data)).not.toContain("Secret");

    lock();
    expect(fieldState().status).toBe("locked");
    expect(openStore()).toBeNull();
    expect(await unlock("wrong-password")).toBe(false);
    expect(fieldState().status).toBe("locked");
    expect(await unlock("first-password")).toBe(true);
    expect(openStore()?.me.displayName).toBe("Dara");
    expect(await readRecords("cycle")).toEqual([cycle]);
  });

  it("gives a second user of the phone a store of their own, and the first one's stays sealed", async () => {
    await openAfterSignIn(me("u1", "Dara"), "first-password");
    await writeRecord("cycle", cycle);
    await openAfterSignIn(me("u2", "Sokha"), "second-password");
    expect(await readRecords("cycle")).toEqual([]);
    // The first user's store is still there, for her next sign-in.
    await openAfterSignIn(me("u1", "Dara"), "first-password");
    expect(await readRecords("cycle")).toEqual([cycle]);
  });

  it("does not open with another password (changed elsewhere) and stays locked", async () => {
    await openAfterSignIn(me("u1", "Dara"), "first-password");
    lock();
    expect(await openAfterSignIn(me("u1", "Dara"), "changed-elsewhere")).toBe(false);
    expect(fieldState().status).toBe("locked");
    expect(await unlock("first-password")).toBe(true);
  });

  it("keeps working after the password is changed on this device", async () => {
    await openAfterSignIn(me("u1", "Dara"), "first-password");
    await writeRecord("cycle", cycle);
    await changeStorePassword("first-password", "new-password");
    lock();
    expect(await unlock("first-password")).toBe(false);
    expect(await unlock("new-password")).toBe(true);
    expect(await readRecords("cycle")).toEqual([cycle]);
  });

  it("counts unsent work without the key and erases everything on wipe, only for its owner", async () => {
    await openAfterSignIn(me("u1", "Dara"), "first-password");
    await openStore()!.db.outbox.put({
      id: "0190a000-0000-7000-8000-0000000000cc",
      type: "scorecard.create",
      recordId: "r",
      baseVersion: null,
      stamp: "2026-12-06T15:30:00.000Z-0001-dev",
      state: "pending",
      createdAt: new Date().toISOString(),
      sealed: { iv: new Uint8Array(12), data: new ArrayBuffer(0) },
      failure: null,
    });
    lock();
    expect(await unsentCount("u1")).toBe(1);
    expect(await unsentCount("someone-else")).toBe(0);
    await wipeFor("someone-else");
    expect(fieldState().status).toBe("locked");
    await wipeFor("u1");
    expect(fieldState().status).toBe("absent");
    expect(await openFieldDatabase("u1").records.count()).toBe(0);
    expect(local.size).toBe(0);
  });
});
