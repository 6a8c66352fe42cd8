import type { z } from "zod";
import type { PullResponse, PushResponse, SyncCommand } from "../../contracts/sync";
import { api, isApiError } from "../api/client";
import { unseal } from "./field-crypto";
import { type OutboxEntry, readMeta, writeMeta } from "./field-db";
import { deleteUnlessQueued, deviceId, sealRecord, writeUnlessQueued } from "./field-records";
import { fieldState, openStore, subscribeField } from "./field-store";
import { uploadAll } from "./field-uploads";
import { sendable } from "./outbox-order";
import type { FieldRecordKind } from "./record-kinds";

/**
 * Moves the outbox to the server and the user's work from it. One run at a time: push every pending
 * command (in creation order, at most 100 a request, a record's commands held back behind one the
 * server refused in an earlier push; within one push the server applies them all, see
 * docs/field-app.md), then pull each stream from its last position. A network failure retries with
 * growing waits (5 s doubling to 5 min); a cut in the middle is harmless because the server answers
 * a command it has seen with its first answer.
 */

const BATCH = 100;
const PAGE = 100;
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;
const SENT_KEPT = 200;

export type SyncPhase = "idle" | "pushing" | "pulling";

export interface SyncStatus {
  phase: SyncPhase;
  lastSyncAt: string | null;
  /** The last run's failure that was not a command's refusal (network, session), as an error. */
  error: Error | null;
  /** When the next automatic attempt is due after a failure (ms since 1970), or null. */
  retryAt: number | null;
}

let status: SyncStatus = { phase: "idle", lastSyncAt: null, error: null, retryAt: null };
const listeners = new Set<() => void>();
let running: Promise<void> | null = null;
let failures = 0;
let retryTimer: ReturnType<typeof setTimeout> | undefined;
let afterChange: () => void = () => {};

function setStatus(next: Partial<SyncStatus>): void {
  status = { ...status, ...next };
  for (const listener of listeners) listener();
}

export function syncStatus(): SyncStatus {
  return status;
}

