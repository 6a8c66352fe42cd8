import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import {
  cycles,
  facilities,
  indicators,
  jaapActionIndicators,
  jaapActions,
  jaapUpdates,
  mediaFiles,
  users,
} from "../../db/schema";
import { arrayParam } from "../../db/sql";
import { areaPredicate } from "../../platform/access";
import type { Actor } from "../../platform/actor";

export type ActionRow = typeof jaapActions.$inferSelect;
export type NewAction = typeof jaapActions.$inferInsert;
export type UpdateRow = typeof jaapUpdates.$inferSelect;
export type IndicatorRow = { id: string; code: string; nameKm: string; nameEn: string; sectorCode: string };

/** An action with what every list shows beside it: its cycle, facility, responsible user, last update. */
const listColumns = {
  action: jaapActions,
  year: cycles.year,
  sectorCode: cycles.sectorCode,
  facility: {
    id: facilities.id,
    code: facilities.code,
    nameKm: facilities.nameKm,
    nameEn: facilities.nameEn,
  },
  responsibleDisplayName: users.displayName,
  // The date in Cambodia (UTC+7 all year), whatever the database's time zone.
  lastUpdateOn: sql<
    string | null
  >`(select to_char((max(u.created_at) at time zone 'UTC') + interval '7 hours',
    'YYYY-MM-DD') from jaap_updates u where u.action_id = ${jaapActions.id})`,
};

export type ActionListRow = {
  action: ActionRow;
  year: number;
  sectorCode: string;
  facility: { id: string; code: string; nameKm: string; nameEn: string };
  responsibleDisplayName: string | null;
  lastUpdateOn: string | null;
};

function joined(db: Db) {
  return db
    .select(listColumns)
    .from(jaapActions)
    .innerJoin(cycles, eq(cycles.id, jaapActions.cycleId))
    .innerJoin(facilities, eq(facilities.id, cycles.facilityId))
    .leftJoin(users, eq(users.id, jaapActions.responsibleUserId));
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
  if (filters.year !== undefined) where.push(eq(cycles.year, filters.year));
  if (filters.sector) where.push(eq(cycles.sectorCode, filters.sector));
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
): Promise<{ rows: ActionListRow[]; total: number }> {
  const where = filtered(actor, filters);
  const [rows, [count]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(asc(jaapActions.deadline), asc(jaapActions.id))
      .limit(filters.limit)
      .offset(filters.offset),
    db
      .select({ n: sql<number>`count(*)::int` })
      .from(jaapActions)
      .innerJoin(cycles, eq(cycles.id, jaapActions.cycleId))
      .where(where),
  ]);
  return { rows, total: count?.n ?? 0 };
}

export async function listOfCycle(db: Db, actor: Actor, cycleId: string): Promise<ActionListRow[]> {
  return joined(db)
    .where(and(eq(jaapActions.cycleId, cycleId), areaPredicate(actor, jaapActions.communeCode)))
    .orderBy(asc(jaapActions.deadline), asc(jaapActions.createdAt));
}

export async function findInScope(db: Db, actor: Actor, id: string): Promise<ActionListRow | null> {
  const [row] = await joined(db).where(
    and(eq(jaapActions.id, id), areaPredicate(actor, jaapActions.communeCode)),
  );
  return row ?? null;
}

/** The indicators of each action, in catalogue order. */
export async function indicatorsOf(db: Db, actionIds: readonly string[]) {
  if (actionIds.length === 0) return [];
  return db
    .select({
      actionId: jaapActionIndicators.actionId,
      id: indicators.id,
      code: indicators.code,
      nameKm: indicators.nameKm,
      nameEn: indicators.nameEn,
    })
    .from(jaapActionIndicators)
    .innerJoin(indicators, eq(indicators.id, jaapActionIndicators.indicatorId))
    .where(inArray(jaapActionIndicators.actionId, [...actionIds]))
    .orderBy(asc(indicators.sortOrder), asc(indicators.code));
}

export async function updatesOf(db: Db, actionId: string) {
  return db
    .select({ update: jaapUpdates, byName: users.displayName })
    .from(jaapUpdates)
    .leftJoin(users, eq(users.id, jaapUpdates.createdBy))
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

// ---- reference lookups ----------------------------------------------------------------------------

export async function indicatorsByIds(db: Db, ids: readonly string[]): Promise<IndicatorRow[]> {
  if (ids.length === 0) return [];
  return db
    .select({
      id: indicators.id,
      code: indicators.code,
      nameKm: indicators.nameKm,
      nameEn: indicators.nameEn,
      sectorCode: indicators.sectorCode,
    })
    .from(indicators)
    .where(inArray(indicators.id, [...ids]));
}

/** The sector's indicators that a plan may name: active ones, and any others among `alsoIds`. */
export async function offeredIndicators(db: Db, sector: string, alsoIds: readonly string[]) {
  return db
    .select({
      id: indicators.id,
      code: indicators.code,
      nameKm: indicators.nameKm,
      nameEn: indicators.nameEn,
    })
    .from(indicators)
    .where(
      and(
        eq(indicators.sectorCode, sector),
        sql`(${indicators.status} = 'active' or ${indicators.id} = any(${arrayParam(alsoIds)}::uuid[]))`,
      ),
    )
    .orderBy(asc(indicators.sortOrder), asc(indicators.code));
}

/** The facility a cycle is about. */
export async function facilityOf(db: Db, facilityId: string) {
  const [row] = await db
    .select({
      id: facilities.id,
      code: facilities.code,
      nameKm: facilities.nameKm,
      nameEn: facilities.nameEn,
    })
    .from(facilities)
    .where(eq(facilities.id, facilityId));
  return row;
}

/** Uploaded files' owners and types, and which of them an update already shows. */
export async function photosInfo(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: mediaFiles.id,
      contentType: mediaFiles.contentType,
      createdBy: mediaFiles.createdBy,
      attached: sql<boolean>`exists (select 1 from jaap_updates u where ${mediaFiles.id} = any(u.photo_ids))`,
    })
    .from(mediaFiles)
    .where(inArray(mediaFiles.id, [...ids]));
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

/** Every action of the facility's cycles, for its public page. */
export async function actionsOfFacility(db: Db, facilityId: string) {
  return db
    .select({
      id: jaapActions.id,
      year: cycles.year,
      title: jaapActions.title,
      responsibleParty: jaapActions.responsibleParty,
      deadline: jaapActions.deadline,
      status: jaapActions.status,
      lastUpdateOn: listColumns.lastUpdateOn,
    })
    .from(jaapActions)
    .innerJoin(cycles, eq(cycles.id, jaapActions.cycleId))
    .where(eq(cycles.facilityId, facilityId))
    .orderBy(desc(cycles.year), asc(jaapActions.deadline), asc(jaapActions.id));
}
