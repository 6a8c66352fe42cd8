import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { catalogueAudio, cycles, indicators, programmeIndicators, ratingScale } from "../../db/schema";
import { queryRows } from "../../db/sql";

/**
 * The indicator catalogue and the rating scale: national reference data (no area), read by every
 * signed-in user, kept by the catalogue keepers.
 */
export type IndicatorRow = typeof indicators.$inferSelect;
export type AudioOwner = "indicator" | "rating";

export interface IndicatorFilters {
  sector?: string;
  status?: string;
  programmeId?: string;
}

export async function listIndicators(db: Db, filters: IndicatorFilters): Promise<IndicatorRow[]> {
  const where: SQL[] = [];
  if (filters.sector) where.push(eq(indicators.sectorCode, filters.sector));
  if (filters.status) where.push(eq(indicators.status, filters.status as IndicatorRow["status"]));
  if (filters.programmeId) {
    where.push(sql`exists (select 1 from ${programmeIndicators} pi
      where pi.indicator_id = ${indicators.id} and pi.programme_id = ${filters.programmeId})`);
  }
  return db
    .select()
    .from(indicators)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(indicators.sectorCode), asc(indicators.sortOrder), asc(indicators.code));
}

export async function findIndicators(db: Db, ids: readonly string[]): Promise<IndicatorRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(indicators)
    .where(inArray(indicators.id, [...ids]));
}

export async function findIndicator(db: Db, id: string): Promise<IndicatorRow | undefined> {
  const [row] = await findIndicators(db, [id]);
  return row;
}

/**
 * Whether the indicator is offered to this cycle's meetings: active, of the cycle's sector, in its
 * programme's catalogue when the programme has one.
 */
export async function offeredToCycle(db: Db, cycleId: string, indicatorId: string): Promise<boolean> {
  const rows = await queryRows<{ ok: boolean }>(
    db,
    sql`select exists (
      select 1 from ${cycles} c join ${indicators} i on i.sector_code = c.sector_code
      where c.id = ${cycleId} and i.id = ${indicatorId} and i.status = 'active'
        and (not exists (select 1 from ${programmeIndicators} pi where pi.programme_id = c.programme_id)
             or exists (select 1 from ${programmeIndicators} pi where pi.programme_id = c.programme_id and pi.indicator_id = i.id))
    ) as ok`,
  );
  return Boolean(rows[0]?.ok);
}

/** Every active indicator of these sectors (a programme's default catalogue). */
export async function activeIdsOf(db: Db, sectors: readonly string[]): Promise<string[]> {
  const rows = await db
    .select({ id: indicators.id })
    .from(indicators)
    .where(and(eq(indicators.status, "active"), inArray(indicators.sectorCode, [...sectors])))
    .orderBy(asc(indicators.sectorCode), asc(indicators.sortOrder));
  return rows.map((row) => row.id);
}

/**
 * Holds, until the transaction ends, the lock on new indicator codes of a sector: two transactions
 * numbering the same sector's indicators wait for each other instead of picking the same code.
 */
export async function lockCodesOf(db: Db, sectorCode: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtext(${`isaf.indicator_code.${sectorCode}`}))`);
}

/** The highest number n among codes "<prefix>n" (0 when none). */
export async function highestNumber(db: Db, prefix: string): Promise<{ number: number; sortOrder: number }> {
  const [row] = await db
    .select({
      number: sql<number>`coalesce(max(substring(${indicators.code} from ${`^${prefix}([0-9]+)$`})::int), 0)`,
      sortOrder: sql<number>`coalesce(max(${indicators.sortOrder}), 0)`,
    })
    .from(indicators)
    .where(sql`${indicators.code} ~ ${`^${prefix}[0-9]+$`}`);
  return { number: Number(row?.number ?? 0), sortOrder: Number(row?.sortOrder ?? 0) };
}

export async function insertIndicator(db: Db, row: typeof indicators.$inferInsert): Promise<IndicatorRow> {
  const [inserted] = await db.insert(indicators).values(row).returning();
  return inserted;
}

/** Updates when the version matches; undefined on a stale version. */
export async function updateIndicator(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof indicators.$inferInsert>,
  now: Date,
): Promise<IndicatorRow | undefined> {
  const [row] = await db
    .update(indicators)
    .set({ ...values, version: sql`${indicators.version} + 1`, updatedAt: now })
    .where(and(eq(indicators.id, id), eq(indicators.version, version)))
    .returning();
  return row;
}

export function ratingPoints(db: Db) {
  return db.select().from(ratingScale).orderBy(asc(ratingScale.value));
}

/** Languages with audio, per owner key. */
export async function audioLanguages(db: Db, owner: AudioOwner): Promise<Map<string, string[]>> {
  const rows = await db
    .select({ key: catalogueAudio.ownerKey, language: catalogueAudio.language })
    .from(catalogueAudio)
    .where(eq(catalogueAudio.ownerKind, owner))
    .orderBy(asc(catalogueAudio.language));
  const byKey = new Map<string, string[]>();
  for (const row of rows) byKey.set(row.key, [...(byKey.get(row.key) ?? []), row.language]);
  return byKey;
}

export async function findAudio(db: Db, owner: AudioOwner, key: string, language: string) {
  const [row] = await db
    .select()
    .from(catalogueAudio)
    .where(
      and(
        eq(catalogueAudio.ownerKind, owner),
        eq(catalogueAudio.ownerKey, key),
        eq(catalogueAudio.language, language),
      ),
    );
  return row;
}

/** Points the owner's audio in that language at the media file (new or replacing the old one). */
export async function setAudio(
  db: Db,
  owner: AudioOwner,
  key: string,
  language: string,
  mediaId: string,
  now: Date,
) {
  await db
    .insert(catalogueAudio)
    .values({ ownerKind: owner, ownerKey: key, language, mediaId })
    .onConflictDoUpdate({
      target: [catalogueAudio.ownerKind, catalogueAudio.ownerKey, catalogueAudio.language],
      set: { mediaId, updatedAt: now },
    });
}
