import type { AuditEntityType, RecordName } from "../../../contracts/audit-actions";
import type { Db } from "../../db/database";
import { authorize } from "../../platform/access";
import type { Ctx } from "../../platform/context";
import { auditPolicy } from "./audit.policy";
import * as repo from "./audit.repo";

type EventRow = Awaited<ReturnType<typeof repo.list>>["rows"][number];

/** The names of records of one kind, by id, from the module that owns them (one query per page). */
export type RecordNamer = (db: Db, ids: readonly string[]) => Promise<Map<string, RecordName>>;
/** Who names each kind of record (src/server/audit-names.ts, above the modules). */
export type RecordNamers = Partial<Record<AuditEntityType, RecordNamer>>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The events as the log shows them, each with its record's name now (issue 13, part 6): the ids of
 * each kind of record on the page are named by their module, once per kind.
 */
async function present(db: Db, rows: EventRow[], namers: RecordNamers) {
  const idsByType = new Map<AuditEntityType, Set<string>>();
  for (const row of rows) {
    const type = row.entityType as AuditEntityType;
    if (!row.entityId || !namers[type] || !UUID.test(row.entityId)) continue;
    idsByType.set(type, (idsByType.get(type) ?? new Set()).add(row.entityId));
  }
  const names = new Map<AuditEntityType, Map<string, RecordName>>();
  for (const [type, ids] of idsByType) names.set(type, await namers[type]!(db, [...ids]));
  return rows.map((row) => ({
    id: row.id,
    at: row.at.toISOString(),
    actorId: row.actorId,
    actorUsername: row.actorUsername,
    actorRoles: row.actorRoles,
    ip: row.ip,
    action: row.action,
    entityType: row.entityType,
    entityId: row.entityId,
    entityLabel: row.entityLabel,
    entityName: (row.entityId && names.get(row.entityType as AuditEntityType)?.get(row.entityId)) || null,
    placeCode: row.placeCode,
    changes: (row.changes as Record<string, unknown> | null) ?? null,
  }));
}

/** The audit log with filters, for administrators, within their area. */
export async function list(ctx: Ctx, filters: repo.AuditFilters, namers: RecordNamers) {
  authorize(auditPolicy, "audit:read", ctx.actor, null);
  const { rows, total } = await repo.list(ctx.db, ctx.actor, filters);
  return { items: await present(ctx.db, rows, namers), total, limit: filters.limit, offset: filters.offset };
}

/** The history of a record the caller has been allowed to see (the caller's module checked that). */
export async function historyOf(
  ctx: Ctx,
  entityType: AuditEntityType,
  entityId: string,
  paging: { limit: number; offset: number },
  namers: RecordNamers,
) {
  const { rows, total } = await repo.history(ctx.db, ctx.actor, entityType, entityId, paging);
  return { items: await present(ctx.db, rows, namers), total, limit: paging.limit, offset: paging.offset };
}
