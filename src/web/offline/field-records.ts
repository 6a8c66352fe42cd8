import { uuidv7 } from "uuidv7";
import type { z } from "zod";
import type { IndicatorList } from "../../contracts/isaf";
import type { PlaceSummary } from "../../contracts/places";
import type { IndicatorRef, Scorecard } from "../../contracts/scorecards";
import type { SyncCycle } from "../../contracts/sync";
import { createClock, formatTimestamp, parseTimestamp, tick } from "../../domain/sync/hlc";
import { applyToCard, type Lookups, newCard } from "./card-reducer";
import { type CardRequest, commandsFor } from "./card-requests";
import { seal, unseal } from "./field-crypto";
import { type OutboxEntry, readMeta, type StoredRecord, writeMeta } from "./field-db";
import { openStore } from "./field-store";
import { asResent } from "./outbox-order";

/**
 * Reading and writing the open field store: downloaded cycles and cards, reference data, and the
 * outbox. A change to a card held here is queued as a command and applied to the local copy in one
 * IndexedDB transaction, so the card on screen and the queue never disagree, even if the tab dies.
 */

type Store = NonNullable<ReturnType<typeof openStore>>;

function store(): Store {
  const open = openStore();
  if (!open) throw new Error("the field store is locked");
  return open;
}

export async function readRecord<T>(kind: "cycle" | "scorecard", id: string): Promise<T | null> {
  const open = openStore();
  if (!open) return null;
  const record = await open.db.records.get(id);
  return record && record.kind === kind ? unseal<T>(open.key, record.sealed) : null;
}

export async function readRecords<T>(kind: "cycle" | "scorecard"): Promise<T[]> {
  const { db, key } = store();
  const records = await db.records.where("kind").equals(kind).toArray();
  return Promise.all(records.map((record) => unseal<T>(key, record.sealed)));
}

export async function sealRecord(
  kind: "cycle" | "scorecard",
  value: SyncCycle | Scorecard,
): Promise<StoredRecord> {
  const { key } = store();
  const cycleId = kind === "cycle" ? value.id : (value as Scorecard).cycleId;
  return { kind, id: value.id, cycleId, sealed: await seal(key, value) };
}

export async function writeRecord(kind: "cycle" | "scorecard", value: SyncCycle | Scorecard): Promise<void> {
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

/** The catalogue URL the meeting screens read for a cycle (scorecards.api.ts, useCatalogue). */
export function catalogueUrl(sectorCode: string, programmeId: string): string {
  return `/api/v1/indicators?sector=${encodeURIComponent(sectorCode)}&status=active&programme=${encodeURIComponent(programmeId)}`;
}

export function villagesUrl(communeCode: string): string {
  return `/api/v1/places?parent=${communeCode}`;
}

async function lookupsFor(card: Scorecard): Promise<Lookups> {
  const catalogue = await readReference<z.infer<typeof IndicatorList>>(
    catalogueUrl(card.cycle.sectorCode, card.cycle.programme.id),
  );
  const villages = await readReference<{ items: PlaceSummary[] }>(villagesUrl(card.cycle.communeCode));
  const indicators = new Map<string, IndicatorRef>(
    (catalogue?.items ?? []).map((item) => [
      item.id,
      { id: item.id, code: item.code, nameKm: item.nameKm, nameEn: item.nameEn, status: item.status },
    ]),
  );
  return {
    indicator: (id) => indicators.get(id),
    village: (code) => villages?.items.find((village) => village.code === code),
  };
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
async function outboxEntry(
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
async function storeChange(entries: OutboxEntry[], record: StoredRecord): Promise<void> {
  const { db } = store();
  await db.transaction("rw", db.records, db.outbox, async () => {
    await db.outbox.bulkPut(entries);
    await db.records.put(record);
  });
}

/**
 * Queues the change of a card held on the device (one or more commands) and applies it to the local
 * copy. Returns the new local card, or null when the change is not field work (it then goes to the
 * API directly).
 */
export function changeHeldCard(cardId: string, request: CardRequest): Promise<Scorecard | null> {
  return oneAtATime(cardId, () => changeHeldCardNow(cardId, request));
}

/**
 * Changes of one card run one after the other: each reads the card the previous one wrote, so that
 * two quick changes (one participant's scores, then the next) both reach the local copy and each
 * command carries the right base version.
 */
const cardQueues = new Map<string, Promise<unknown>>();
function oneAtATime<T>(cardId: string, work: () => Promise<T>): Promise<T> {
  const previous = cardQueues.get(cardId) ?? Promise.resolve();
  const next = previous.then(work, work);
  const settled = next.catch(() => undefined);
  cardQueues.set(cardId, settled);
  void settled.then(() => {
    if (cardQueues.get(cardId) === settled) cardQueues.delete(cardId);
  });
  return next;
}

async function changeHeldCardNow(cardId: string, request: CardRequest): Promise<Scorecard | null> {
  const card = await readRecord<Scorecard>("scorecard", cardId);
  if (!card) return null;
  const commands = commandsFor(card, request);
  if (!commands) return null;
  const lookups = await lookupsFor(card);
  let updated = card;
  const entries: OutboxEntry[] = [];
  for (const command of commands) {
    updated = applyToCard(updated, command, lookups);
    entries.push(
      await outboxEntry(
        { type: command.type, recordId: cardId, baseVersion: command.baseVersion },
        command.payload,
      ),
    );
  }
  await storeChange(entries, await sealRecord("scorecard", updated));
  return updated;
}

/**
 * Keeps the server's copy of a card held on the device (after a change made through the API), unless
 * commands for it still wait: the device's copy has them, the server's does not yet.
 */
export async function keepIfHeld(card: Scorecard): Promise<void> {
  if (!openStore() || !(await readRecord("scorecard", card.id))) return;
  await writeUnlessQueued(await sealRecord("scorecard", card));
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

/** Makes a card for a downloaded cycle on the device; the server gets it as scorecard.create. */
export async function createHeldCard(
  cycle: SyncCycle,
  kind: Scorecard["kind"],
  mode: Scorecard["mode"],
): Promise<Scorecard> {
  const id = uuidv7();
  const { status: _status, version: _version, can: _can, ...ref } = cycle;
  const card = newCard(id, ref, kind, mode);
  const entry = await outboxEntry(
    { type: "scorecard.create", recordId: id, baseVersion: null },
    { cycleId: cycle.id, kind, mode },
  );
  await storeChange([entry], await sealRecord("scorecard", card));
  return card;
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
