import { useQueryClient } from "@tanstack/react-query";
import { liveQuery } from "dexie";
import { useEffect, useState, useSyncExternalStore } from "react";
import type { Scorecard } from "../../../contracts/scorecards";
import type { SyncCycle } from "../../../contracts/sync";
import { api, isApiError } from "../../api/client";
import { unseal } from "../../offline/field-crypto";
import type { OutboxEntry, SentEntry, UploadEntry } from "../../offline/field-db";
import { readRecords, resendCommand, writeRecord } from "../../offline/field-records";
import { openStore, useFieldState } from "../../offline/field-store";
import { subscribeSync, syncNow, syncStatus } from "../../offline/sync-engine";
import { scorecardKeys } from "../scorecards/scorecards.api";

/**
 * What the field screens show, read live from the field store (they change as the sync engine works
 * and as the facilitator records), and the actions on failed commands.
 */

/** Re-runs `read` whenever the store's tables change; undefined until the first answer. */
function useLive<T>(read: () => Promise<T>, deps: unknown[]): T | undefined {
  const [value, setValue] = useState<T>();
  const field = useFieldState();
  useEffect(() => {
    if (field.status !== "open") return;
    const subscription = liveQuery(read).subscribe({ next: setValue, error: () => setValue(undefined) });
    return () => subscription.unsubscribe();
  }, [field, ...deps]);
  return field.status === "open" ? value : undefined;
}

export interface HeldCycle {
  cycle: SyncCycle;
  cards: Scorecard[];
}

/** The downloaded cycles with their cards, facility by facility. */
export function useHeldWork(): HeldCycle[] | undefined {
  return useLive(async () => {
    const [cycles, cards] = await Promise.all([
      readRecords<SyncCycle>("cycle"),
      readRecords<Scorecard>("scorecard"),
    ]);
    return cycles
      .sort((a, b) => a.facility.code.localeCompare(b.facility.code) || b.year - a.year)
      .map((cycle) => ({ cycle, cards: cards.filter((card) => card.cycleId === cycle.id) }));
  }, []);
}

export function useOutbox(): OutboxEntry[] | undefined {
  return useLive(async () => (await openStore()?.db.outbox.toArray()) ?? [], []);
}

export interface QueuedSession {
  id: string;
  cycleId: string;
  heldOn: string;
  total: number;
  photoWaiting: boolean;
}

/** Outreach sessions recorded on this phone and not yet sent (read from the outbox). */
export function useQueuedSessions(): QueuedSession[] | undefined {
  return useLive(async () => {
    const open = openStore();
    if (!open) return [];
    const [entries, uploads] = await Promise.all([
      open.db.outbox
        .where("recordId")
        .notEqual("")
        .filter((entry) => entry.type === "i4c.recordSession")
        .toArray(),
      open.db.uploads.toArray(),
    ]);
    return Promise.all(
      entries.map(async (entry) => {
        const payload = await unseal<{
          cycleId: string;
          heldOn: string;
          attendance: Record<string, Record<string, number>>;
        }>(open.key, entry.sealed);
        const total = Object.values(payload.attendance)
          .flatMap((bands) => Object.values(bands))
          .reduce((sum, n) => sum + n, 0);
        const photoWaiting = uploads.some((upload) => upload.recordId === entry.recordId);
        return { id: entry.recordId, cycleId: payload.cycleId, heldOn: payload.heldOn, total, photoWaiting };
      }),
    );
  }, []);
}

/**
 * A citizen's message written down on this phone and not yet stored: its code, to give again if asked,
 * and, when the server refused it (the writer lost her right to write for that commune), why and the
 * words, to pass on by other means.
 */
export interface QueuedFeedback {
  id: string;
  trackingCode: string;
  text: string;
  refusal: string | null;
}

