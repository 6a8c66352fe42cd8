import { and, asc, count, desc, eq, inArray, sql } from "drizzle-orm";
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
import type { Actor } from "../../platform/actor";
import { cycleIdsInAreaSql } from "../isaf/cycle-scope.service";

export type ScorecardRow = typeof scorecards.$inferSelect;
export type ParticipantRow = typeof scorecardParticipants.$inferSelect;
export type TallyRow = typeof scorecardParticipantTallies.$inferSelect;

/** Whether the card's cycle lies in the actor's area (the isaf module's subquery, cycles.service.ts). */
const cycleInArea = (actor: Actor) => sql`${scorecards.cycleId} in (${cycleIdsInAreaSql(actor)})`;

/** The card when its cycle lies in the actor's area, else null. */
export async function findInScope(db: Db, actor: Actor, id: string): Promise<ScorecardRow | null> {
  const [row] = await db
    .select()
    .from(scorecards)
    .where(and(eq(scorecards.id, id), cycleInArea(actor)));
  return row ?? null;
}

/** The cards among `ids` whose cycle lies in the actor's area. */
export async function findManyInScope(db: Db, actor: Actor, ids: readonly string[]): Promise<ScorecardRow[]> {
  if (ids.length === 0) return [];
  return db
    .select()
    .from(scorecards)
    .where(and(inArray(scorecards.id, [...ids]), cycleInArea(actor)));
}

/** Re-reads the card inside a transaction and holds it until the transaction ends (edits of one card queue). */
/** The cycle and kind of each of these cards (for naming them; no scope: the caller has one). */
export async function cyclesOfCards(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .select({ id: scorecards.id, cycleId: scorecards.cycleId, kind: scorecards.kind })
    .from(scorecards)
    .where(inArray(scorecards.id, [...ids]));
}

export async function lock(tx: Db, id: string): Promise<ScorecardRow> {
  const [row] = await tx.select().from(scorecards).where(eq(scorecards.id, id)).for("update");
  if (!row) throw new Error(`score card ${id} vanished`);
  return row;
}

export async function ofCycle(db: Db, cycleId: string): Promise<ScorecardRow[]> {
  return db.select().from(scorecards).where(eq(scorecards.cycleId, cycleId));
}

export async function ofCycles(db: Db, cycleIds: readonly string[]): Promise<ScorecardRow[]> {
  if (cycleIds.length === 0) return [];
  return db
    .select()
    .from(scorecards)
    .where(inArray(scorecards.cycleId, [...cycleIds]));
}

export async function insert(tx: Db, values: typeof scorecards.$inferInsert): Promise<ScorecardRow> {
  const [row] = await tx.insert(scorecards).values(values).returning();
  return row!;
}

/** Sets columns and moves the version on, by one per change made (`steps`). */
export async function touch(
  tx: Db,
  id: string,
  now: Date,
  values: Partial<typeof scorecards.$inferInsert> = {},
  steps = 1,
) {
  const [row] = await tx
    .update(scorecards)
    .set({ ...values, version: sql`${scorecards.version} + ${steps}`, updatedAt: now })
    .where(eq(scorecards.id, id))
    .returning();
  return row!;
}

/** How many participants (registered or tallied) and priorities each card has. */
export async function sizes(
  db: Db,
  ids: string[],
): Promise<Map<string, { participants: number; priorities: number }>> {
  const result = new Map(ids.map((id) => [id, { participants: 0, priorities: 0 }]));
  if (ids.length === 0) return result;
  const [registered, tallied, chosen] = await Promise.all([
    db
      .select({ id: scorecardParticipants.scorecardId, n: count() })
      .from(scorecardParticipants)
      .where(inArray(scorecardParticipants.scorecardId, ids))
      .groupBy(scorecardParticipants.scorecardId),
    db
      .select({
        id: scorecardParticipantTallies.scorecardId,
        n: sql<number>`sum(${scorecardParticipantTallies.count})::int`,
      })
      .from(scorecardParticipantTallies)
      .where(inArray(scorecardParticipantTallies.scorecardId, ids))
      .groupBy(scorecardParticipantTallies.scorecardId),
    db
      .select({ id: scorecardPriorities.scorecardId, n: count() })
      .from(scorecardPriorities)
      .where(inArray(scorecardPriorities.scorecardId, ids))
      .groupBy(scorecardPriorities.scorecardId),
  ]);
  for (const row of [...registered, ...tallied]) result.get(row.id)!.participants += Number(row.n);
  for (const row of chosen) result.get(row.id)!.priorities = Number(row.n);
  return result;
}

/**
 * A card's records, read for many cards at once (the field app's pull presents a page of cards with
 * one query per kind of record, scorecards.pull.ts), in a fixed order within each card. The
 * one-card readers below are the same queries for one id.
 */
function byCard<Row extends { scorecardId: string }>(ids: readonly string[], rows: Row[]) {
  const grouped = new Map<string, Omit<Row, "scorecardId">[]>(ids.map((id) => [id, []]));
  for (const { scorecardId, ...row } of rows) grouped.get(scorecardId)?.push(row);
  return grouped;
}

export async function participantsOf(db: Db, ids: readonly string[]): Promise<Map<string, ParticipantRow[]>> {
  const rows = await db
    .select()
    .from(scorecardParticipants)
    .where(inArray(scorecardParticipants.scorecardId, [...ids]))
    .orderBy(asc(scorecardParticipants.scorecardId), asc(scorecardParticipants.number));
  // Participants keep their scorecardId (the presenter strips it): group them as they are.
  const grouped = new Map<string, ParticipantRow[]>(ids.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.scorecardId)?.push(row);
  return grouped;
}

