import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../db/database";
import { cycles } from "../../db/schema";

/** The committee_* columns of a cycle: the JAAP monitoring committee's state (jaap/committee.service.ts). */
export type CommitteeColumns = Pick<
  typeof cycles.$inferInsert,
  "committeeFormedAt" | "committeeQuotaMet" | "committeeOverrideReason" | "committeeOverrideBy"
>;

/** The caller loaded the cycle in the actor's scope first (findCycleInScope). */
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
