import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { jaapActionIndicators, jaapActions, jaapUpdates } from "../../db/schema";
import { arrayParam } from "../../db/sql";
import { areaPredicate } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import {
  cycleFacilityIdSql,
  cycleIdsWhereSql,
  cycleSectorSql,
  cycleYearSql,
} from "../isaf/cycle-scope.service";

export type ActionRow = typeof jaapActions.$inferSelect;
export type NewAction = typeof jaapActions.$inferInsert;
export type UpdateRow = typeof jaapUpdates.$inferSelect;

/**
 * An action with what every list shows beside it from its cycle (year, sector, facility: SQL from
 * isaf's cycle-scope.service) and its last update. The facility's and the responsible person's names
 * are looked up after the query, once per page (jaap.service.ts).
 */
const listColumns = {
  action: jaapActions,
  year: cycleYearSql(jaapActions.cycleId),
  sectorCode: cycleSectorSql(jaapActions.cycleId),
  facilityId: cycleFacilityIdSql(jaapActions.cycleId),
  // The date in Cambodia (UTC+7 all year), whatever the database's time zone. The action's id is
  // named with its table: drizzle writes a one-table select's columns bare (u.id would be read).
  lastUpdateOn: sql<
    string | null
  >`(select to_char((max(u.created_at) at time zone 'UTC') + interval '7 hours',
    'YYYY-MM-DD') from jaap_updates u where u.action_id = jaap_actions.id)`,
};

export type ActionPageRow = {
  action: ActionRow;
  year: number;
  sectorCode: string;
  facilityId: string;
  lastUpdateOn: string | null;
};

function selected(db: Db) {
  return db.select(listColumns).from(jaapActions);
}

const OPEN = sql`${jaapActions.status} in ('planned', 'in_progress')`;

export interface ActionFilters {
  place?: string;
  year?: number;
  sector?: string;
  status?: ActionRow["status"];
  overdue?: boolean;
  mineUserId?: string;
  today: string;
}

function filtered(actor: Actor, filters: ActionFilters): SQL {
  const where: SQL[] = [areaPredicate(actor, jaapActions.communeCode)];
  if (filters.place) where.push(sql`${jaapActions.communeCode} like ${`${filters.place}%`}`);
  if (filters.year !== undefined || filters.sector)
    where.push(
      sql`${jaapActions.cycleId} in (${cycleIdsWhereSql({ year: filters.year, sectorCode: filters.sector || undefined })})`,
    );
  if (filters.status) where.push(eq(jaapActions.status, filters.status));
  if (filters.overdue) where.push(and(OPEN, sql`${jaapActions.deadline} < ${filters.today}`)!);
  if (filters.mineUserId) where.push(eq(jaapActions.responsibleUserId, filters.mineUserId));
  return and(...where)!;
}

