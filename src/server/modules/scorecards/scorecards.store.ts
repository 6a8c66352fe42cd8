import { and, eq, max, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { ParticipantInput } from "../../../contracts/scorecards";
import type { Db } from "../../db/database";
import {
  scorecardChangeRequests,
  scorecardIssues,
  scorecardParticipants,
  scorecardParticipantTallies,
  scorecardPriorities,
  scorecardScores,
  scorecardScoreTallies,
  scorecards,
} from "../../db/schema";
import { arrayParam, queryRows } from "../../db/sql";
import { cycleIdsWhereSql, cycleYearSql } from "../isaf/cycle-scope.service";

/** The writes of the score-card module, and the reads other modules ask for (no area: they scope themselves). */

export async function addParticipants(
  tx: Db,
  scorecardId: string,
  people: ParticipantInput[],
): Promise<number[]> {
  const [row] = await tx
    .select({ last: max(scorecardParticipants.number) })
    .from(scorecardParticipants)
    .where(eq(scorecardParticipants.scorecardId, scorecardId));
  const first = (row?.last ?? 0) + 1;
  const numbers = people.map((_, index) => first + index);
  await tx
    .insert(scorecardParticipants)
    .values(people.map((person, index) => ({ scorecardId, number: numbers[index]!, ...person })));
  return numbers;
}

export async function updateParticipant(
  tx: Db,
  scorecardId: string,
  number: number,
  person: ParticipantInput,
) {
  const [row] = await tx
    .update(scorecardParticipants)
    .set(person)
    .where(and(eq(scorecardParticipants.scorecardId, scorecardId), eq(scorecardParticipants.number, number)))
    .returning();
  return row ?? null;
}

/** Removes a participant; their scores and the issues they raised go with them (foreign keys cascade). */
export async function removeParticipant(tx: Db, scorecardId: string, number: number) {
  const [row] = await tx
    .delete(scorecardParticipants)
    .where(and(eq(scorecardParticipants.scorecardId, scorecardId), eq(scorecardParticipants.number, number)))
    .returning();
  return row ?? null;
}

export async function replaceTallies(
  tx: Db,
  scorecardId: string,
  rows: Omit<typeof scorecardParticipantTallies.$inferInsert, "scorecardId">[],
) {
  await tx
    .delete(scorecardParticipantTallies)
    .where(eq(scorecardParticipantTallies.scorecardId, scorecardId));
  const kept = rows.filter((row) => row.count > 0);
  if (kept.length)
    await tx.insert(scorecardParticipantTallies).values(kept.map((row) => ({ ...row, scorecardId })));
}

/**
 * One issue row per raiser; `id`, the id a device gave the issue, names the only raiser's row. The
 * card lists issues in the order raised (created_at): clock_timestamp(), not the default now(), which
 * is the same for every issue a pushed meeting raises in one transaction.
 */
export async function addIssues(
  tx: Db,
  scorecardId: string,
  indicatorId: string,
  raisers: { participantNumber: number | null; count: number }[],
  id?: string,
) {
  return tx
    .insert(scorecardIssues)
    .values(
      raisers.map((raiser) => ({
        id: id ?? uuidv7(),
        scorecardId,
        indicatorId,
        ...raiser,
        createdAt: sql`clock_timestamp()`,
      })),
    )
    .returning();
}

/** Whether any card has an issue with this id (ids given by devices are checked before use). */
export async function issueExists(db: Db, id: string): Promise<boolean> {
  const [row] = await db
    .select({ id: scorecardIssues.id })
    .from(scorecardIssues)
    .where(eq(scorecardIssues.id, id));
  return row !== undefined;
}

export async function removeIssue(tx: Db, scorecardId: string, issueId: string) {
  const [row] = await tx
    .delete(scorecardIssues)
    .where(and(eq(scorecardIssues.scorecardId, scorecardId), eq(scorecardIssues.id, issueId)))
    .returning();
  return row ?? null;
}

/** Sets the chosen indicators in order; notes stay with indicators kept, scores of dropped ones go (cascade). */
export async function replacePriorities(tx: Db, scorecardId: string, indicatorIds: string[]) {
  const where = eq(scorecardPriorities.scorecardId, scorecardId);
  if (indicatorIds.length === 0) await tx.delete(scorecardPriorities).where(where);
  else
    await tx
      .delete(scorecardPriorities)
      .where(and(where, sql`${scorecardPriorities.indicatorId} <> all(${arrayParam(indicatorIds)}::uuid[])`));
  for (const [index, indicatorId] of indicatorIds.entries()) {
    await tx
      .insert(scorecardPriorities)
      .values({ scorecardId, indicatorId, rank: index + 1 })
      .onConflictDoUpdate({
        target: [scorecardPriorities.scorecardId, scorecardPriorities.indicatorId],
        set: { rank: index + 1 },
      });
  }
}

export async function setNotes(
  tx: Db,
  scorecardId: string,
  indicatorId: string,
  notes: { strengths: string | null; weaknesses: string | null; suggestedActions: string | null },
) {
  const [row] = await tx
    .update(scorecardPriorities)
    .set(notes)
    .where(
      and(eq(scorecardPriorities.scorecardId, scorecardId), eq(scorecardPriorities.indicatorId, indicatorId)),
    )
    .returning();
  return row ?? null;
}

/** Indicators (of these) that already have scores on the card, registered or tallied. */
export async function scoredIndicatorIds(db: Db, scorecardIds: string[]): Promise<Set<string>> {
  if (scorecardIds.length === 0) return new Set();
  const rows = await queryRows<{ indicator_id: string }>(
    db,
    sql`select indicator_id from ${scorecardScores} where scorecard_id = any(${arrayParam(scorecardIds)}::uuid[])
        union select indicator_id from ${scorecardScoreTallies} where scorecard_id = any(${arrayParam(scorecardIds)}::uuid[]) and count > 0`,
  );
  return new Set(rows.map((row) => row.indicator_id));
}

/** Scores of one or several participants, in one insert. */
export async function insertScores(
  tx: Db,
  scorecardId: string,
  rows: { participantNumber: number; indicatorId: string; score: number }[],
) {
  if (rows.length === 0) return;
  await tx.insert(scorecardScores).values(rows.map((row) => ({ scorecardId, ...row })));
}

export async function deleteScoresOf(tx: Db, scorecardId: string, participantNumber: number) {
  return tx
    .delete(scorecardScores)
    .where(
      and(
        eq(scorecardScores.scorecardId, scorecardId),
        eq(scorecardScores.participantNumber, participantNumber),
      ),
    )
    .returning();
}

export async function replaceScoreTally(tx: Db, scorecardId: string, indicatorId: string, counts: number[]) {
  const where = and(
    eq(scorecardScoreTallies.scorecardId, scorecardId),
    eq(scorecardScoreTallies.indicatorId, indicatorId),
  );
  await tx.delete(scorecardScoreTallies).where(where);
  const rows = counts
    .map((count, index) => ({ scorecardId, indicatorId, score: index + 1, count }))
    .filter((row) => row.count > 0);
  if (rows.length) await tx.insert(scorecardScoreTallies).values(rows);
}

export async function insertChangeRequest(tx: Db, values: typeof scorecardChangeRequests.$inferInsert) {
  const [row] = await tx.insert(scorecardChangeRequests).values(values).returning();
  return row!;
}

export async function lockChangeRequest(tx: Db, scorecardId: string, requestId: string) {
  const [row] = await tx
    .select()
    .from(scorecardChangeRequests)
    .where(
      and(eq(scorecardChangeRequests.id, requestId), eq(scorecardChangeRequests.scorecardId, scorecardId)),
    )
    .for("update");
  return row ?? null;
}

export async function decideChangeRequest(
  tx: Db,
  requestId: string,
  values: Partial<typeof scorecardChangeRequests.$inferInsert>,
  now: Date,
) {
  await tx
    .update(scorecardChangeRequests)
    .set({ ...values, updatedAt: now })
    .where(eq(scorecardChangeRequests.id, requestId));
}

export async function pendingRequestOf(db: Db, scorecardId: string) {
  const [row] = await db
    .select({ id: scorecardChangeRequests.id })
    .from(scorecardChangeRequests)
    .where(
      and(
        eq(scorecardChangeRequests.scorecardId, scorecardId),
        eq(scorecardChangeRequests.status, "pending"),
      ),
    );
  return row ?? null;
}

// ---- reads for other modules (public pages, JAAP, quotas) ------------------------------------------
// A card's facility, commune and year are its cycle's: filtered and read through the isaf module's
// subqueries (cycles.service.ts), in the same statement.

export async function approvedCardsOfFacility(db: Db, facilityId: string) {
  const year = cycleYearSql(scorecards.cycleId);
  return db
    .select({ card: scorecards, year })
    .from(scorecards)
    .where(
      and(
        sql`${scorecards.cycleId} in (${cycleIdsWhereSql({ facilityId })})`,
        eq(scorecards.status, "approved"),
      ),
    )
    .orderBy(sql`${year} desc`, scorecards.kind);
}

export async function minorityParticipantsIn(db: Db, communeCode: string, year: number): Promise<boolean> {
  const rows = await queryRows<{ found: boolean }>(
    db,
    sql`select exists (
      select 1 from ${scorecards} s
      where s.cycle_id in (${cycleIdsWhereSql({ communeCode, year })}) and s.kind = 'community'
        and s.status in ('submitted', 'approved')
        and (exists (select 1 from ${scorecardParticipants} p where p.scorecard_id = s.id and p.ethnic_minority)
          or exists (select 1 from ${scorecardParticipantTallies} t where t.scorecard_id = s.id and t.ethnic_minority > 0))
    ) as found`,
  );
  return Boolean(rows[0]?.found);
}

export async function communityPriorityIds(db: Db, cycleId: string): Promise<string[]> {
  const rows = await db
    .select({ id: scorecardPriorities.indicatorId })
    .from(scorecardPriorities)
    .innerJoin(scorecards, eq(scorecards.id, scorecardPriorities.scorecardId))
    .where(and(eq(scorecards.cycleId, cycleId), eq(scorecards.kind, "community")))
    .orderBy(scorecardPriorities.rank);
  return rows.map((row) => row.id);
}
