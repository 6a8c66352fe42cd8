import { and, asc, eq, sql } from "drizzle-orm";
import type { QuotaRules } from "../../../domain/committee-quota";
import type { Db } from "../../db/database";
import { committeeMembers, cycles, interfaceMeetings, programmes, users } from "../../db/schema";

/** The monitoring committee's members, the committee_* columns of the cycle, and the interface meeting. */
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

export async function quotaRulesOf(db: Db, programmeId: string): Promise<QuotaRules | null> {
  const [row] = await db
    .select({ rules: programmes.quotaRules })
    .from(programmes)
    .where(eq(programmes.id, programmeId));
  return row?.rules ?? null;
}

export async function displayNameOf(db: Db, userId: string): Promise<string | null> {
  const [row] = await db.select({ name: users.displayName }).from(users).where(eq(users.id, userId));
  return row?.name ?? null;
}

export type CommitteeColumns = Pick<
  typeof cycles.$inferInsert,
  "committeeFormedAt" | "committeeQuotaMet" | "committeeOverrideReason" | "committeeOverrideBy"
>;

/**
 * Locks the cycle's row for the rest of the transaction (`for update`) and reads its committee
 * columns: every committee write takes this lock first, so that whether the committee is formed, and
 * who its members are, cannot change between the transaction's check and its write.
 */
export async function lockCommittee(tx: Db, cycleId: string): Promise<CommitteeColumns | null> {
  const [row] = await tx
    .select({
      committeeFormedAt: cycles.committeeFormedAt,
      committeeQuotaMet: cycles.committeeQuotaMet,
      committeeOverrideReason: cycles.committeeOverrideReason,
      committeeOverrideBy: cycles.committeeOverrideBy,
    })
    .from(cycles)
    .where(eq(cycles.id, cycleId))
    .for("update");
  return row ?? null;
}

/**
 * Sets the committee columns when the committee's state is still `formed` as the caller saw it
 * (formed or not), so that two people marking it at once do not both succeed.
 */
export async function setCommittee(
  tx: Db,
  cycleId: string,
  wasFormed: boolean,
  values: CommitteeColumns,
  now: Date,
): Promise<boolean> {
  const rows = await tx
    .update(cycles)
    .set({ ...values, updatedAt: now })
    .where(
      and(
        eq(cycles.id, cycleId),
        wasFormed ? sql`${cycles.committeeFormedAt} is not null` : sql`${cycles.committeeFormedAt} is null`,
      ),
    )
    .returning({ id: cycles.id });
  return rows.length > 0;
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
