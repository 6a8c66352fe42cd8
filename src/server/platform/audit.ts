import type { Db } from "../db/database";
import { auditEvents } from "../db/schema";
import type { Actor } from "./actor";

export interface AuditEvent {
  /** Dotted verb, e.g. "facility.updated". */
  action: string;
  entityType: string;
  entityId: string | null;
  /** The place the entity belongs to; areas are scoped onto the log through it. */
  placeCode?: string | null;
  changes?: Record<string, unknown> | null;
}

/** Who did it: the signed-in actor, or null for the system and for anonymous callers (a failed sign-in). */
export interface AuditWho {
  actor: Pick<Actor, "id" | "username" | "roles"> | null;
  ip: string | null;
}

/** Writes an audit event inside the caller's transaction. */
export async function audit(tx: Db, who: AuditWho, event: AuditEvent): Promise<void> {
  await auditAll(tx, who, [event]);
}

/** Writes several audit events, in this order, in one insert inside the caller's transaction. */
export async function auditAll(tx: Db, who: AuditWho, events: AuditEvent[]): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(auditEvents).values(
    events.map((event) => ({
      actorId: who.actor?.id ?? null,
      actorUsername: who.actor?.username ?? null,
      actorRoles: who.actor?.roles ?? [],
      ip: who.ip,
      action: event.action,
      entityType: event.entityType,
      entityId: event.entityId,
      placeCode: event.placeCode ?? null,
      changes: event.changes ?? null,
    })),
  );
}

/** Field changes between two versions of a record: { field: { from, to } } for fields that differ. */
export function diff<T extends Record<string, unknown>>(
  before: T,
  after: T,
  fields: readonly (keyof T & string)[],
): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of fields) {
    const from = before[field] ?? null;
    const to = after[field] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
  }
  return changes;
}

/** The values of a new record, as audit changes from nothing. */
export function created<T extends Record<string, unknown>>(record: T, fields: readonly (keyof T & string)[]) {
  return diff({} as T, record, fields);
}
