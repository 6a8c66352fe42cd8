import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { programmeCommunes, programmeIndicators, programmePartners, programmes } from "../../db/schema";

/**
 * Programmes are read by every signed-in user (their names, partners and target communes are no
 * secret); programme:manage changes them.
 */
export type ProgrammeRow = typeof programmes.$inferSelect;

export function list(db: Db) {
  return db
    .select()
    .from(programmes)
    .orderBy(desc(programmes.active), desc(programmes.startYear), asc(programmes.nameEn));
}

export async function find(db: Db, id: string): Promise<ProgrammeRow | undefined> {
  const [row] = await db.select().from(programmes).where(eq(programmes.id, id));
  return row;
}

export async function insert(db: Db, row: typeof programmes.$inferInsert): Promise<ProgrammeRow> {
  const [inserted] = await db.insert(programmes).values(row).returning();
  return inserted;
}

export async function update(
  db: Db,
  id: string,
  version: number,
  values: Partial<typeof programmes.$inferInsert>,
  now: Date,
): Promise<ProgrammeRow | undefined> {
  const [row] = await db
    .update(programmes)
    .set({ ...values, version: sql`${programmes.version} + 1`, updatedAt: now })
    .where(and(eq(programmes.id, id), eq(programmes.version, version)))
    .returning();
  return row;
}

export interface Links {
  partnerIds: string[];
  communeCodes: string[];
  indicatorIds: string[];
}

export async function linksOf(db: Db, id: string): Promise<Links> {
  const [partners, communes, indicators] = await Promise.all([
    db
      .select({ id: programmePartners.organisationId })
      .from(programmePartners)
      .where(eq(programmePartners.programmeId, id)),
    db
      .select({ code: programmeCommunes.communeCode })
      .from(programmeCommunes)
      .where(eq(programmeCommunes.programmeId, id))
      .orderBy(asc(programmeCommunes.communeCode)),
    db
      .select({ id: programmeIndicators.indicatorId })
      .from(programmeIndicators)
      .where(eq(programmeIndicators.programmeId, id)),
  ]);
  return {
    partnerIds: partners.map((row) => row.id).sort(),
    communeCodes: communes.map((row) => row.code),
    indicatorIds: indicators.map((row) => row.id).sort(),
  };
}

export async function communeCounts(db: Db): Promise<Map<string, number>> {
  const rows = await db
    .select({ id: programmeCommunes.programmeId, count: sql<number>`count(*)::int` })
    .from(programmeCommunes)
    .groupBy(programmeCommunes.programmeId);
  return new Map(rows.map((row) => [row.id, Number(row.count)]));
}

export async function replaceLinks(db: Db, id: string, links: Links) {
  await db.delete(programmePartners).where(eq(programmePartners.programmeId, id));
  await db.delete(programmeCommunes).where(eq(programmeCommunes.programmeId, id));
  await db.delete(programmeIndicators).where(eq(programmeIndicators.programmeId, id));
  if (links.partnerIds.length)
    await db
      .insert(programmePartners)
      .values(links.partnerIds.map((organisationId) => ({ programmeId: id, organisationId })));
  if (links.communeCodes.length)
    await db
      .insert(programmeCommunes)
      .values(links.communeCodes.map((communeCode) => ({ programmeId: id, communeCode })));
  if (links.indicatorIds.length)
    await db
      .insert(programmeIndicators)
      .values(links.indicatorIds.map((indicatorId) => ({ programmeId: id, indicatorId })));
}

/** The names of these programmes. */
export async function namesOf(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: programmes.id, nameKm: programmes.nameKm, nameEn: programmes.nameEn })
    .from(programmes)
    .where(inArray(programmes.id, [...ids]));
}
