import "fake-indexeddb/auto";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { Me } from "../../contracts/auth";
import { newCard } from "./card-reducer";
import { openFieldDatabase } from "./field-db";
import { changeHeldCard, readRecord, readRecords, writeRecord } from "./field-records";
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

// The store keeps whose data it is in localStorage and asks navigator.storage for persistence: give
// Node the two small browser pieces it lacks.
const local = new Map<string, string>();
vi.stubGlobal("localStorage", {
  getItem: (key: string) => local.get(key) ?? null,
  setItem: (key: string, value: string) => local.set(key, value),
  removeItem: (key: string) => local.delete(key),
});
vi.stubGlobal("navigator", { storage: { persisted: async () => false, persist: async () => true } });

function me(id: string, name: string): Me {
  return {
    id,
    username: name.toLowerCase(),
    displayName: name,
    roles: ["facilitator"],
    area: { national: false, codes: ["150101"] },
    locale: "km",
    organisationId: null,
    totpEnabled: false,
    mustEnrolTotp: false,
    abilities: ["cycle:facilitate"],
  };
}

const cycle = {
  id: "0190a000-0000-7000-8000-000000000001",
  year: 2026,
  sectorCode: "PS",
  communeCode: "150101",
  programme: { id: "0190a000-0000-7000-8000-0000000000aa", nameKm: "កម្មវិធី", nameEn: "Programme" },
  facility: {
    id: "0190a000-0000-7000-8000-0000000000bb",
    code: "PS-1",
    nameKm: "សាលា",
    nameEn: "Secret School Name",
  },
  path: [],
  status: "planned" as const,
  version: 1,
  can: { createCommunity: true, createSelf: false },
};

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
