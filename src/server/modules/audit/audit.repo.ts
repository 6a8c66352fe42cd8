import { and, desc, eq, gte, lt, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { auditEvents } from "../../db/schema";
import { areaPredicate } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import { userIdsInScope } from "../users/users.service";
import { auditPolicy } from "./audit.policy";

export interface AuditFilters {
  actorId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  place?: string;
  from?: string;
  to?: string;
  limit: number;
  offset: number;
}

/**
 * Events the actor may read: national sees all; an area sees events about records placed in it and
 * about the users it manages (user events have no single place: a user's area can be several). Of
 * those, child-protection events only when her role may read them (audit.policy.ts).
 */
function scope(actor: Actor): SQL {
  const sensitivity = auditPolicy["audit:read_child_protection"].heldBy(actor)
    ? sql`true`
    : sql`${auditEvents.sensitivity} = 'general'`;
  if (actor.area.national) return sql`(${areaPredicate(actor, auditEvents.placeCode)} and ${sensitivity})`;
  return sql`((${areaPredicate(actor, auditEvents.placeCode)}
    or (${auditEvents.entityType} = 'user' and ${auditEvents.entityId} in ${userIdsInScope(actor)}))
    and ${sensitivity})`;
}

export async function list(db: Db, actor: Actor, filters: AuditFilters) {
  const where: SQL[] = [scope(actor)];
  if (filters.actorId) where.push(eq(auditEvents.actorId, filters.actorId));
  if (filters.action) where.push(sql`${auditEvents.action} like ${`${filters.action}%`}`);
  if (filters.entityType) where.push(eq(auditEvents.entityType, filters.entityType));
  if (filters.entityId) where.push(eq(auditEvents.entityId, filters.entityId));
  if (filters.place) where.push(sql`${auditEvents.placeCode} like ${`${filters.place}%`}`);
  if (filters.from) where.push(gte(auditEvents.at, new Date(`${filters.from}T00:00:00Z`)));
  if (filters.to)
    where.push(lt(auditEvents.at, new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86400000)));
  return page(db, and(...where)!, filters);
}

/**
 * The history of one record; the caller has already checked the record is visible. Child-protection
 * events only for those whose role may read them.
 */
export async function history(
  db: Db,
  actor: Actor,
  entityType: string,
  entityId: string,
  paging: { limit: number; offset: number },
) {
  // unscoped: the caller checked the record is visible; only the sensitivity class is this log's to add.
  const sensitivity = auditPolicy["audit:read_child_protection"].heldBy(actor)
    ? sql`true`
    : sql`${auditEvents.sensitivity} = 'general'`;
  return page(
    db,
    and(eq(auditEvents.entityType, entityType), eq(auditEvents.entityId, entityId), sensitivity)!,
    paging,
  );
}

// unscoped: `where` is the caller's, list's scope(actor) or a visible record's history.
async function page(db: Db, where: SQL, paging: { limit: number; offset: number }) {
  const [rows, [{ total }]] = await Promise.all([
    db
      .select()
      .from(auditEvents)
      .where(where)
      .orderBy(desc(auditEvents.id))
      .limit(paging.limit)
      .offset(paging.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(auditEvents).where(where),
  ]);
  return { rows, total };
}
