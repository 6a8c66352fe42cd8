import { authorize } from "../../platform/access";
import type { Ctx } from "../../platform/context";
import { auditPolicy } from "./audit.policy";
import * as repo from "./audit.repo";

type EventRow = Awaited<ReturnType<typeof repo.list>>["rows"][number];

function present(row: EventRow) {
  return {
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
    placeCode: row.placeCode,
    changes: (row.changes as Record<string, unknown> | null) ?? null,
  };
}

/** The audit log with filters, for administrators, within their area. */
export async function list(ctx: Ctx, filters: repo.AuditFilters) {
  authorize(auditPolicy, "audit:read", ctx.actor, null);
  const { rows, total } = await repo.list(ctx.db, ctx.actor, filters);
  return { items: rows.map(present), total, limit: filters.limit, offset: filters.offset };
}

/** The history of a record the caller has been allowed to see (the caller's module checked that). */
export async function historyOf(
  ctx: Ctx,
  entityType: string,
  entityId: string,
  paging: { limit: number; offset: number },
) {
  const { rows, total } = await repo.history(ctx.db, ctx.actor, entityType, entityId, paging);
  return { items: rows.map(present), total, limit: paging.limit, offset: paging.offset };
}
