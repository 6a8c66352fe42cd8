import type { OutboxEntry } from "./field-db";

/** An entry's place in the queue: when it was first queued, whatever id it is sent under now. */
function placeOf(entry: OutboxEntry): string {
  return entry.queuedAs ?? entry.id;
}

/** The commands to send now: pending, in creation order, none behind a refused one of the same record. */
export function sendable(entries: readonly OutboxEntry[]): OutboxEntry[] {
  const blocked = new Set<string>();
  const ready: OutboxEntry[] = [];
  for (const entry of [...entries].sort((a, b) => (placeOf(a) < placeOf(b) ? -1 : 1))) {
    if (entry.state === "failed" || blocked.has(entry.recordId)) {
      blocked.add(entry.recordId);
      continue;
    }
    ready.push(entry);
  }
  return ready;
}

/**
 * A refused command sent again: the same change (type, record, payload, base version, stamp) as a
 * NEW command, under `id`. The server answers a command id it has seen with its first answer
 * forever (the ledger, docs/field-app.md), so sending the old id again could never succeed once the
 * facilitator had fixed the cause. The stamp stays, so the change merges as of when it was made.
 */
export function asResent(entry: OutboxEntry, id: string): OutboxEntry {
  return { ...entry, id, queuedAs: placeOf(entry), state: "pending", failure: null };
}