export async function talliesOf(db: Db, ids: readonly string[]): Promise<Map<string, TallyRow[]>> {
  const rows = await db
    .select()
    .from(scorecardParticipantTallies)
    .where(inArray(scorecardParticipantTallies.scorecardId, [...ids]))
    .orderBy(
      asc(scorecardParticipantTallies.scorecardId),
      asc(scorecardParticipantTallies.sex),
      asc(scorecardParticipantTallies.ageBand),
    );
  const grouped = new Map<string, TallyRow[]>(ids.map((id) => [id, []]));
  for (const row of rows) grouped.get(row.scorecardId)?.push(row);
  return grouped;
}

/** Issues and priorities name their indicator by id: scorecards.content.ts adds how it is shown. */
export async function issuesOf(db: Db, ids: readonly string[]) {
  const rows = await db
    .select({
      scorecardId: scorecardIssues.scorecardId,
      id: scorecardIssues.id,
      participantNumber: scorecardIssues.participantNumber,
      count: scorecardIssues.count,
      indicatorId: scorecardIssues.indicatorId,
    })
    .from(scorecardIssues)
    .where(inArray(scorecardIssues.scorecardId, [...ids]))
    .orderBy(
      asc(scorecardIssues.scorecardId),
      asc(scorecardIssues.createdAt),
      asc(scorecardIssues.participantNumber),
    );
  return byCard(ids, rows);
}

export async function prioritiesOf(db: Db, ids: readonly string[]) {
  const rows = await db
    .select({
      scorecardId: scorecardPriorities.scorecardId,
      rank: scorecardPriorities.rank,
      strengths: scorecardPriorities.strengths,
      weaknesses: scorecardPriorities.weaknesses,
      suggestedActions: scorecardPriorities.suggestedActions,
      indicatorId: scorecardPriorities.indicatorId,
    })
    .from(scorecardPriorities)
    .where(inArray(scorecardPriorities.scorecardId, [...ids]))
    .orderBy(asc(scorecardPriorities.scorecardId), asc(scorecardPriorities.rank));
  return byCard(ids, rows);
}

export async function scoresOf(db: Db, ids: readonly string[]) {
  const rows = await db
    .select({
      scorecardId: scorecardScores.scorecardId,
      participantNumber: scorecardScores.participantNumber,
      indicatorId: scorecardScores.indicatorId,
      score: scorecardScores.score,
    })
    .from(scorecardScores)
    .where(inArray(scorecardScores.scorecardId, [...ids]))
    .orderBy(asc(scorecardScores.scorecardId), asc(scorecardScores.participantNumber));
  return byCard(ids, rows);
}

export async function scoreTalliesOf(db: Db, ids: readonly string[]) {
  const rows = await db
    .select({
      scorecardId: scorecardScoreTallies.scorecardId,
      indicatorId: scorecardScoreTallies.indicatorId,
      score: scorecardScoreTallies.score,
      count: scorecardScoreTallies.count,
    })
    .from(scorecardScoreTallies)
    .where(inArray(scorecardScoreTallies.scorecardId, [...ids]))
    .orderBy(
      asc(scorecardScoreTallies.scorecardId),
      asc(scorecardScoreTallies.indicatorId),
      asc(scorecardScoreTallies.score),
    );
  return byCard(ids, rows);
}

const ofOne =
  <Row>(read: (db: Db, ids: readonly string[]) => Promise<Map<string, Row[]>>) =>
  async (db: Db, id: string): Promise<Row[]> =>
    (await read(db, [id])).get(id) ?? [];

export const participants = ofOne(participantsOf);
export const tallies = ofOne(talliesOf);
export const issues = ofOne(issuesOf);
export const priorities = ofOne(prioritiesOf);
export const scores = ofOne(scoresOf);
export const scoreTallies = ofOne(scoreTalliesOf);

/** A card's requests for change (newest first), only the pending ones when asked. */
export async function changeRequestRows(db: Db, scorecardIds: readonly string[], onlyPending = false) {
  if (scorecardIds.length === 0) return [];
  return db
    .select()
    .from(scorecardChangeRequests)
    .where(
      and(
        inArray(scorecardChangeRequests.scorecardId, [...scorecardIds]),
        onlyPending ? eq(scorecardChangeRequests.status, "pending") : undefined,
      ),
    )
    .orderBy(desc(scorecardChangeRequests.createdAt));
}

/** Cards in a status (and pending change requests' cards) whose cycles lie in the actor's area. */
export async function inAreaWithStatus(
  db: Db,
  actor: Actor,
  status: "submitted" | "approved",
  ids?: string[],
) {
  return db
    .select({ card: scorecards })
    .from(scorecards)
    .where(
      and(eq(scorecards.status, status), ids ? inArray(scorecards.id, ids) : undefined, cycleInArea(actor)),
    )
    .orderBy(asc(scorecards.submittedAt))
    .limit(500);
}

export async function pendingRequestCardIds(db: Db, actor: Actor): Promise<string[]> {
  const rows = await db
    .selectDistinct({ id: scorecardChangeRequests.scorecardId })
    .from(scorecardChangeRequests)
    .innerJoin(scorecards, eq(scorecards.id, scorecardChangeRequests.scorecardId))
    .where(and(eq(scorecardChangeRequests.status, "pending"), cycleInArea(actor)))
    .limit(500);
  return rows.map((row) => row.id);
}
