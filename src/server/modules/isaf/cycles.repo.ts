import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type CycleStep, LATE_STEPS } from "../../../domain/isaf-cycle";
import type { Db } from "../../db/database";
import { cycleFacilitators, cycleSteps, cycles, programmes } from "../../db/schema";
import { areaPredicate } from "../../platform/access";
import type { Actor } from "../../platform/actor";
import { facilityCodesSql } from "../facilities/facilities.service";

export type CycleRow = typeof cycles.$inferSelect;

/** The cycle when it lies in the actor's area, else null. */
export async function findInScope(db: Db, actor: Actor, id: string): Promise<CycleRow | null> {
  const [row] = await db
    .select()
    .from(cycles)
    .where(and(eq(cycles.id, id), areaPredicate(actor, cycles.communeCode)));
  return row ?? null;
}

export async function findManyInScope(db: Db, actor: Actor, ids: readonly string[]): Promise<CycleRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(cycles)
    .where(and(inArray(cycles.id, [...ids]), areaPredicate(actor, cycles.communeCode)));
}

/** The assigned facilitators' ids of each of these cycles. */
export async function facilitatorIdsOfMany(
  db: Db,
  cycleIds: readonly string[],
): Promise<Map<string, string[]>> {
  const byCycle = new Map<string, string[]>(cycleIds.map((id) => [id, []]));
  if (cycleIds.length === 0) return byCycle;
  const rows = await db
    .select({ cycleId: cycleFacilitators.cycleId, userId: cycleFacilitators.userId })
    .from(cycleFacilitators)
    .where(inArray(cycleFacilitators.cycleId, [...cycleIds]));
  for (const row of rows) byCycle.get(row.cycleId)?.push(row.userId);
  return byCycle;
}

export async function facilitatorIdsOf(db: Db, cycleId: string): Promise<string[]> {
  const rows = await db
    .select({ userId: cycleFacilitators.userId })
    .from(cycleFacilitators)
    .where(eq(cycleFacilitators.cycleId, cycleId));
  return rows.map((row) => row.userId);
}

/** The SQL form of isLate (src/domain/isaf-cycle.ts), on `today`: Cambodia's date (cambodiaToday). */
export function lateOn(today: string): SQL {
  return sql`(${cycles.plannedMeetingOn} is not null and ${cycles.plannedMeetingOn} < ${today}::date
    and ${inArray(cycles.step, [...LATE_STEPS])})`;
}

export interface CycleFilters {
  place?: string;
  year?: number;
  sector?: string;
  step?: CycleStep;
  programme?: string;
  /** Only late cycles, as of this day (YYYY-MM-DD, Cambodia's date). */
  lateOn?: string;
  mine?: boolean;
  limit: number;
  offset: number;
}

function where(actor: Actor, filters: CycleFilters): SQL {
  const parts: SQL[] = [areaPredicate(actor, cycles.communeCode)];
  if (filters.place) {
    parts.push(sql`${cycles.communeCode} like ${`${filters.place.slice(0, 6)}%`}`);
    if (filters.place.length === 2) parts.push(eq(cycles.provinceCode, filters.place));
    if (filters.place.length === 4) parts.push(eq(cycles.districtCode, filters.place));
  }
  if (filters.year) parts.push(eq(cycles.year, filters.year));
  if (filters.sector) parts.push(eq(cycles.sectorCode, filters.sector));
  if (filters.step) parts.push(eq(cycles.step, filters.step));
  if (filters.programme) parts.push(eq(cycles.programmeId, filters.programme));
  if (filters.lateOn) parts.push(lateOn(filters.lateOn));
  if (filters.mine) {
    parts.push(sql`exists (select 1 from cycle_facilitators f
      where f.cycle_id = ${cycles.id} and f.user_id = ${actor.id})`);
  }
  return and(...parts)!;
}

/**
 * A page of cycles with their programme and facilitators' ids, ordered by year, planned meeting and
 * facility code (the facilities module's relation, joined for the order only: the caller looks up
 * what it shows of the facility and the facilitators through their modules).
 */
export async function list(db: Db, actor: Actor, filters: CycleFilters) {
  const condition = where(actor, filters);
  const [rows, [{ total }]] = await Promise.all([
    db
      .select({
        cycle: cycles,
        programme: { id: programmes.id, nameKm: programmes.nameKm, nameEn: programmes.nameEn },
        facilitatorIds: sql<
          string[]
        >`array(select f.user_id from cycle_facilitators f where f.cycle_id = ${cycles.id})`,
      })
      .from(cycles)
      .innerJoin(sql`(${facilityCodesSql()}) facility`, sql`facility.id = ${cycles.facilityId}`)
      .innerJoin(programmes, eq(programmes.id, cycles.programmeId))
      .where(condition)
      .orderBy(desc(cycles.year), asc(cycles.plannedMeetingOn), sql`facility.code`, asc(cycles.id))
      .limit(filters.limit)
      .offset(filters.offset),
    db.select({ total: sql<number>`count(*)::int` }).from(cycles).where(condition),
  ]);
  return { rows, total: Number(total) };
}

