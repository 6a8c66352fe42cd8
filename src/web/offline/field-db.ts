import { Dexie, type EntityTable } from "dexie";
import type { Sealed } from "./field-crypto";

/**
 * The field store: one IndexedDB database per user on this device (so a second user of a shared phone
 * opens a different database and cannot even read the first one's metadata through the app). Whatever
 * describes a person or a meeting is sealed (field-crypto.ts); only ids, kinds, states and times are
 * in clear, for the indexes.
 */

/** A record downloaded or made on the device, of a registered kind (record-kinds.ts): its DTO, sealed. */
export interface StoredRecord {
  kind: string;
  id: string;
  sealed: Sealed;
}

/** Reference data read through the API and kept for offline use (catalogue, rating scale, villages). */
export interface StoredReference {
  url: string;
  sealed: Sealed;
  savedAt: string;
}

export type OutboxState = "pending" | "failed";

/** A command waiting to reach the server, or refused by it and waiting for the user. */
export interface OutboxEntry {
  /** UUIDv7: sorts by creation time. */
  id: string;
  type: string;
  recordId: string;
  baseVersion: number | null;
  stamp: string;
  state: OutboxState;
  createdAt: string;
  /** The payload, sealed. */
  sealed: Sealed;
  /** The server's refusal (state "failed"). */
  failure: { status: "rejected" | "conflict"; code: string; message: string; paths: string[] } | null;
  /**
   * The id it was first queued under, when it is the same change sent again after a refusal under a
   * new id (resendCommand): it keeps its place in the queue.
   */
  queuedAs?: string;
}

/**
 * A photo or recording waiting to be uploaded in chunks (resumable: the server says which chunks it
 * holds). Once the server has it whole, the command that links it (`linkType`) joins the outbox.
 */
export interface UploadEntry {
  /** UUIDv7 chosen on the device; the server's upload id too. */
  id: string;
  /** The record the file belongs to (e.g. an outreach session). */
  recordId: string;
  /** The command that links the finished file to the record, and its payload (the upload id is added). */
  linkType: string;
  linkPayload: Record<string, unknown>;
  fileName: string;
  contentType: string;
  byteSize: number;
  sha256: string;
  /** The file, sealed. */
  sealed: Sealed;
  createdAt: string;
  failure: { code: string; message: string } | null;
}

/** A command the server applied: the "went through" list of the sync screen (the newest are kept). */
export interface SentEntry {
  id: string;
  type: string;
  recordId: string;
  appliedAt: string;
  /** Fields of the change where a later write (another phone, or online) was kept instead. */
  overtaken?: string[];
}

/** Plain settings of the store: the wrapped key, the device id, the clock, the pull positions, times. */
export interface MetaEntry {
  key: string;
  value: unknown;
}

export type FieldDatabase = Dexie & {
  meta: EntityTable<MetaEntry, "key">;
  records: EntityTable<StoredRecord, "id">;
  references: EntityTable<StoredReference, "url">;
  outbox: EntityTable<OutboxEntry, "id">;
  sent: EntityTable<SentEntry, "id">;
  uploads: EntityTable<UploadEntry, "id">;
};

export function databaseName(userId: string): string {
  return `samleng-field-${userId}`;
}

export function openFieldDatabase(userId: string): FieldDatabase {
  const db = new Dexie(databaseName(userId)) as FieldDatabase;
  db.version(1).stores({
    meta: "key",
    records: "id, kind, cycleId",
    references: "url",
    outbox: "id, state, recordId",
    sent: "id, appliedAt",
    uploads: "id, recordId",
  });
  // Version 2: records are of any registered kind, indexed by kind only (the cycle index was never read).
  db.version(2).stores({ records: "id, kind" });
  return db;
}

export function deleteFieldDatabase(userId: string): Promise<void> {
  return Dexie.delete(databaseName(userId));
}

export async function readMeta<T>(db: FieldDatabase, key: string): Promise<T | undefined> {
  return (await db.meta.get(key))?.value as T | undefined;
}

export function writeMeta(db: FieldDatabase, key: string, value: unknown): Promise<string> {
  return db.meta.put({ key, value });
}