export function subscribeSync(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

type PushResult = z.infer<typeof PushResponse>["results"][number];

async function pushBatch(entries: OutboxEntry[]): Promise<void> {
  const open = openStore();
  if (!open) return;
  const commands: SyncCommand[] = await Promise.all(
    entries.map(async (entry) => ({
      id: entry.id,
      type: entry.type,
      recordId: entry.recordId,
      payload: await unseal(open.key, entry.sealed),
      baseVersion: entry.baseVersion,
      stamp: entry.stamp,
    })),
  );
  const { results } = await api.post<{ results: PushResult[] }>("/api/v1/sync/push", {
    deviceId: await deviceId(),
    commands,
  });
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const now = new Date().toISOString();
  await open.db.transaction("rw", open.db.outbox, open.db.sent, async () => {
    for (const result of results) {
      const entry = byId.get(result.id);
      if (!entry) continue;
      if (result.status === "applied") {
        await open.db.outbox.delete(entry.id);
        const { overtaken } = result.result;
        await open.db.sent.put({
          id: entry.id,
          type: entry.type,
          recordId: entry.recordId,
          appliedAt: now,
          ...(overtaken?.length ? { overtaken } : {}),
        });
      } else {
        await open.db.outbox.put({
          ...entry,
          state: "failed",
          failure: {
            status: result.status,
            code: result.code,
            message: result.message,
            paths: result.errors.map((error) => `${error.path}: ${error.message}`),
          },
        });
      }
    }
  });
  const old = await open.db.sent.orderBy("appliedAt").reverse().offset(SENT_KEPT).primaryKeys();
  await open.db.sent.bulkDelete(old);
}

async function pushAll(): Promise<void> {
  for (;;) {
    const open = openStore();
    if (!open) return;
    const ready = sendable(await open.db.outbox.toArray()).slice(0, BATCH);
    if (ready.length === 0) return;
    await pushBatch(ready);
  }
}

type Pulled = z.infer<typeof PullResponse>;

/** The record kinds the engine pulls (startSyncEngine), in their order. */
let kinds: FieldRecordKind[] = [];

async function pullStream({ kind, stream }: FieldRecordKind): Promise<void> {
  const open = openStore();
  if (!open) return;
  let after = await readMeta<string>(open.db, `position.${stream}`);
  for (;;) {
    const query = new URLSearchParams({ stream, limit: String(PAGE), ...(after ? { after } : {}) });
    const page = await api.get<Pulled>(`/api/v1/sync/pull?${query}`);
    for (const item of page.items) {
      // A record with commands still on the device keeps the device's copy until they are applied.
      await writeUnlessQueued(await sealRecord(kind, item as { id: string }));
    }
    if (page.inScope) {
      // Loss of access arrives as absence from the last page's list: delete what is no longer ours,
      // unless the device still has changes for it (the push then says why they were refused).
      const allowed = new Set(page.inScope);
      const held = await open.db.records.where("kind").equals(kind).primaryKeys();
      for (const id of held) if (!allowed.has(id)) await deleteUnlessQueued(id);
    }
    after = page.next ?? page.position;
    if (!page.next) break;
  }
  await writeMeta(open.db, `position.${stream}`, after);
}

async function run(): Promise<void> {
  const open = openStore();
  if (!open) return;
  try {
    setStatus({ phase: "pushing", error: null });
    await uploadAll();
    await pushAll();
    setStatus({ phase: "pulling" });
    for (const recordKind of kinds) await pullStream(recordKind);
    for (const recordKind of kinds) await recordKind.afterPull?.();
    const now = new Date().toISOString();
    await writeMeta(open.db, "lastSyncAt", now);
    failures = 0;
    setStatus({ phase: "idle", lastSyncAt: now, retryAt: null });
  } catch (error) {
    setStatus({ phase: "idle", error: error as Error, retryAt: null });
    // Retry by itself only after a network failure; a refused session or a server error waits for the user.
    if (isApiError(error) && error.status === 0) scheduleRetry();
  } finally {
    afterChange();
  }
}

function scheduleRetry(): void {
  clearTimeout(retryTimer);
  const wait = Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** failures);
  failures += 1;
  const retryAt = Date.now() + wait;
  setStatus({ retryAt });
  retryTimer = setTimeout(() => void syncNow(), wait);
}

let again = false;

/**
 * Runs a sync now. Asked while one runs, it runs once more after it, so that a change queued after
 * the push phase started is not left waiting for the next timer.
 */
export function syncNow(): Promise<void> {
  clearTimeout(retryTimer);
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      await run();
    } while (again && !status.error);
  })().finally(() => {
    running = null;
  });
  return running;
}

/** Reads the stored time of the last complete sync (after an unlock). */
export async function loadLastSync(): Promise<void> {
  const open = openStore();
  if (open) setStatus({ lastSyncAt: (await readMeta<string>(open.db, "lastSyncAt")) ?? null });
}

let soonTimer: ReturnType<typeof setTimeout> | undefined;

/** Syncs shortly after a change (a burst of changes, such as one score after another, makes one push). */
export function syncSoon(delayMs = 800): void {
  clearTimeout(soonTimer);
  if (!navigator.onLine) return; // the "online" event starts the next run
  soonTimer = setTimeout(() => void syncNow(), delayMs);
}

const PERIODIC_MS = 2 * 60_000;

let started = false;

/**
 * Starts syncing by itself: now, when the network comes back, when the store opens again, and every
 * two minutes, pulling the given record kinds (features/field/field.kinds.ts). `onChanged` refreshes
 * the screens after a sync changed local records. Called once the first field store opens
 * (main.tsx); later calls do nothing.
 */
export function startSyncEngine(recordKinds: FieldRecordKind[], onChanged: () => void): void {
  if (started) return;
  started = true;
  kinds = recordKinds;
  afterChange = onChanged;
  const whenOpen = () => {
    if (fieldState().status !== "open") return;
    void loadLastSync();
    if (navigator.onLine) void syncNow();
  };
  window.addEventListener("online", () => void syncNow());
  subscribeField(whenOpen);
  setInterval(() => {
    if (navigator.onLine && openStore()) void syncNow();
  }, PERIODIC_MS);
  whenOpen();
}
