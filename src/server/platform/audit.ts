import { type SQL, sql } from "drizzle-orm";
import type { AuditAction, AuditEntityType } from "../../contracts/audit-actions";
import type { Db } from "../db/database";
import { auditEvents } from "../db/schema";
import { arrayParam } from "../db/sql";
import type { Actor } from "./actor";

/**
 * The one audit writer (issue 12, part 2): every change, and every read of a sensitive record, writes
 * its event here, inside the transaction of the change. Read docs/mechanisms/audit.md.
 */

/** Who may read an event beyond those who may read its record (see the column in db/schema/audit.ts). */
export type Sensitivity = "general" | "child_protection";

export interface AuditEvent {
  /** Dotted verb, e.g. "facility.updated": one of the catalogue (contracts/audit-actions.ts). */
  action: AuditAction;
  entityType: AuditEntityType;
  entityId: string | null;
  /** The record's name for display (a facility's name, a username, a tracking code); never a secret. */
  label?: string | null;
  /** The place the entity belongs to; areas are scoped onto the log through it. */
  placeCode?: string | null;
  changes?: Record<string, unknown> | null;
  /** "general" unless said: "child_protection" for reports of harm to a child and, later, cases. */
  sensitivity?: Sensitivity;
}

/** Who did it: the signed-in actor, or null for the system and for anonymous callers (a failed sign-in). */
export interface AuditWho {
  actor: Pick<Actor, "id" | "username" | "roles"> | null;
  ip: string | null;
}

/** Rows per insert: a bulk import writes thousands of events, and a statement's parameters are limited. */
const CHUNK = 1000;

function rowOf(who: AuditWho, event: AuditEvent): typeof auditEvents.$inferInsert {
  return {
    actorId: who.actor?.id ?? null,
    actorUsername: who.actor?.username ?? null,
    actorRoles: who.actor?.roles ?? [],
    ip: who.ip,
    action: event.action,
    entityType: event.entityType,
    entityId: event.entityId,
    entityLabel: event.label ?? null,
    placeCode: event.placeCode ?? null,
    changes: event.changes ?? null,
    sensitivity: event.sensitivity ?? "general",
  };
}

/** Writes an audit event inside the caller's transaction. */
export async function audit(tx: Db, who: AuditWho, event: AuditEvent): Promise<void> {
  await auditAll(tx, who, [event]);
}

/** Writes several audit events, in this order, inside the caller's transaction (any number: a bulk import). */
export async function auditAll(tx: Db, who: AuditWho, events: readonly AuditEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += CHUNK) {
    await tx.insert(auditEvents).values(events.slice(i, i + CHUNK).map((event) => rowOf(who, event)));
  }
}

/**
 * The same event as an `insert … select … from <source>` statement, for writers that store a change
 * in ONE statement (the SMS webhook's hot path): the event is written once per row of `source`, a
 * common table expression of that statement, so it exists exactly when the change does.
 */
export function auditInsertFrom(who: AuditWho, event: AuditEvent, source: SQL): SQL {
  const row = rowOf(who, event);
  return sql`insert into audit_events (actor_id, actor_username, actor_roles, ip, action, entity_type, entity_id,
      entity_label, place_code, changes, sensitivity)
    select ${row.actorId}::uuid, ${row.actorUsername}, ${arrayParam(row.actorRoles ?? [])}::text[], ${row.ip}, ${row.action},
      ${row.entityType}, ${row.entityId}, ${row.entityLabel}, ${row.placeCode},
      ${row.changes === null ? null : JSON.stringify(row.changes)}::jsonb, ${row.sensitivity}
    from ${source}`;
}

/** A record's name in both languages, as a label (the log is read in either). */
export function bilingualLabel(record: { nameKm: string; nameEn: string }): string {
  return [record.nameKm, record.nameEn].filter(Boolean).join(" · ");
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
