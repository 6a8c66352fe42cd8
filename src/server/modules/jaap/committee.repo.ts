import { and, asc, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { committeeMembers, interfaceMeetings } from "../../db/schema";

/**
 * The monitoring committee's members and the interface meeting. The committee_* columns are the
 * cycle's (isaf/cycle-committee.service.ts).
 */
export type MemberRow = typeof committeeMembers.$inferSelect;
export type NewMember = typeof committeeMembers.$inferInsert;
export type MeetingRow = typeof interfaceMeetings.$inferSelect;

export async function members(db: Db, cycleId: string): Promise<MemberRow[]> {
  return db
    .select()
    .from(committeeMembers)
    .where(eq(committeeMembers.cycleId, cycleId))
    .orderBy(
      sql`case ${committeeMembers.role} when 'chair' then 0 when 'deputy' then 1 when 'secretary' then 2 else 3 end`,
      asc(committeeMembers.createdAt),
      asc(committeeMembers.id),
    );
}

export async function insertMember(tx: Db, row: NewMember): Promise<MemberRow> {
  const [inserted] = await tx.insert(committeeMembers).values(row).returning();
  return inserted;
}

/** The member, as long as nobody changed it since `readAt` (the committee's optimistic check). */
function unchangedSince(cycleId: string, id: string, readAt: Date) {
  return and(
    eq(committeeMembers.id, id),
    eq(committeeMembers.cycleId, cycleId),
    sql`date_trunc('milliseconds', ${committeeMembers.updatedAt}) = ${readAt.toISOString()}::timestamptz`,
  );
}

/** Optimistic: changes the member only when it is as the caller read it (its updatedAt). */
export async function updateMember(
  tx: Db,
  cycleId: string,
  id: string,
  readAt: Date,
  values: Partial<NewMember>,
  now: Date,
): Promise<MemberRow | null> {
  const [row] = await tx
    .update(committeeMembers)
    .set({ ...values, updatedAt: now })
    .where(unchangedSince(cycleId, id, readAt))
    .returning();
  return row ?? null;
}

export async function deleteMember(
  tx: Db,
  cycleId: string,
  id: string,
  readAt: Date,
): Promise<MemberRow | null> {
  const [row] = await tx
    .delete(committeeMembers)
    .where(unchangedSince(cycleId, id, readAt))
    .returning();
  return row ?? null;
}

export async function findMember(db: Db, cycleId: string, id: string): Promise<MemberRow | null> {
  const [row] = await db
    .select()
    .from(committeeMembers)
    .where(and(eq(committeeMembers.id, id), eq(committeeMembers.cycleId, cycleId)));
  return row ?? null;
}

// ---- interface meeting ------------------------------------------------------------------------------

export async function meeting(db: Db, cycleId: string): Promise<MeetingRow | null> {
  const [row] = await db.select().from(interfaceMeetings).where(eq(interfaceMeetings.cycleId, cycleId));
  return row ?? null;
}

export async function insertMeeting(
  tx: Db,
  row: typeof interfaceMeetings.$inferInsert,
): Promise<MeetingRow | null> {
  const [inserted] = await tx.insert(interfaceMeetings).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

export async function updateMeeting(
  tx: Db,
  cycleId: string,
  version: number,
  values: Partial<typeof interfaceMeetings.$inferInsert>,
  now: Date,
): Promise<MeetingRow | null> {
  const [row] = await tx
    .update(interfaceMeetings)
    .set({ ...values, version: sql`${interfaceMeetings.version} + 1`, updatedAt: now })
    .where(and(eq(interfaceMeetings.cycleId, cycleId), eq(interfaceMeetings.version, version)))
    .returning();
  return row ?? null;
}