/** Actions in the actor's area, overdue first by deadline when asked, else soonest deadline first. */
export async function list(
  db: Db,
  actor: Actor,
  filters: ActionFilters & { limit: number; offset: number },
): Promise<{ rows: ActionPageRow[]; total: number }> {
  const where = filtered(actor, filters);
  const [rows, [count]] = await Promise.all([
    selected(db)
      .where(where)
      .orderBy(asc(jaapActions.deadline), asc(jaapActions.id))
      .limit(filters.limit)
      .offset(filters.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(jaapActions).where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function listOfCycle(db: Db, actor: Actor, cycleId: string): Promise<ActionPageRow[]> {
  return selected(db)
    .where(and(eq(jaapActions.cycleId, cycleId), areaPredicate(actor, jaapActions.communeCode)))
    .orderBy(asc(jaapActions.deadline), asc(jaapActions.createdAt));
}

export async function findInScope(db: Db, actor: Actor, id: string): Promise<ActionPageRow | null> {
  const [row] = await selected(db).where(
    and(eq(jaapActions.id, id), areaPredicate(actor, jaapActions.communeCode)),
  );
  return row ?? null;
}

/** True when the cycle has at least one action (the JAAP step needs one: jaap.steps.ts). */
export async function hasAction(db: Db, cycleId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: jaapActions.id })
    .from(jaapActions)
    .where(eq(jaapActions.cycleId, cycleId))
    .limit(1);
  return row !== undefined;
}

/** Which indicators each action is tied to (their codes and names: isaf's catalogue.service indicatorRefsOf). */
export async function indicatorLinksOf(db: Db, actionIds: readonly string[]) {
  if (actionIds.length === 0) return [];
  return db
    .select({ actionId: jaapActionIndicators.actionId, indicatorId: jaapActionIndicators.indicatorId })
    .from(jaapActionIndicators)
    .where(inArray(jaapActionIndicators.actionId, [...actionIds]));
}

/** The action's progress updates, newest first (their authors' names: users' people.service). */
export async function updatesOf(db: Db, actionId: string): Promise<UpdateRow[]> {
  return db
    .select()
    .from(jaapUpdates)
    .where(eq(jaapUpdates.actionId, actionId))
    .orderBy(desc(jaapUpdates.createdAt), desc(jaapUpdates.id));
}

export async function insert(tx: Db, row: NewAction): Promise<ActionRow> {
  const [inserted] = await tx.insert(jaapActions).values(row).returning();
  return inserted;
}

/** Optimistic update: null when the version has moved on. */
export async function update(
  tx: Db,
  id: string,
  version: number,
  values: Partial<NewAction>,
  now: Date,
): Promise<ActionRow | null> {
  const [row] = await tx
    .update(jaapActions)
    .set({ ...values, version: sql`${jaapActions.version} + 1`, updatedAt: now })
    .where(and(eq(jaapActions.id, id), eq(jaapActions.version, version)))
    .returning();
  return row ?? null;
}

export async function replaceIndicators(tx: Db, actionId: string, indicatorIds: readonly string[]) {
  await tx.delete(jaapActionIndicators).where(eq(jaapActionIndicators.actionId, actionId));
  if (indicatorIds.length === 0) return;
  await tx
    .insert(jaapActionIndicators)
    .values(indicatorIds.map((indicatorId) => ({ actionId, indicatorId })));
}

export async function insertUpdate(tx: Db, row: typeof jaapUpdates.$inferInsert): Promise<UpdateRow> {
  const [inserted] = await tx.insert(jaapUpdates).values(row).returning();
  return inserted;
}

/** Which of these uploaded files an update already shows. */
export async function attachedPhotoIds(db: Db, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .select({ photoIds: jaapUpdates.photoIds })
    .from(jaapUpdates)
    .where(sql`${jaapUpdates.photoIds} && ${arrayParam(ids)}::uuid[]`);
  const wanted = new Set(ids);
  return new Set(rows.flatMap((row) => row.photoIds.filter((id) => wanted.has(id))));
}

/** True when one of the action's updates shows the photo. */
export async function actionHasPhoto(db: Db, actionId: string, mediaId: string): Promise<boolean> {
  const [row] = await db
    .select({ id: jaapUpdates.id })
    .from(jaapUpdates)
    .where(and(eq(jaapUpdates.actionId, actionId), sql`${mediaId}::uuid = any(${jaapUpdates.photoIds})`))
    .limit(1);
  return row !== undefined;
}

/** Every action of the facility's cycles, for its public page: newest year first, then by deadline. */
export async function actionsOfFacility(db: Db, facilityId: string) {
  const year = cycleYearSql(jaapActions.cycleId);
  return db
    .select({
      id: jaapActions.id,
      year,
      title: jaapActions.title,
      responsibleParty: jaapActions.responsibleParty,
      deadline: jaapActions.deadline,
      status: jaapActions.status,
      lastUpdateOn: listColumns.lastUpdateOn,
    })
    .from(jaapActions)
    .where(sql`${jaapActions.cycleId} in (${cycleIdsWhereSql({ facilityId })})`)
    .orderBy(desc(year), asc(jaapActions.deadline), asc(jaapActions.id));
}

/** The titles of these actions (for naming them; no scope: the caller has one). */
export async function titlesOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: jaapActions.id, title: jaapActions.title })
    .from(jaapActions)
    .where(inArray(jaapActions.id, [...ids]));
}
