import { uuidv7 } from "uuidv7";
import { createClock, formatTimestamp, parseTimestamp, tick } from "../../domain/sync/hlc";
import { seal, unseal } from "./field-crypto";
import { type OutboxEntry, readMeta, type StoredRecord, writeMeta } from "./field-db";
import { openStore } from "./field-store";
import { asResent } from "./outbox-order";

/**
 * Reading and writing the open field store: records of the registered kinds (record-kinds.ts),
 * reference data, and the outbox. A change to a record held here is queued as a command and stored
 * with the record as it is after it, in one IndexedDB transaction (storeChange), so the record on
 * screen and the queue never disagree, even if the tab dies. What a change does to a record is the
 * feature's (a score card's: features/scorecards/scorecards.field.ts).
 */

type Store = NonNullable<ReturnType<typeof openStore>>;

function store(): Store {
  const open = openStore();
  if (!open) throw new Error("the field store is locked");
  return open;
}

export async function readRecord<T>(kind: string, id: string): Promise<T | null> {
  const open = openStore();
  if (!open) return null;
  const record = await open.db.records.get(id);
  return record && record.kind === kind ? unseal<T>(open.key, record.sealed) : null;
}

export async function readRecords<T>(kind: string): Promise<T[]> {
  const { db, key } = store();
  const records = await db.records.where("kind").equals(kind).toArray();
  return Promise.all(records.map((record) => unseal<T>(key, record.sealed)));
}

export async function sealRecord(kind: string, value: { id: string }): Promise<StoredRecord> {
  return { kind, id: value.id, sealed: await seal(store().key, value) };
}

export async function writeRecord(kind: string, value: { id: string }): Promise<void> {
  await store().db.records.put(await sealRecord(kind, value));
}

/** Reference data (catalogue, rating scale, villages) kept under the URL it was read from. */
export async function saveReference(url: string, data: unknown): Promise<void> {
  const open = openStore();
  if (!open) return;
  await open.db.references.put({
    url,
    sealed: await seal(open.key, data),
    savedAt: new Date().toISOString(),
  });
}

export async function readReference<T>(url: string): Promise<T | null> {
  const open = openStore();
  if (!open) return null;
  const stored = await open.db.references.get(url);
  return stored ? unseal<T>(open.key, stored.sealed) : null;
}

/** The device's id: names its clock and its pushes. */
export async function deviceId(): Promise<string> {
  const { db } = store();
  let id = await readMeta<string>(db, "deviceId");
  if (!id) {
    id = Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => byte.toString(36).padStart(2, "0"))
      .join("")
      .slice(0, 16);
    await writeMeta(db, "deviceId", id);
  }
  return id;
}

/** The next hybrid-logical-clock stamp of this device (src/domain/sync/hlc.ts). */
async function nextStamp(): Promise<string> {
  const { db } = store();
  const last = await readMeta<string>(db, "clock");
  const clock = last ? parseTimestamp(last) : createClock(await deviceId());
  const stamp = formatTimestamp(tick(clock, Date.now()));
  await writeMeta(db, "clock", stamp);
  return stamp;
}

/** An outbox entry, sealed and stamped, ready to be stored with the record it changes. */
export async function outboxEntry(
  entry: Pick<OutboxEntry, "type" | "recordId" | "baseVersion">,
  payload: unknown,
): Promise<OutboxEntry> {
  return {
    ...entry,
    id: uuidv7(),
    stamp: await nextStamp(),
    state: "pending",
    createdAt: new Date().toISOString(),
    sealed: await seal(store().key, payload),
    failure: null,
  };
}

/**
 * Stores a command and the record as it is after it, together. Sealing (WebCrypto) happens before:
 * awaiting anything but IndexedDB inside a transaction would let it commit early.
 */
export async function storeChange(entries: OutboxEntry[], record: StoredRecord): Promise<void> {
  const { db } = store();
  await db.transaction("rw", db.records, db.outbox, async () => {
    await db.outbox.bulkPut(entries);
    await db.records.put(record);
  });
}

/**
 * Writes a record from the server unless commands for it wait on the device, checked and written in
 * one transaction so that a change recorded meanwhile is never overwritten (the pull uses it too).
 */
export async function writeUnlessQueued(record: StoredRecord): Promise<void> {
  const { db } = store();
  await db.transaction("rw", db.records, db.outbox, async () => {
    if ((await db.outbox.where("recordId").equals(record.id).count()) === 0) await db.records.put(record);
  });
}

/** Deletes a record that left the user's scope, unless commands for it wait (the push then says why). */
export async function deleteUnlessQueued(id: string): Promise<void> {
  const { db } = store();
  await db.transaction("rw", db.records, db.outbox, async () => {
    if ((await db.outbox.where("recordId").equals(id).count()) === 0) await db.records.delete(id);
  });
}

/** Queues a command that changes no record held on the device (an outreach session, a link to a photo). */
export async function queueCommand(
  type: string,
  recordId: string,
  payload: Record<string, unknown>,
): Promise<void> {
  await store().db.outbox.put(await outboxEntry({ type, recordId, baseVersion: null }, payload));
}

/**
 * Sends a refused command again, as a new command carrying the same change (outbox-order.ts
 * asResent): the refused one is replaced in one transaction, so the change is never lost nor queued
 * twice. Answers with the new entry, or null when the command is no longer queued.
 */
export async function resendCommand(id: string): Promise<OutboxEntry | null> {
  const { db } = store();
  return db.transaction("rw", db.outbox, async () => {
    const refused = await db.outbox.get(id);
    if (!refused) return null;
    const again = asResent(refused, uuidv7());
    await db.outbox.delete(id);
    await db.outbox.put(again);
    return again;
  });
}