/** Citizens' messages written down on this phone and not yet sent (read from the outbox). */
export function useQueuedFeedback(): QueuedFeedback[] | undefined {
  return useLive(async () => {
    const open = openStore();
    if (!open) return [];
    const entries = await open.db.outbox.filter((entry) => entry.type === "feedback.write").toArray();
    return Promise.all(
      entries.map(async (entry) => {
        const payload = await unseal<{ trackingCode: string; text: string }>(open.key, entry.sealed);
        return {
          id: entry.recordId,
          trackingCode: payload.trackingCode,
          text: payload.text,
          refusal: entry.state === "failed" ? (entry.failure?.message ?? "") : null,
        };
      }),
    );
  }, []);
}

export function useUploads(): UploadEntry[] | undefined {
  return useLive(async () => (await openStore()?.db.uploads.toArray()) ?? [], []);
}

export function useSent(): SentEntry[] | undefined {
  return useLive(
    async () => (await openStore()?.db.sent.orderBy("appliedAt").reverse().limit(20).toArray()) ?? [],
    [],
  );
}

export function useSyncStatus() {
  return useSyncExternalStore(subscribeSync, syncStatus);
}

export interface StorageInfo {
  usage: number;
  quota: number;
  persisted: boolean;
}

/** The browser's storage use and whether it promised to keep our data (navigator.storage). */
export function useStorage(): StorageInfo | null {
  const [info, setInfo] = useState<StorageInfo | null>(null);
  const status = useSyncStatus();
  useEffect(() => {
    if (!navigator.storage?.estimate) return;
    void Promise.all([navigator.storage.estimate(), navigator.storage.persisted()]).then(
      ([estimate, persisted]) =>
        setInfo({ usage: estimate.usage ?? 0, quota: estimate.quota ?? 0, persisted }),
    );
  }, [status.lastSyncAt]);
  return info;
}

/** Storage is short when more than 80 % is used or less than 50 MB is left. */
export function storageIsShort(info: StorageInfo): boolean {
  return info.quota > 0 && (info.usage / info.quota > 0.8 || info.quota - info.usage < 50 * 1024 * 1024);
}

/**
 * Sends a refused command again (after the cause was fixed elsewhere, or a transient refusal): as a
 * new command carrying the same change, since the server answers a known id with its first refusal.
 */
export async function retryCommand(entry: OutboxEntry): Promise<void> {
  if (!openStore()) return;
  await resendCommand(entry.id);
  await syncNow();
}

/** The server's copy of a card, or null when the server has none (or none this user may see). */
async function serverCard(id: string): Promise<Scorecard | null> {
  try {
    return await api.get<Scorecard>(`/api/v1/scorecards/${encodeURIComponent(id)}`);
  } catch (error) {
    if (isApiError(error) && error.status === 404) return null;
    throw error;
  }
}

/** Tries a refused upload again, or drops it (the record it belonged to stays, without the photo). */
export async function retryUpload(entry: UploadEntry): Promise<void> {
  await openStore()?.db.uploads.put({ ...entry, failure: null });
  await syncNow();
}

export async function discardUpload(entry: UploadEntry): Promise<void> {
  await openStore()?.db.uploads.delete(entry.id);
}

/**
 * Drops a refused command. When nothing else is queued for its card, the card is read again from the
 * server, so the device shows what the server holds, not the change that was refused.
 */
export function useDiscardCommand() {
  const queryClient = useQueryClient();
  return async (entry: OutboxEntry) => {
    const open = openStore();
    if (!open) return;
    const others = (await open.db.outbox.where("recordId").equals(entry.recordId).count()) - 1;
    // Read the server's copy first: with no network this throws and nothing is dropped.
    const serverCopy = others === 0 ? await serverCard(entry.recordId) : undefined;
    await open.db.outbox.delete(entry.id);
    if (serverCopy) await writeRecord("scorecard", serverCopy);
    // The card never reached the server (its creation was refused or discarded): it goes too.
    if (serverCopy === null) await open.db.records.delete(entry.recordId);
    await queryClient.invalidateQueries({ queryKey: scorecardKeys.all });
  };
}
