import type { OutboxEntry } from "./field-db";

/** The commands to send now: pending, in creation order, none behind a refused one of the same record. */
export function sendable(entries: readonly OutboxEntry[]): OutboxEntry[] {
  const blocked = new Set<string>();
  const ready: OutboxEntry[] = [];
  for (const entry of [...entries].sort((a, b) => (a.id < b.id ? -1 : 1))) {
    if (entry.state === "failed" || blocked.has(entry.recordId)) {
      blocked.add(entry.recordId);
      continue;
    }
    ready.push(entry);
  }
  return ready;
}
