import type { SyncStream } from "../../contracts/sync";

/**
 * A kind of record the field store holds and the sync engine pulls (docs/mechanisms/sync.md): the
 * server's stream it comes from, the name it is stored under, and what to fetch for it after a
 * pull (reference data its screens need offline). The features declare their kinds
 * (features/field/field.kinds.ts) and main.tsx hands them to the sync engine; nothing in offline/
 * knows a cycle or a score card.
 */
export interface FieldRecordKind {
  /** The name the records are stored under (readRecord, readRecords, writeRecord). */
  kind: string;
  /** The pull stream that brings them (GET /api/v1/sync/pull?stream=…). */
  stream: SyncStream;
  /** Run after every sync's pull, in the order of the kinds: download what the records need offline. */
  afterPull?: () => Promise<void>;
}