/** The programme of one cycle. */
export async function programmeOf(db: Db, cycleId: string) {
  const [row] = await db
    .select({ id: programmes.id, nameKm: programmes.nameKm, nameEn: programmes.nameEn })
    .from(cycles)
    .innerJoin(programmes, eq(programmes.id, cycles.programmeId))
    .where(eq(cycles.id, cycleId));
  return row;
}

export async function replaceFacilitators(db: Db, cycleId: string, userIds: readonly string[]) {
  await db.delete(cycleFacilitators).where(eq(cycleFacilitators.cycleId, cycleId));
  if (userIds.length) {
    await db.insert(cycleFacilitators).values(userIds.map((userId) => ({ cycleId, userId })));
  }
}

/** The steps recorded on the cycle, with who completed each (her name is the users module's). */
export async function stepsOf(db: Db, cycleId: string) {
  return db
    .select({
      step: cycleSteps.step,
      completedOn: cycleSteps.completedOn,
      note: cycleSteps.note,
      completedById: cycleSteps.completedBy,
    })
    .from(cycleSteps)
    .where(eq(cycleSteps.cycleId, cycleId));
}

export async function insertStep(db: Db, row: typeof cycleSteps.$inferInsert) {
  await db.insert(cycleSteps).values(row);
}

export async function insert(db: Db, row: typeof cycles.$inferInsert): Promise<CycleRow> {
  const [inserted] = await db.insert(cycles).values(row).returning();
  return inserted;
}

/** Updates when the version matches; undefined on a stale version. Never the committee_* columns (JAAP's). */
export async function update(
  db: Db,
  id: string,
  version: number,
  values: Partial<
    Pick<
      CycleRow,
      "step" | "ngoOrganisationId" | "plannedMeetingOn" | "i4cBudgetSummary" | "i4cNotes" | "i4cPublishedAt"
    >
  >,
  now: Date,
): Promise<CycleRow | undefined> {
  const [row] = await db
    .update(cycles)
    .set({ ...values, version: sql`${cycles.version} + 1`, updatedAt: now })
    .where(and(eq(cycles.id, id), eq(cycles.version, version)))
    .returning();
  return row;
}

/** Cycles of these facilities in a year (in any programme). */
export async function ofFacilitiesInYear(db: Db, facilityIds: readonly string[], year: number) {
  if (facilityIds.length === 0) return [];
  return db
    .select({
      id: cycles.id,
      facilityId: cycles.facilityId,
      programmeId: cycles.programmeId,
      step: cycles.step,
    })
    .from(cycles)
    .where(and(inArray(cycles.facilityId, [...facilityIds]), eq(cycles.year, year)));
}

/** How many cycles each programme has in the actor's area. */
export async function countByProgramme(db: Db, actor: Actor): Promise<Map<string, number>> {
  const rows = await db
    .select({ programmeId: cycles.programmeId, count: sql<number>`count(*)::int` })
    .from(cycles)
    .where(areaPredicate(actor, cycles.communeCode))
    .groupBy(cycles.programmeId);
  return new Map(rows.map((row) => [row.programmeId, Number(row.count)]));
}

/** The cycles of a facility, newest first, without area (for the public module, which shows published facts only). */
export function ofFacility(db: Db, facilityId: string) {
  return db
    .select({ id: cycles.id, year: cycles.year, step: cycles.step })
    .from(cycles)
    .where(eq(cycles.facilityId, facilityId))
    .orderBy(desc(cycles.year));
}

// ---- the cycle in other modules' queries (docs/mechanisms/boundaries.md) -----------------------------

/** The cycles as other records show them: year, sector, commune, facility id and programme names. */
export async function refsOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({
      id: cycles.id,
      year: cycles.year,
      sectorCode: cycles.sectorCode,
      communeCode: cycles.communeCode,
      facilityId: cycles.facilityId,
      programme: { id: programmes.id, nameKm: programmes.nameKm, nameEn: programmes.nameEn },
    })
    .from(cycles)
    .innerJoin(programmes, eq(programmes.id, cycles.programmeId))
    .where(inArray(cycles.id, [...ids]));
}

/**
 * The open cycles of the actor's area she reaches as `reach` says (every one, those she is assigned
 * to, none), as a subquery of their `id`, `step`, `version` and `change_xid` (the mark of their last
 * change, docs/mechanisms/sync.md).
 */
export function openCyclesSql(actor: Actor, reach: "area" | "assigned" | "none"): SQL {
  const who =
    reach === "area"
      ? sql`true`
      : reach === "assigned"
        ? sql`c.id in (select f.cycle_id from cycle_facilitators f where f.user_id = ${actor.id}::uuid)`
        : sql`false`;
  return sql`select c.id, c.step, c.version, c.change_xid from cycles c
    where c.step <> 'closed' and ${areaPredicate(actor, sql`c.commune_code`)} and ${who}`;
}
